"""Cross-origin requests to /graphql from the browser front ends listed in
ACCOUNTQL_CORS_ORIGINS, and from no other origin.

Starlette's CORSMiddleware does the work: it answers preflights and mirrors a listed
origin back. This subclass changes only what the API needs otherwise:
- a preflight that passes answers 204 with no body (Starlette: 200 "OK");
- a preflight that fails answers a GraphQL-shaped error that says what to change, with
  no CORS headers at all (Starlette sends its Allow-Methods, Allow-Credentials, ... even
  to an origin it refuses);
- Access-Control-Allow-Credentials goes to listed origins only (Starlette adds it to
  every response of a request with an Origin header, listed or not).
Requests without an Origin header, and same-origin ones, are answered as before, with no
CORS header (only Vary: Origin once the list is set): CORS only loosens what a browser
lets a page of another origin read. Refusing requests by their Origin (cookie-borne
sessions) is not done here, and nothing here stands in its way."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Send

from accountql.web.media_types import error_response, negotiate_headers

SETTING = "ACCOUNTQL_CORS_ORIGINS"
METHODS = ("GET", "POST")
# What a front end sends: JSON, a bearer token or an API key, and the headers that let a
# multipart upload through the CSRF check (request_checks.PREFLIGHT_HEADERS).
HEADERS = ("Content-Type", "Authorization", "X-Auth-Token", "X-CSRF-Protection", "Apollo-Require-Preflight")
# Seconds a browser may reuse a preflight; Chromium caps it at 7200 whatever is sent.
MAX_AGE = 600


class GraphQLCORS(CORSMiddleware):
    def __init__(self, app: ASGIApp, origins: Sequence[str]) -> None:
        super().__init__(
            app,
            allow_origins=tuple(origins),  # never "*": the origins are checked in config.py
            allow_methods=METHODS,
            allow_headers=HEADERS,
            # Sessions travel in the Authorization header today and may travel in cookies:
            # a listed origin is trusted with either.
            allow_credentials=True,
            max_age=MAX_AGE,
        )

    def preflight_response(self, request_headers: Headers) -> Response:
        origin = request_headers["origin"]
        media_type = negotiate_headers(request_headers)
        if not self.is_allowed_origin(origin):
            return error_response(
                403,
                f"The origin {origin} may not call this API from a browser: add it to {SETTING} "
                "(comma-separated origins such as https://app.example.com) if it should.",
                "FORBIDDEN",
                media_type,
            )
        response = super().preflight_response(request_headers)
        if response.status_code != 200:  # a listed origin, but a method or header not taken
            return error_response(
                400,
                f"/graphql takes {' and '.join(METHODS)} from another origin, with no headers "
                f"other than {', '.join(HEADERS)} and the ones browsers always allow.",
                "BAD_REQUEST",
                media_type,
            )
        # Starlette's headers, less its text/plain body: a preflight answer has no content.
        cors = {k: v for k, v in response.headers.items() if k.startswith("access-control-") or k == "vary"}
        return Response(status_code=204, headers=cors)

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        if message["type"] == "http.response.start":
            message.setdefault("headers", [])
            headers = MutableHeaders(scope=message)
            origin = request_headers.get("origin")
            if origin is not None and self.is_allowed_origin(origin):
                headers.update(self.simple_headers)  # Access-Control-Allow-Credentials
                self.allow_explicit_origin(headers, origin)  # the origin itself, and Vary
            elif self.allow_origins:
                # The answer differs by Origin (a listed one would get CORS headers): a
                # shared cache must not hand this one to a listed origin, nor the reverse.
                headers.add_vary_header("Origin")
        await send(message)
