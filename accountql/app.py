"""The ASGI application: POST /graphql (GraphiQL on GET in development) and GET /healthz."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re

from cross_web import HTTPException
from graphql import GraphQLError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.types import ExecutionResult

from accountql import db, housekeeping
from accountql.auth import passwords, sealing
from accountql.auth.context import RequestContext
from accountql.config import Settings
from accountql.delivery import Deliverer
from accountql.errors import ApiError
from accountql.pages import PAGES, landing_page
from accountql.schema.schema import build_schema
from accountql.schema.validation import has_lone_surrogate

log = logging.getLogger("accountql")

INTERNAL = "Something went wrong on our side; it was logged. Try again later."


SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def format_error(error: GraphQLError, hide_suggestions: bool = False) -> dict:
    """Every error gets a code of the contract; unplanned ones reveal nothing."""
    formatted = error.formatted
    original = error.original_error
    if isinstance(original, ApiError):
        formatted["message"] = original.message
        formatted["extensions"] = dict(original.extensions)
    elif original is None or isinstance(original, GraphQLError):
        # The document or its variables are wrong (syntax, unknown field, wrong type).
        formatted["extensions"] = {"code": "BAD_USER_INPUT"}
        if hide_suggestions:  # they would spell out the schema that production hides
            formatted["message"] = SUGGESTION.sub("", formatted["message"])
    else:
        formatted["message"] = INTERNAL
        formatted["extensions"] = {"code": "INTERNAL_SERVER_ERROR"}
    return formatted


class GraphQLApp(GraphQL):
    def __init__(self, settings: Settings) -> None:
        super().__init__(
            build_schema(settings),
            graphql_ide=None if settings.production else "graphiql",
            multipart_uploads_enabled=True,  # KYC documents (GraphQL multipart request spec)
        )
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        request = Request(scope=scope, receive=receive)
        if request.headers.get("content-type", "").startswith("multipart/") and not self._small_enough(request):
            response = JSONResponse(
                {"errors": [{"message": "The upload is too large or has no Content-Length: send files "
                             f"of at most {self.settings.kyc_max_bytes // (1024 * 1024)} MiB each.",
                             "extensions": {"code": "BAD_USER_INPUT"}}]},
                status_code=413,
            )
            await response(scope, receive, send)
            return
        try:
            response = await self.run(request)
        except HTTPException as e:
            # Transport errors (a batch, a body that is not JSON) get the contract's shape too.
            response = JSONResponse(
                {
                    "errors": [
                        {
                            "message": f"{e.reason}: send one operation as a JSON object "
                            '{"query": ..., "variables": ...}.',
                            "extensions": {"code": "BAD_USER_INPUT"},
                        }
                    ]
                },
                status_code=e.status_code,
            )
        await response(scope, receive, send)

    def _small_enough(self, request: Request) -> bool:
        """A multipart body is refused before it is read when it could not hold two files
        of the allowed size (and its form fields)."""
        try:
            length = int(request.headers.get("content-length", ""))
        except ValueError:
            return False
        return length <= 2 * self.settings.kyc_max_bytes + 64 * 1024

    def decode_json(self, data: str | bytes) -> object:
        """The request body: one JSON object of valid Unicode, checked before anything runs."""
        decoded = json.loads(data)
        if not isinstance(decoded, (dict, list)):
            raise HTTPException(400, "The body is not a JSON object")
        if has_lone_surrogate(decoded):
            raise HTTPException(400, "The body holds text that is not valid Unicode")
        return decoded

    async def get_context(self, request, response) -> RequestContext:
        return RequestContext.from_connection(request, self.settings)

    async def process_result(self, request, result: ExecutionResult) -> dict:
        data: dict = {"data": result.data}
        if result.errors:
            hide = self.settings.production
            data["errors"] = [format_error(error, hide_suggestions=hide) for error in result.errors]
        if result.extensions:
            data["extensions"] = result.extensions
        return data


async def healthz(request: Request) -> JSONResponse:
    if await db.database_answers():
        return JSONResponse({"status": "ok"})
    return JSONResponse({"status": "unavailable"}, status_code=503)


def create_app(settings: Settings, manage_database: bool = True) -> Starlette:
    """The app. With manage_database it opens the database and starts the outbox delivery
    worker on start-up, and stops both at shutdown; tests that open the database
    themselves pass False."""
    passwords.configure(settings.argon2_memory_kib, settings.argon2_time_cost)
    sealing.configure(settings.secret_key)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if not manage_database:
            yield
            return
        await db.init_db(settings.database_url)
        deliverer = Deliverer(
            settings.smtp_url, settings.mail_from, settings.sms_url, log_instead=not settings.production
        )
        workers = [
            asyncio.create_task(deliverer.run(), name="outbox delivery"),
            asyncio.create_task(housekeeping.run(), name="housekeeping"),
        ]
        try:
            yield
        finally:
            for worker in workers:
                worker.cancel()
            for worker in workers:
                with contextlib.suppress(asyncio.CancelledError):
                    await worker
            await db.close_db()

    graphql = GraphQLApp(settings)
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            *[Route(path, landing_page, methods=["GET"]) for path in PAGES],
        ],
        lifespan=lifespan,
    )
