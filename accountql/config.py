"""Settings, read once from ACCOUNTQL_* environment variables.

A wrong or missing setting raises ConfigError with one line that says what to do;
the command line prints that line and exits instead of showing a traceback.
"""

from __future__ import annotations

import difflib
import ipaddress
import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from accountql.web.origins import web_origin

log = logging.getLogger("accountql")

DEFAULT_DATABASE_URL = "sqlite://accountql.sqlite3"
ENVIRONMENTS = ("development", "test", "production")


class ConfigError(Exception):
    """A setting is wrong; the message is one line naming the variable and the fix."""


# The names of the settings: every variable that load_settings reads, recorded by _env as
# it reads it. This is the one list: a setting added through the readers below is known
# without being listed again, provided load_settings reads it on every call (read it even
# when another setting makes it unused), before _refuse_unknown_names runs.
SETTING_NAMES: set[str] = set()

# ACCOUNTQL_* variables that are not settings of the server: the test suite's database,
# CI's PostgreSQL server (.ci/run), and CI's switches that make the graphql-http audit and
# the browser test fail rather than skip (tests/test_graphql_http_audit.py, test_graphiql_browser.py).
NOT_SETTINGS = (
    "ACCOUNTQL_TEST_DATABASE_URL",
    "ACCOUNTQL_CI_POSTGRES",
    "ACCOUNTQL_TEST_REQUIRE_HTTP_AUDIT",
    "ACCOUNTQL_TEST_REQUIRE_BROWSER",
    "ACCOUNTQL_TEST_REQUIRE_TYPESCRIPT",
    "ACCOUNTQL_CODEGEN_OUT",  # clients/typescript's generation check
)


def _env(name: str, default: str = "") -> str:
    """The raw value of a setting: every reader goes through here, which records its name."""
    SETTING_NAMES.add(name)
    return os.environ.get(name, default)


def _text(name: str, default: str = "") -> str:
    return _env(name).strip() or default


def _refuse_unknown_names() -> None:
    """A misspelled variable would otherwise be ignored in silence, and its setting left
    at the default: ACCOUNTQL_SMTP_ULR would mean mail that is never sent."""
    known = SETTING_NAMES | set(NOT_SETTINGS)
    for name in sorted(os.environ):
        if not name.upper().startswith("ACCOUNTQL_") or name in known:
            continue
        # Compared without the prefix that they all share, which would make anything "close".
        close = difflib.get_close_matches(
            name.upper().removeprefix("ACCOUNTQL_"), [k.removeprefix("ACCOUNTQL_") for k in sorted(known)], n=1
        )
        if close:
            raise ConfigError(f"{name} is not a setting: did you mean ACCOUNTQL_{close[0]}? (unset it, or fix its name)")
        raise ConfigError(f"{name} is not a setting: unset it (docs/deployment.md lists the settings)")


def _bool(name: str, default: bool) -> bool:
    raw = _env(name)
    if raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean: use true or false")


def _seconds(name: str, default: float) -> float:
    raw = _env(name).strip()
    if raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds: use e.g. {default:g}") from None
    if not 0.1 <= value <= 3600:
        raise ConfigError(f"{name}={raw} is out of range: use 0.1 to 3600 seconds")
    return value


def _int(name: str, default: int, minimum: int = 1) -> int:
    raw = _env(name)
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number: use e.g. {default}") from None
    if value < minimum:
        raise ConfigError(f"{name}={value} is too small: use at least {minimum}")
    return value


LOG_FORMATS = ("text", "json")
MIN_METRICS_TOKEN = 16


def _choice(name: str, choices: tuple[str, ...]) -> str:
    """One of `choices`, the first being the default."""
    value = _text(name, choices[0]).lower()
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is unknown: use one of {', '.join(choices)}")
    return value


def _metrics(name: str) -> dict:
    """Off, on for anyone who can reach the port (true), or a token that scrapers send as
    a bearer. A token is never part of an error message."""
    raw = _env(name).strip()
    if raw.lower() in ("", "0", "false", "no", "off"):
        return {"metrics": False, "metrics_token": None}
    if raw.lower() in ("1", "true", "yes", "on"):
        return {"metrics": True, "metrics_token": None}
    if len(raw) < MIN_METRICS_TOKEN or not raw.isprintable() or " " in raw:
        raise ConfigError(
            f"{name} is neither true, false nor a token of {MIN_METRICS_TOKEN} characters or more "
            'without spaces: generate one with python -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    return {"metrics": True, "metrics_token": raw}


def _networks(name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    raw = _env(name)
    networks = []
    for part in filter(None, (p.strip() for p in raw.split(","))):
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ConfigError(
                f"{name}: {part!r} is not an IP address or network: use e.g. 10.0.0.5,10.1.0.0/16"
            ) from None
    return tuple(networks)


def _origins(name: str) -> tuple[str, ...]:
    """Web origins as browsers send them in the Origin header. Each is checked whole: one
    that is not exactly an origin (a path, a trailing slash, a wildcard) would never equal
    an Origin header, and its front end would be refused with no hint why."""
    origins: list[str] = []
    for part in filter(None, (p.strip() for p in _env(name).split(","))):
        origin = web_origin(part)
        if origin is None:
            raise ConfigError(
                f"{name}: {part!r} is not a web origin: use e.g. https://app.example.com,http://localhost:5173 "
                "(scheme, host and port only: no path, not even a trailing /, and no *)"
            )
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def _check_database_url(url: str) -> str:
    scheme = urlsplit(url).scheme
    if scheme not in ("sqlite", "postgres", "postgresql", "asyncpg"):
        raise ConfigError(
            f"ACCOUNTQL_DATABASE_URL has the unsupported scheme {scheme!r}: "
            "use sqlite://PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        )
    if scheme == "sqlite" and not url[len("sqlite://"):]:
        raise ConfigError("ACCOUNTQL_DATABASE_URL has no file: use e.g. sqlite://accountql.sqlite3")
    db_file = sqlite_path(url)
    if db_file is not None and not db_file.parent.is_dir():
        raise ConfigError(
            f"ACCOUNTQL_DATABASE_URL names a file in {db_file.parent}, which does not exist: "
            "create that folder or choose another path"
        )
    return url


def _smtp_url(name: str) -> str | None:
    url = _text(name)
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ConfigError(
            f"{name} is not an SMTP URL: use smtp://USER:PASSWORD@HOST:587 "
            "(STARTTLS when offered) or smtps://USER:PASSWORD@HOST:465"
        )
    return url


DEFAULT_QUOTAS = "instances/GP1-S=10,instances/GP1-M=5,instances/GP1-L=2,volumes/b_ssd=20,ips/flexible=5"


def _quotas(raw: str) -> tuple:  # also parses DEFAULT_QUOTAS, hence a value, not a name
    quotas = []
    for part in filter(None, (p.strip() for p in raw.split(","))):
        try:
            name, limit = part.split("=")
            product, resource = name.split("/")
            quotas.append((product.strip(), resource.strip(), int(limit)))
        except ValueError:
            raise ConfigError(
                f"ACCOUNTQL_DEFAULT_QUOTAS: {part!r} is not product/resource=limit: use e.g. instances/GP1-L=10"
            ) from None
    return tuple(quotas)


def _mail_from(name: str, default: str) -> str:
    """An address as a From header takes it: addr@host or Name <addr@host>."""
    raw = _text(name, default)
    _, address = parseaddr(raw)
    # parseaddr reads what it can and drops the rest ("a@b.com junk", a second address):
    # the value must be the address alone, or end with it in angle brackets.
    whole = address and (raw == address or raw.endswith(f"<{address}>")) and raw.isprintable()
    reason = ""
    if whole:
        local, _, domain = address.rpartition("@")
        # The default sends from @localhost, a special-use name that email-validator
        # refuses: its local part is checked against a stand-in domain.
        checked = f"{local}@example.com" if domain.lower() == "localhost" else address
        try:
            validate_email(checked, check_deliverability=False)
            return raw
        except EmailNotValidError as error:
            reason = f" ({str(error).rstrip('.')})"
    raise ConfigError(
        f"{name}={raw!r} is not an e-mail address{reason}: "
        "use e.g. no-reply@example.com or AccountQL <no-reply@example.com>"
    )


def _http_url(name: str) -> str | None:
    url = _text(name)
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{name}={url!r} is not an http(s) URL: use e.g. https://example.com")
    return url


def redacted_url(url: str) -> str:
    """The URL as logs and error lines show it: a password replaced by ***, and nothing
    added when there is none. The last @ ends the credentials, so that a password with an
    unencoded @ or / in it (a likely mistake in a URL that then fails) is hidden whole."""
    scheme, separator, rest = url.partition("://")
    credentials, at, location = rest.rpartition("@")
    if separator and at:
        user, colon, password = credentials.partition(":")
        if password:
            rest = f"{user}:***@{location}"
    # libpq also takes the password as a parameter: postgres://u@h/db?password=...
    rest = re.sub(r"([?&]password=)[^&]*", r"\1***", rest, flags=re.IGNORECASE)
    return f"{scheme}{separator}{rest}"


def sqlite_path(database_url: str) -> Path | None:
    """The database file of a sqlite:// URL, or None for another database or :memory:."""
    if not database_url.startswith("sqlite://"):
        return None
    path = database_url[len("sqlite://"):].split("?", 1)[0]
    return None if path in ("", ":memory:") else Path(path)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    # The key that signs, seals and hashes from now on; the previous keys (after it in
    # ACCOUNTQL_SECRET_KEY) still verify, unseal and find what they made (rotation).
    secret_key: str = ""
    previous_secret_keys: tuple = ()
    env: str = "development"
    introspection: bool = True
    # GraphiQL on GET /graphql in a browser.
    graphiql: bool = True
    trusted_proxies: tuple = ()
    # What one GraphQL document may be and cost before it is refused (QUERY_TOO_COMPLEX).
    max_query_bytes: int = 32 * 1024
    max_query_tokens: int = 1000
    max_query_depth: int = 10
    max_aliases: int = 15
    max_query_cost: int = 5000
    max_page_size: int = 100
    # Seconds a statement may run, and a request may wait for a database connection: past
    # them the request answers SERVICE_UNAVAILABLE instead of hanging.
    statement_timeout: float = 5.0
    connect_timeout: float = 3.0
    # The largest JSON request body (variables included); larger ones answer 413.
    max_body_bytes: int = 1024 * 1024
    # Failed logins allowed per window before RATE_LIMITED; counted per account and per IP.
    login_failures_per_account: int = 10
    login_failures_per_ip: int = 100
    login_window_seconds: int = 900
    # Wrong second-factor codes per account per login window.
    mfa_failures_per_account: int = 10
    # Sign-ups per client IP per hour: each costs a password hash, and accounts are cheap spam.
    signups_per_ip: int = 30
    # Messages asked for (magic links, reset links and codes) per recipient and per IP, per hour.
    messages_per_recipient: int = 5
    messages_per_ip: int = 30
    invitation_days: int = 7
    # Retention: days after which what has served its purpose is deleted (housekeeping).
    retain_ended_sessions_days: int = 30
    retain_used_tokens_days: int = 0
    retain_sent_messages_days: int = 7
    retain_login_attempts_days: int = 180
    retain_audit_events_days: int = 400
    # Seconds between two housekeeping sweeps in a running server.
    housekeeping_interval: int = 3600
    # Sensitive changes need a password proof this recent (GitHub's sudo mode).
    reauthentication_minutes: int = 10
    # A phone number verified more recently than this cannot reset the password by SMS.
    sms_reset_delay_hours: int = 72
    # Abuse reports per reporter and per reported organization, per hour.
    abuse_reports_per_reporter: int = 10
    abuse_reports_per_organization: int = 100
    issuer: str = "AccountQL"
    require_mfa: bool = False
    smtp_url: str | None = None
    mail_from: str = "AccountQL <no-reply@localhost>"
    sms_url: str | None = None
    # Reports of the same resource and reason join the open case opened this recently.
    abuse_case_window_days: int = 7
    # Where KYC images are kept (outside the database), how large one may be, and whether
    # staff may raise quotas of an organization whose KYC is not approved.
    kyc_dir: str = "kyc-documents"
    kyc_max_bytes: int = 10 * 1024 * 1024
    kyc_required_for_quota_increase: bool = False
    # product/resource=limit defaults, e.g. "instances/GP1-L=10,volumes/b_ssd=50".
    default_quotas: tuple = field(default_factory=lambda: _quotas(DEFAULT_QUOTAS))
    # Where links in e-mails point: the front end, which posts the token to the API.
    app_url: str = "http://127.0.0.1:8000"
    argon2_memory_kib: int = 19 * 1024
    argon2_time_cost: int = 2
    # Threads that hash passwords at once; 0: one per core.
    argon2_threads: int = 0
    # Web origins whose browser scripts may call /graphql, with credentials (web/cors.py).
    cors_origins: tuple = ()
    # GET /metrics (web/metrics.py): off (404), open, or open to `Bearer <metrics_token>`.
    metrics: bool = False
    metrics_token: str | None = field(default=None, repr=False)
    # "text" for a terminal, "json" (one object a line) for a log collector (logs.py).
    log_format: str = "text"
    # Seconds a SIGTERM waits for requests in flight before they are cut off.
    shutdown_timeout: float = 30.0
    # WebAuthn (passkeys): the relying party's id and name, and the origins whose pages may
    # run a ceremony. Empty means: from app_url (its host, the issuer, its origin).
    webauthn_rp_id: str = ""
    webauthn_rp_name: str = ""
    webauthn_origins: tuple = ()

    @property
    def rp_id(self) -> str:
        return self.webauthn_rp_id or (urlsplit(self.app_url).hostname or "localhost")

    @property
    def rp_name(self) -> str:
        return self.webauthn_rp_name or self.issuer

    @property
    def rp_origins(self) -> tuple[str, ...]:
        """Where a passkey ceremony may happen: the clientDataJSON's origin must be one."""
        return self.webauthn_origins or (web_origin(self.app_url) or self.app_url,)

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def secret_keys(self) -> tuple[str, ...]:
        """Every key, the newest first: what verifies, unseals and finds."""
        return (self.secret_key, *self.previous_secret_keys)


def load_settings(create_secret: bool = True) -> Settings:
    """Read the environment. In development a missing secret key is generated once and kept
    in a file beside the database (mode 0600) so sessions survive a restart."""
    env = _text("ACCOUNTQL_ENV", "development").lower()
    if env not in ENVIRONMENTS:
        raise ConfigError(f"ACCOUNTQL_ENV={env!r} is unknown: use one of {', '.join(ENVIRONMENTS)}")
    database_url = _check_database_url(_text("ACCOUNTQL_DATABASE_URL", DEFAULT_DATABASE_URL))
    production = env == "production"
    values = dict(
        database_url=database_url,
        env=env,
        introspection=_bool("ACCOUNTQL_INTROSPECTION", not production),
        graphiql=_bool("ACCOUNTQL_GRAPHIQL", not production),
        trusted_proxies=_networks("ACCOUNTQL_TRUSTED_PROXIES"),
        max_query_bytes=_int("ACCOUNTQL_MAX_QUERY_BYTES", 32 * 1024),
        max_query_tokens=_int("ACCOUNTQL_MAX_QUERY_TOKENS", 1000),
        max_query_depth=_int("ACCOUNTQL_MAX_QUERY_DEPTH", 10),
        max_aliases=_int("ACCOUNTQL_MAX_ALIASES", 15),
        max_query_cost=_int("ACCOUNTQL_MAX_QUERY_COST", 5000),
        max_page_size=_int("ACCOUNTQL_MAX_PAGE_SIZE", 100),
        max_body_bytes=_int("ACCOUNTQL_MAX_BODY_BYTES", 1024 * 1024),
        statement_timeout=_seconds("ACCOUNTQL_STATEMENT_TIMEOUT", 5.0),
        connect_timeout=_seconds("ACCOUNTQL_CONNECT_TIMEOUT", 3.0),
        login_failures_per_account=_int("ACCOUNTQL_LOGIN_FAILURES_PER_ACCOUNT", 10),
        login_failures_per_ip=_int("ACCOUNTQL_LOGIN_FAILURES_PER_IP", 100),
        login_window_seconds=_int("ACCOUNTQL_LOGIN_WINDOW_SECONDS", 900),
        mfa_failures_per_account=_int("ACCOUNTQL_MFA_FAILURES_PER_ACCOUNT", 10),
        signups_per_ip=_int("ACCOUNTQL_SIGNUPS_PER_IP", 30),
        messages_per_recipient=_int("ACCOUNTQL_MESSAGES_PER_RECIPIENT", 5),
        messages_per_ip=_int("ACCOUNTQL_MESSAGES_PER_IP", 30),
        invitation_days=_int("ACCOUNTQL_INVITATION_DAYS", 7),
        reauthentication_minutes=_int("ACCOUNTQL_REAUTHENTICATION_MINUTES", 10),
        retain_ended_sessions_days=_int("ACCOUNTQL_RETAIN_ENDED_SESSIONS_DAYS", 30, minimum=0),
        retain_used_tokens_days=_int("ACCOUNTQL_RETAIN_USED_TOKENS_DAYS", 0, minimum=0),
        retain_sent_messages_days=_int("ACCOUNTQL_RETAIN_SENT_MESSAGES_DAYS", 7, minimum=0),
        retain_login_attempts_days=_int("ACCOUNTQL_RETAIN_LOGIN_ATTEMPTS_DAYS", 180, minimum=1),
        retain_audit_events_days=_int("ACCOUNTQL_RETAIN_AUDIT_EVENTS_DAYS", 400, minimum=1),
        housekeeping_interval=_int("ACCOUNTQL_HOUSEKEEPING_INTERVAL", 3600, minimum=10),
        sms_reset_delay_hours=_int("ACCOUNTQL_SMS_RESET_DELAY_HOURS", 72, minimum=0),
        abuse_reports_per_reporter=_int("ACCOUNTQL_ABUSE_REPORTS_PER_REPORTER", 10),
        abuse_reports_per_organization=_int("ACCOUNTQL_ABUSE_REPORTS_PER_ORGANIZATION", 100),
        issuer=_text("ACCOUNTQL_ISSUER", "AccountQL"),
        require_mfa=_bool("ACCOUNTQL_REQUIRE_MFA", False),
        abuse_case_window_days=_int("ACCOUNTQL_ABUSE_CASE_WINDOW", 7),
        kyc_dir=_text("ACCOUNTQL_KYC_DIR") or _beside_database(database_url, "kyc-documents"),
        kyc_max_bytes=_int("ACCOUNTQL_KYC_MAX_BYTES", 10 * 1024 * 1024),
        kyc_required_for_quota_increase=_bool("ACCOUNTQL_KYC_REQUIRED_FOR_QUOTA_INCREASE", False),
        # Unset means the defaults; set but empty means no default quotas at all.
        default_quotas=_quotas(_env("ACCOUNTQL_DEFAULT_QUOTAS", DEFAULT_QUOTAS)),
        smtp_url=_smtp_url("ACCOUNTQL_SMTP_URL"),
        mail_from=_mail_from("ACCOUNTQL_MAIL_FROM", "AccountQL <no-reply@localhost>"),
        sms_url=_http_url("ACCOUNTQL_SMS_URL"),
        app_url=(_http_url("ACCOUNTQL_APP_URL") or "http://127.0.0.1:8000").rstrip("/"),
        argon2_memory_kib=_int("ACCOUNTQL_ARGON2_MEMORY_KIB", 19 * 1024, minimum=8),
        argon2_time_cost=_int("ACCOUNTQL_ARGON2_TIME_COST", 2),
        argon2_threads=_int("ACCOUNTQL_ARGON2_THREADS", 0, minimum=0),
        cors_origins=_origins("ACCOUNTQL_CORS_ORIGINS"),
        **_metrics("ACCOUNTQL_METRICS"),
        log_format=_choice("ACCOUNTQL_LOG_FORMAT", LOG_FORMATS),
        shutdown_timeout=_seconds("ACCOUNTQL_SHUTDOWN_TIMEOUT", 30.0),
        webauthn_rp_name=_text("ACCOUNTQL_WEBAUTHN_RP_NAME"),
        webauthn_origins=_origins("ACCOUNTQL_WEBAUTHN_ORIGINS"),
    )
    values["webauthn_rp_id"] = _rp_id("ACCOUNTQL_WEBAUTHN_RP_ID", values["app_url"], values["webauthn_origins"])
    secret_key, *previous = _secret_keys("ACCOUNTQL_SECRET_KEY")
    _refuse_unknown_names()  # every setting has been read by now
    # Last: a key file is written only once every other setting is known to be right.
    if not secret_key:
        if production:
            raise ConfigError(
                "ACCOUNTQL_SECRET_KEY is not set, and production needs one: generate one with "
                'python -c "import secrets; print(secrets.token_urlsafe(48))"'
            )
        secret_key = _development_secret(database_url, create_secret)
    return Settings(secret_key=secret_key, previous_secret_keys=tuple(previous), **values)


def _rp_id(name: str, app_url: str, origins: tuple[str, ...]) -> str:
    """The WebAuthn relying-party id: a domain that every allowed origin's host equals or is
    a subdomain of. Browsers refuse a ceremony otherwise, so a mismatch here would only
    show as passkeys that never work."""
    raw = _text(name).lower()
    rp_id = raw or (urlsplit(app_url).hostname or "")
    if raw and not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*", raw):
        raise ConfigError(f"{name}={raw!r} is not a domain: use e.g. example.com (no scheme, port or path)")
    for origin in origins or (web_origin(app_url) or app_url,):
        host = urlsplit(origin).hostname or ""
        if host != rp_id and not host.endswith("." + rp_id):
            raise ConfigError(
                f"{name}={rp_id!r} does not cover the origin {origin}: use its domain or a parent "
                "domain of it, or set ACCOUNTQL_WEBAUTHN_ORIGINS to origins on that domain"
            )
    return raw


def _secret_keys(name: str) -> list[str]:
    """One key, or several separated by commas while rotating: the newest first. The keys
    themselves are never part of an error message."""
    raw = _env(name).strip()
    if not raw:
        return [""]
    keys = [key.strip() for key in raw.split(",")]
    for position, key in enumerate(keys, start=1):
        if len(key) < 32:
            which = f"key {position} of {len(keys)} in {name}" if len(keys) > 1 else name
            raise ConfigError(
                f"{which} is shorter than 32 characters: generate one with: "
                'python -c "import secrets; print(secrets.token_urlsafe(48))"'
            )
    if len(set(keys)) != len(keys):
        raise ConfigError(f"{name} names the same key twice: list each key once, the newest first.")
    return keys


def _beside_database(database_url: str, name: str) -> str:
    db_file = sqlite_path(database_url)
    return str((db_file.parent if db_file else Path.cwd()) / name)


def _development_secret(database_url: str, create: bool) -> str:
    db_file = sqlite_path(database_url)
    folder = db_file.parent if db_file else Path.cwd()
    path = folder / ".accountql-secret-key"
    if not path.exists():
        if not create:
            raise ConfigError(f"ACCOUNTQL_SECRET_KEY is not set and {path} does not exist: set one")
        _write_secret_file(path)
    if path.stat().st_mode & 0o077:
        raise ConfigError(f"{path} can be read by other users: run chmod 600 {path}")
    key = path.read_text().strip()
    if len(key) < 32:
        raise ConfigError(
            f"{path} does not hold a key of 32 characters or more: delete it to have one "
            "generated, or set ACCOUNTQL_SECRET_KEY"
        )
    return key


def _write_secret_file(path: Path) -> None:
    """Write the key whole under a temporary name, then link it into place: a process
    starting at the same moment sees either no file or the complete key, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48) + "\n")
    try:
        os.link(temporary, path)
    except FileExistsError:
        return  # another process won the race; its key is the one
    finally:
        temporary.unlink()
    log.warning(
        "ACCOUNTQL_SECRET_KEY is not set: generated one in %s (mode 0600). "
        "Set ACCOUNTQL_SECRET_KEY in production.",
        path,
    )
