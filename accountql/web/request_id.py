"""X-Request-Id: every HTTP request (and WebSocket) gets an id that its log lines carry and
its response returns, so a user's report, a proxy's log and ours can be matched.

An id is kept only from a trusted proxy (ACCOUNTQL_TRUSTED_PROXIES), as X-Forwarded-For
is: anyone else could file their requests under the id of someone else's, and an incident's
timeline would join them. It is kept when it is sane: at most 128 characters of letters,
digits and `-_.:/+=`. Anything else (too long, spaces, control characters that could forge
a log line) is replaced by a fresh id rather than cleaned, so that no id is half the caller's.
"""

from __future__ import annotations

import re
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accountql import logs
from accountql.net import in_networks

HEADER = "x-request-id"
SANE = re.compile(r"[A-Za-z0-9\-_.:/+=]{1,128}")


def incoming_id(scope: Scope, trusted_proxies: tuple = ()) -> str:
    """The sane id a trusted proxy sent, or a new one (a UUID without dashes)."""
    peer = (scope.get("client") or ("", 0))[0]
    if not in_networks(peer, trusted_proxies):
        return uuid.uuid4().hex
    for name, value in scope.get("headers", ()):
        if name == HEADER.encode():
            text = value.decode("latin-1").strip()
            if SANE.fullmatch(text):
                return text
            break
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Pure ASGI (not BaseHTTPMiddleware): the app runs in this task, so the id set here is
    seen by every log line of the request, uvicorn's access line included."""

    def __init__(self, app: ASGIApp, trusted_proxies: tuple = ()) -> None:
        self.app = app
        self.trusted_proxies = trusted_proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        rid = incoming_id(scope, self.trusted_proxies)
        scope.setdefault("state", {})["request_id"] = rid
        token = logs.request_id.set(rid)

        async def send_with_id(message: Message) -> None:
            if message["type"] in ("http.response.start", "websocket.accept"):
                if message["type"] == "http.response.start":
                    MutableHeaders(scope=message)[HEADER] = rid
                else:
                    headers = list(message.get("headers", []))
                    headers.append((HEADER.encode(), rid.encode()))
                    message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            logs.request_id.reset(token)
