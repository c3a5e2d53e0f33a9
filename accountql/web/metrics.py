"""GET /metrics: Prometheus's text format (accountql/metrics.py says what is counted).

Off unless ACCOUNTQL_METRICS is set: then 404, as if the route did not exist. `true`
opens it to anyone who reaches the port (for a scraper on a private network); a token
opens it to requests that carry `Authorization: Bearer <token>`, compared in constant
time so that the time of a refusal says nothing about how much of a guess was right.
"""

from __future__ import annotations

import hmac

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from accountql import metrics
from accountql.config import Settings

PATH = "/metrics"
NO_TOKEN = (
    "The metrics need a token: send Authorization: Bearer <the value of ACCOUNTQL_METRICS> "
    "(set the scraper's bearer token to it)."
)
WRONG_TOKEN = "That metrics token is wrong: send the value of ACCOUNTQL_METRICS as the bearer token."
NOT_FOUND = "Not Found"


def _refusal(status: int, message: str, code: str, headers: dict | None = None) -> JSONResponse:
    # The shape of the API's errors, so a person reading it with curl knows what to do.
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status, headers)


def endpoint(settings: Settings):
    """The route's function for these settings."""
    expected = settings.metrics_token.encode() if settings.metrics_token else None

    async def serve_metrics(request: Request) -> Response:
        if not settings.metrics:
            return Response(NOT_FOUND, status_code=404, media_type="text/plain")
        if expected is not None:
            scheme, _, given = request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not given.strip():
                return _refusal(401, NO_TOKEN, "UNAUTHENTICATED", {"WWW-Authenticate": 'Bearer realm="metrics"'})
            if not hmac.compare_digest(given.strip().encode(), expected):
                return _refusal(401, WRONG_TOKEN, "UNAUTHENTICATED", {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        body = await metrics.exposition()
        # Scrapes must never be cached: each is a reading of now.
        return Response(body, media_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})

    return serve_metrics
