"""X-Request-Id: every HTTP request (and WebSocket) gets an id that its log lines carry and
its response returns, so a user's report, a proxy's log and ours can be matched.

An id a proxy sent is kept when it is sane: at most 128 characters of letters, digits and
`-_.:/+=`. Anything else (too long, spaces, control characters that could forge a log
line) is replaced by a fresh id rather than cleaned, so that no id is half the caller's.
"""

from __future__ import annotations

import re
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accountql import logs

HEADER = "x-request-id"
SANE = re.compile(r"[A-Za-z0-9\-_.:/+=]{1,128}")


def incoming_id(scope: Scope) -> str:
    """The sane id a proxy sent, or a new one (a UUID without dashes)."""
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

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        rid = incoming_id(scope)
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
