"""Web origins (scheme://host[:port]) in the one form browsers write in the Origin header,
so that a configured origin and a request's Origin compare as plain strings."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

HOST_LABEL = r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?"
DEFAULT_PORTS = {"http": 80, "https": 443}


def web_origin(value: str) -> str | None:
    """The origin as browsers serialize it (scheme and host in lower case, no default
    port), or None when the value is not exactly an origin: another scheme than http(s),
    "null", a wildcard, a user, a path (a trailing / included), a query or a fragment."""
    if not value.isascii() or not value.isprintable() or value.endswith(("/", "?", "#")):
        return None  # urlsplit would drop an empty path, query or fragment
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:  # a port that is no number or out of range; a bad IPv6 address
        return None
    scheme, host = parts.scheme.lower(), parts.hostname or ""
    if scheme not in DEFAULT_PORTS or parts.path or parts.query or parts.fragment or "@" in parts.netloc:
        return None
    if ":" in host:
        try:
            host = f"[{ipaddress.IPv6Address(host).compressed}]"
        except ValueError:
            return None
    elif not re.fullmatch(rf"{HOST_LABEL}(?:\.{HOST_LABEL})*", host):
        return None
    return f"{scheme}://{host}" + (f":{port}" if port not in (None, DEFAULT_PORTS[scheme]) else "")
