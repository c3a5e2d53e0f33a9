"""How each kind of setting is read from its ACCOUNTQL_* variable and checked: every reader
goes through `env`, which records the name (config.SETTING_NAMES is this module's set), and
a wrong value raises ConfigError with one line that names the variable and the fix."""

from __future__ import annotations

import ipaddress
import os
import re
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from accountql.web.origins import web_origin


class ConfigError(Exception):
    """A setting is wrong; the message is one line naming the variable and the fix."""


# The names of the settings: every variable that load_settings reads, recorded by env as
# it reads it. This is the one list: a setting added through the readers below is known
# without being listed again, provided load_settings reads it on every call (read it even
# when another setting makes it unused), before its check of unknown names runs.
SETTING_NAMES: set[str] = set()


def env(name: str, default: str = "") -> str:
    """The raw value of a setting: every reader goes through here, which records its name."""
    SETTING_NAMES.add(name)
    return os.environ.get(name, default)


def text(name: str, default: str = "") -> str:
    return env(name).strip() or default


def boolean(name: str, default: bool) -> bool:
    raw = env(name)
    if raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean: use true or false")


def seconds(name: str, default: float) -> float:
    raw = env(name).strip()
    if raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds: use e.g. {default:g}") from None
    if not 0.1 <= value <= 3600:
        raise ConfigError(f"{name}={raw} is out of range: use 0.1 to 3600 seconds")
    return value


def integer(name: str, default: int, minimum: int = 1) -> int:
    raw = env(name)
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


def choice(name: str, choices: tuple[str, ...]) -> str:
    """One of `choices`, the first being the default."""
    value = text(name, choices[0]).lower()
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is unknown: use one of {', '.join(choices)}")
    return value


def metrics(name: str) -> dict:
    """Off, on for anyone who can reach the port (true), or a token that scrapers send as
    a bearer. A token is never part of an error message."""
    raw = env(name).strip()
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


def networks(name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    raw = env(name)
    networks = []
    for part in filter(None, (p.strip() for p in raw.split(","))):
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ConfigError(
                f"{name}: {part!r} is not an IP address or network: use e.g. 10.0.0.5,10.1.0.0/16"
            ) from None
    return tuple(networks)


def origins(name: str) -> tuple[str, ...]:
    """Web origins as browsers send them in the Origin header. Each is checked whole: one
    that is not exactly an origin (a path, a trailing slash, a wildcard) would never equal
    an Origin header, and its front end would be refused with no hint why."""
    origins: list[str] = []
    for part in filter(None, (p.strip() for p in env(name).split(","))):
        origin = web_origin(part)
        if origin is None:
            raise ConfigError(
                f"{name}: {part!r} is not a web origin: use e.g. https://app.example.com,http://localhost:5173 "
                "(scheme, host and port only: no path, not even a trailing /, and no *)"
            )
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def check_database_url(url: str) -> str:
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


def smtp_url(name: str) -> str | None:
    url = text(name)
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


def quotas(raw: str) -> tuple:  # also parses DEFAULT_QUOTAS, hence a value, not a name
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


def mail_from(name: str, default: str) -> str:
    """An address as a From header takes it: addr@host or Name <addr@host>."""
    raw = text(name, default)
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


def http_url(name: str) -> str | None:
    url = text(name)
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


def rp_id(name: str, app_url: str, origins: tuple[str, ...]) -> str:
    """The WebAuthn relying-party id: a domain that every allowed origin's host equals or is
    a subdomain of. Browsers refuse a ceremony otherwise, so a mismatch here would only
    show as passkeys that never work."""
    raw = text(name).lower()
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


def secret_keys(name: str) -> list[str]:
    """One key, or several separated by commas while rotating: the newest first. The keys
    themselves are never part of an error message."""
    raw = env(name).strip()
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
