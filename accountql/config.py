"""Settings, read once from ACCOUNTQL_* environment variables.

A wrong or missing setting raises ConfigError with one line that says what to do;
the command line prints that line and exits instead of showing a traceback.
"""

from __future__ import annotations

import difflib
import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from accountql import setting_readers as read
from accountql.setting_readers import (  # noqa: F401 - config is where the rest of the code finds them
    DEFAULT_QUOTAS,
    LOG_FORMATS,
    SETTING_NAMES,
    ConfigError,
    redacted_url,
    sqlite_path,
)
from accountql.web.origins import web_origin

log = logging.getLogger("accountql")

DEFAULT_DATABASE_URL = "sqlite://accountql.sqlite3"
ENVIRONMENTS = ("development", "test", "production")


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
    default_quotas: tuple = field(default_factory=lambda: read.quotas(DEFAULT_QUOTAS))
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
    env = read.text("ACCOUNTQL_ENV", "development").lower()
    if env not in ENVIRONMENTS:
        raise ConfigError(f"ACCOUNTQL_ENV={env!r} is unknown: use one of {', '.join(ENVIRONMENTS)}")
    database_url = read.check_database_url(read.text("ACCOUNTQL_DATABASE_URL", DEFAULT_DATABASE_URL))
    production = env == "production"
    values = dict(
        database_url=database_url,
        env=env,
        introspection=read.boolean("ACCOUNTQL_INTROSPECTION", not production),
        graphiql=read.boolean("ACCOUNTQL_GRAPHIQL", not production),
        trusted_proxies=read.networks("ACCOUNTQL_TRUSTED_PROXIES"),
        max_query_bytes=read.integer("ACCOUNTQL_MAX_QUERY_BYTES", 32 * 1024),
        max_query_tokens=read.integer("ACCOUNTQL_MAX_QUERY_TOKENS", 1000),
        max_query_depth=read.integer("ACCOUNTQL_MAX_QUERY_DEPTH", 10),
        max_aliases=read.integer("ACCOUNTQL_MAX_ALIASES", 15),
        max_query_cost=read.integer("ACCOUNTQL_MAX_QUERY_COST", 5000),
        max_page_size=read.integer("ACCOUNTQL_MAX_PAGE_SIZE", 100),
        max_body_bytes=read.integer("ACCOUNTQL_MAX_BODY_BYTES", 1024 * 1024),
        statement_timeout=read.seconds("ACCOUNTQL_STATEMENT_TIMEOUT", 5.0),
        connect_timeout=read.seconds("ACCOUNTQL_CONNECT_TIMEOUT", 3.0),
        login_failures_per_account=read.integer("ACCOUNTQL_LOGIN_FAILURES_PER_ACCOUNT", 10),
        login_failures_per_ip=read.integer("ACCOUNTQL_LOGIN_FAILURES_PER_IP", 100),
        login_window_seconds=read.integer("ACCOUNTQL_LOGIN_WINDOW_SECONDS", 900),
        mfa_failures_per_account=read.integer("ACCOUNTQL_MFA_FAILURES_PER_ACCOUNT", 10),
        signups_per_ip=read.integer("ACCOUNTQL_SIGNUPS_PER_IP", 30),
        messages_per_recipient=read.integer("ACCOUNTQL_MESSAGES_PER_RECIPIENT", 5),
        messages_per_ip=read.integer("ACCOUNTQL_MESSAGES_PER_IP", 30),
        invitation_days=read.integer("ACCOUNTQL_INVITATION_DAYS", 7),
        reauthentication_minutes=read.integer("ACCOUNTQL_REAUTHENTICATION_MINUTES", 10),
        retain_ended_sessions_days=read.integer("ACCOUNTQL_RETAIN_ENDED_SESSIONS_DAYS", 30, minimum=0),
        retain_used_tokens_days=read.integer("ACCOUNTQL_RETAIN_USED_TOKENS_DAYS", 0, minimum=0),
        retain_sent_messages_days=read.integer("ACCOUNTQL_RETAIN_SENT_MESSAGES_DAYS", 7, minimum=0),
        retain_login_attempts_days=read.integer("ACCOUNTQL_RETAIN_LOGIN_ATTEMPTS_DAYS", 180, minimum=1),
        retain_audit_events_days=read.integer("ACCOUNTQL_RETAIN_AUDIT_EVENTS_DAYS", 400, minimum=1),
        housekeeping_interval=read.integer("ACCOUNTQL_HOUSEKEEPING_INTERVAL", 3600, minimum=10),
        sms_reset_delay_hours=read.integer("ACCOUNTQL_SMS_RESET_DELAY_HOURS", 72, minimum=0),
        abuse_reports_per_reporter=read.integer("ACCOUNTQL_ABUSE_REPORTS_PER_REPORTER", 10),
        abuse_reports_per_organization=read.integer("ACCOUNTQL_ABUSE_REPORTS_PER_ORGANIZATION", 100),
        issuer=read.text("ACCOUNTQL_ISSUER", "AccountQL"),
        require_mfa=read.boolean("ACCOUNTQL_REQUIRE_MFA", False),
        abuse_case_window_days=read.integer("ACCOUNTQL_ABUSE_CASE_WINDOW", 7),
        kyc_dir=read.text("ACCOUNTQL_KYC_DIR") or _beside_database(database_url, "kyc-documents"),
        kyc_max_bytes=read.integer("ACCOUNTQL_KYC_MAX_BYTES", 10 * 1024 * 1024),
        kyc_required_for_quota_increase=read.boolean("ACCOUNTQL_KYC_REQUIRED_FOR_QUOTA_INCREASE", False),
        # Unset means the defaults; set but empty means no default quotas at all.
        default_quotas=read.quotas(read.env("ACCOUNTQL_DEFAULT_QUOTAS", DEFAULT_QUOTAS)),
        smtp_url=read.smtp_url("ACCOUNTQL_SMTP_URL"),
        mail_from=read.mail_from("ACCOUNTQL_MAIL_FROM", "AccountQL <no-reply@localhost>"),
        sms_url=read.http_url("ACCOUNTQL_SMS_URL"),
        app_url=(read.http_url("ACCOUNTQL_APP_URL") or "http://127.0.0.1:8000").rstrip("/"),
        argon2_memory_kib=read.integer("ACCOUNTQL_ARGON2_MEMORY_KIB", 19 * 1024, minimum=8),
        argon2_time_cost=read.integer("ACCOUNTQL_ARGON2_TIME_COST", 2),
        argon2_threads=read.integer("ACCOUNTQL_ARGON2_THREADS", 0, minimum=0),
        cors_origins=read.origins("ACCOUNTQL_CORS_ORIGINS"),
        **read.metrics("ACCOUNTQL_METRICS"),
        log_format=read.choice("ACCOUNTQL_LOG_FORMAT", LOG_FORMATS),
        shutdown_timeout=read.seconds("ACCOUNTQL_SHUTDOWN_TIMEOUT", 30.0),
        webauthn_rp_name=read.text("ACCOUNTQL_WEBAUTHN_RP_NAME"),
        webauthn_origins=read.origins("ACCOUNTQL_WEBAUTHN_ORIGINS"),
    )
    values["webauthn_rp_id"] = read.rp_id("ACCOUNTQL_WEBAUTHN_RP_ID", values["app_url"], values["webauthn_origins"])
    secret_key, *previous = read.secret_keys("ACCOUNTQL_SECRET_KEY")
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
