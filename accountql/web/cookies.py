"""Cookie sessions for first-party front ends: the session token in an HttpOnly cookie that
no script can read, and the rules that keep other sites from riding on it.

A browser sends the cookie with every request to this server, whoever's page makes it. So a
request authenticated by the cookie counts only when it comes from this server's own origin
(or one in ACCOUNTQL_CORS_ORIGINS), as its Origin header says; and a GET or a multipart
request, which a page on another site can make without a preflight and for which browsers
do not always send Origin, only with the X-CSRF-Protection header that such a page cannot
add. SameSite=Lax stops the cookie on cross-site subrequests in the first place."""

from __future__ import annotations

from datetime import datetime

from starlette.requests import HTTPConnection
from starlette.responses import Response

from accountql.clock import now
from accountql.config import Settings
from accountql.net import in_networks as _in_networks
from accountql.web.origins import web_origin

NAME = "accountql_session"
SECURE_NAME = "__Host-accountql_session"  # over https: only this host, path /, Secure
CSRF_HEADER = "x-csrf-protection"


def _scheme(connection: HTTPConnection, settings: Settings) -> str:
    """http or https, as the browser sees this server: behind a trusted proxy that ends TLS,
    what its X-Forwarded-Proto says. Only the last value counts: a proxy that appends keeps
    whatever the client sent in front of its own."""
    scheme = "https" if connection.url.scheme in ("https", "wss") else "http"
    peer = connection.client.host if connection.client else None
    forwarded = connection.headers.get("x-forwarded-proto", "").split(",")[-1].strip().lower()
    if forwarded in ("http", "https") and peer and _in_networks(peer, settings.trusted_proxies):
        scheme = forwarded
    return scheme


def _secure(connection: HTTPConnection, settings: Settings) -> bool:
    return _scheme(connection, settings) == "https" or settings.app_url.startswith("https://")


def set_session(response: Response, connection: HTTPConnection, settings: Settings, token: str, expires_at: datetime) -> None:
    secure = _secure(connection, settings)
    response.set_cookie(
        SECURE_NAME if secure else NAME,
        token,
        max_age=max(0, int((expires_at - now()).total_seconds())),
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )


def clear_session(response: Response, connection: HTTPConnection, settings: Settings) -> None:
    for name in (NAME, SECURE_NAME):
        if name in connection.cookies:
            secure = name == SECURE_NAME
            response.delete_cookie(name, path="/", secure=secure, httponly=True, samesite="lax")


def own_origins(connection: HTTPConnection, settings: Settings) -> set[str]:
    """The origins whose pages may use the cookie: this server as the request reached it, the
    front end links point at, and the allowed CORS origins."""
    origins = {web_origin(f"{_scheme(connection, settings)}://{connection.headers.get('host', '')}")}
    origins.add(web_origin(settings.app_url))
    origins.update(settings.cors_origins)
    origins.discard(None)
    return origins


def session_token(connection: HTTPConnection, settings: Settings) -> tuple[str | None, str | None]:
    """The session token the cookie carries, if the request may use it; else None and why
    not (said to the caller when it needed a session)."""
    # Over https only the __Host- cookie counts: no other host (a sibling subdomain) and no
    # plain-http page can set it, so none can plant a session of its own (fixation).
    token = connection.cookies.get(SECURE_NAME if _secure(connection, settings) else NAME)
    if not token:
        return None, None
    origin = connection.headers.get("origin")
    if origin is not None and web_origin(origin) not in own_origins(connection, settings):
        return None, (
            f"The session cookie is not accepted from pages of {origin}: only this site's own "
            "pages (or origins in ACCOUNTQL_CORS_ORIGINS) may use it."
        )
    simple = connection.scope.get("type") == "http" and (
        connection.scope.get("method") == "GET"
        or connection.headers.get("content-type", "").lower().startswith("multipart/")
    )
    if simple and connection.headers.get(CSRF_HEADER) is None:
        return None, (
            "A GET or multipart request authenticated by the session cookie must carry an "
            "X-CSRF-Protection header (any value): send it with every request."
        )
    if origin is None and not simple:  # browsers send Origin with a POST and a WebSocket
        return None, (
            "A request authenticated by the session cookie must come from a page of this site "
            "(its Origin header said so): browsers send it; other clients use a bearer token."
        )
    return token, None
