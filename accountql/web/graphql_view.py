"""POST and GET /graphql: Strawberry's ASGI view, with the request checked before any
GraphQL runs and every answer, refusals included, shaped as a GraphQL response in the
media type that the Accept header chose (media_types.py: which type, which status)."""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError, MissingQueryError
from strawberry.http import GraphQLRequestData
from strawberry.schema.exceptions import (
    CannotGetOperationTypeError,
    InvalidOperationTypeError,
)
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET

from accountql import db, metrics
from accountql.auth.context import RequestContext
from accountql.config import Settings
from accountql.errors import ApiError, BadRequest
from accountql.schema.schema import build_schema
from accountql.web import graphiql, media_types, request_checks, websockets
from accountql.web.media_types import error_response
from accountql.web.origins import web_origin
from accountql.web.request_checks import LengthRequired, PayloadTooLarge

log = logging.getLogger("accountql")

INTERNAL = "Something went wrong on our side; it was logged. Try again later."
SUBSCRIPTIONS_BY_WEBSOCKET = (
    "Subscriptions run over a WebSocket at /graphql (the graphql-transport-ws protocol), "
    "not over HTTP: open one with a graphql-ws client."
)
SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")
# HTTP status of an answer whose errors carry one of these codes.
STATUS_OF_CODE = {"SERVICE_UNAVAILABLE": 503}


UNAVAILABLE = "The database did not answer in time: try again in a few seconds."


def format_error(error: GraphQLError, hide_suggestions: bool = False) -> dict:
    """Every error gets a code of the contract; unplanned ones reveal nothing."""
    formatted = error.formatted
    original = error.original_error
    if db.is_unavailable(original):
        formatted["message"] = UNAVAILABLE
        formatted["extensions"] = {"code": "SERVICE_UNAVAILABLE"}
    elif isinstance(original, ApiError):
        formatted["message"] = original.message
        formatted["extensions"] = dict(original.extensions)
    elif original is None or isinstance(original, GraphQLError) or (isinstance(original, ValueError) and not error.path):
        # The document or its variables are wrong (syntax, unknown field, wrong type; a
        # ValueError before execution is a scalar refusing a literal of the document);
        # schema/input_errors.py named the argument when the error is about one.
        field = (error.extensions or {}).get("field")
        formatted["extensions"] = {"code": "BAD_USER_INPUT", **({"field": field} if field else {})}
        if hide_suggestions:  # they would spell out the schema that production hides
            formatted["message"] = SUGGESTION.sub("", formatted["message"])
    else:
        formatted["message"] = INTERNAL
        formatted["extensions"] = {"code": "INTERNAL_SERVER_ERROR"}
    return formatted


def executed(result: ExecutionResult) -> bool:
    """Whether execution began. A document that does not parse, validate or keep to the
    limits is a PreExecutionError. Variables that do not fit their types come back from
    graphql-core as a plain result with no data and errors that have no path (no field
    was reached); an error of ours without a path (a read-only API key refused for a
    whole mutation) is an answer of the executed operation, not a malformed request."""
    if isinstance(result, PreExecutionError):
        return False
    if result.data is not None or not result.errors:
        return True
    return any(error.path is not None or isinstance(error.original_error, ApiError) for error in result.errors)


def _what_to_do(error: HTTPException) -> str:
    """Strawberry's reason for a refusal, and what to send instead."""
    reason = error.reason.rstrip(".")
    if isinstance(error.__cause__, CannotGetOperationTypeError):
        return f"{reason}: name one of the document's operations in operationName."
    if isinstance(error.__cause__, MissingQueryError):
        return f"{reason}: send the document as query."
    return f"{reason}: {request_checks.SEND_JSON}."


def _error_codes(request: Request, response: Response) -> list[str]:
    """The codes of the errors answered: process_result keeps those of a GraphQL result;
    a refusal before any GraphQL (error_response) has its one code in its small body."""
    codes = getattr(request.state, "error_codes", None)
    if codes is not None:
        return codes
    if response.status_code < 400 or not response.media_type or "json" not in response.media_type:
        return []
    try:
        return [error["extensions"]["code"] for error in json.loads(response.body)["errors"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        return []


class GraphQLView(GraphQL):
    def __init__(self, settings: Settings) -> None:
        super().__init__(
            build_schema(settings),
            # ACCOUNTQL_GRAPHIQL: on in development, off in production unless turned on.
            graphql_ide="graphiql" if settings.graphiql else None,
            multipart_uploads_enabled=True,  # KYC documents (GraphQL multipart request spec)
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            # Browsers send their cookies with a WebSocket from any page: only this site's
            # own pages and the allowed origins may open one (Strawberry checks the Origin).
            allowed_origins=tuple(o for o in {web_origin(settings.app_url), *settings.cors_origins} if o),
            max_subscriptions_per_connection=websockets.SUBSCRIPTIONS_PER_SOCKET,
        )
        self.settings = settings

    # Subscriptions only, each socket bound to its session (web/websockets.py).
    graphql_transport_ws_handler_class = websockets.handler_class(GraphQL)

    async def render_graphql_ide(self, request: Request) -> Response:
        # Our own build of GraphiQL, from the package, instead of Strawberry's page that
        # loads it from a CDN (and shows "Loading..." forever without internet).
        return graphiql.page(request)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        started = time.perf_counter()
        request = Request(scope=scope, receive=receive)
        # What the metrics count this request as, until an operation starts to run
        # (schema.py's OperationMetrics names it then).
        request.state.operation = metrics.NO_OPERATION
        # Chosen before anything is read, so that refusals are in the same type as answers.
        media_type = request.state.media_type = media_types.negotiate_headers(request.headers)
        try:
            response = await self._answer(request)
        except PayloadTooLarge as error:
            response = error_response(413, error.message, error.code, media_type)
        except LengthRequired as error:
            response = error_response(411, error.message, error.code, media_type)
        except BadRequest as error:
            response = error_response(400, error.message, error.code, media_type)
        except Exception:
            # Nothing above should get here; if it does, the client still gets JSON.
            log.exception("unexpected error while reading a request to /graphql")
            response = error_response(500, INTERNAL, "INTERNAL_SERVER_ERROR", media_type)
        await response(scope, receive, send)
        metrics.observe_request(
            request.state.operation, response.status_code, time.perf_counter() - started, _error_codes(request, response)
        )

    async def _answer(self, request: Request) -> Response:
        media_type = request.state.media_type
        if request.method not in ("GET", "POST"):
            return error_response(
                405, "/graphql takes GET (queries) and POST.", "BAD_REQUEST", media_type, {"Allow": "GET, POST"}
            )
        if request.method == "POST":
            if request_checks.check_post_content_type(request) == "multipart":
                self._check_upload_size(request)
            else:
                await request_checks.read_body(request, self.settings.max_body_bytes)
        try:
            return await self.run(request)
        except HTTPException as error:  # Strawberry's own refusals
            cause = error.__cause__
            if isinstance(cause, InvalidOperationTypeError) and cause.operation_type == OperationType.SUBSCRIPTION:
                return error_response(400, SUBSCRIPTIONS_BY_WEBSOCKET, "BAD_REQUEST", media_type)
            if isinstance(cause, InvalidOperationTypeError):
                return error_response(
                    405, "Mutations are sent by POST: GET runs queries only.", "BAD_REQUEST", media_type, {"Allow": "POST"}
                )
            return error_response(error.status_code, _what_to_do(error), "BAD_REQUEST", media_type)

    async def execute_single(self, request, request_adapter, sub_response, context, root_value, request_data):
        """Strawberry's, except that subscriptions are not run over HTTP (Strawberry would
        run one as a query and fail on its stream): they go over the WebSocket."""
        allowed = OperationType.from_http(request_adapter.method) - {OperationType.SUBSCRIPTION}
        try:
            return await self.schema.execute(
                request_data.query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as error:
            raise HTTPException(400, error.as_http_error_reason()) from error
        except InvalidOperationTypeError as error:
            raise HTTPException(400, error.as_http_error_reason(request_adapter.method)) from error
        except MissingQueryError as error:
            raise HTTPException(400, "No GraphQL query found in the request") from error

    def _check_upload_size(self, request: Request) -> None:
        """A multipart body is refused before it is read when it could not hold two files
        of the allowed size (and its form fields), or does not say its size."""
        declared = request.headers.get("content-length", "")
        if not declared.isdigit():
            raise LengthRequired("A multipart request must say its size in Content-Length: send it with one.")
        if int(declared) > 2 * self.settings.kyc_max_bytes + 64 * 1024:
            raise PayloadTooLarge(
                f"The upload is too large: send files of at most {self.settings.kyc_max_bytes // (1024 * 1024)} MiB each."
            )

    def decode_json(self, data: str | bytes) -> object:
        return request_checks.decode_json(data)

    async def parse_http_body(self, request) -> GraphQLRequestData:
        if request.method == "POST" and request_checks.media_type(request._request) == "multipart/form-data":  # noqa: SLF001
            data = await request_checks.read_multipart(request._request)  # noqa: SLF001
        elif request.method == "POST":
            data = request_checks.check_request_object(self.decode_json(await request.get_body()))
        else:
            data = request_checks.check_request_object(self.parse_query_params(request.query_params))
        return GraphQLRequestData(
            query=data.get("query"),
            variables=data.get("variables"),
            operation_name=data.get("operationName"),
            extensions=data.get("extensions"),
            protocol="http",
        )

    async def get_sub_response(self, request: Request) -> Response:
        sub_response = await super().get_sub_response(request)
        request.state.sub_response = sub_response
        # Strawberry hands create_response the sub-response but not the request: it
        # carries the negotiated type there (Starlette reads media_type only at __init__).
        sub_response.media_type = request.state.media_type
        return sub_response

    def create_response(self, response_data, sub_response: Response) -> Response:
        """Strawberry's response, in the negotiated media type with its charset."""
        response = Response(
            self.encode_json(response_data),
            status_code=sub_response.status_code or 200,
            media_type=media_types.content_type(sub_response.media_type or media_types.JSON),
        )
        response.headers.raw.extend(sub_response.headers.raw)  # e.g. Set-Cookie
        response.background = sub_response.background
        return response

    async def get_context(self, request, response) -> RequestContext:
        # Over HTTP `response` is the response being built (for cookies); over a WebSocket
        # it is the socket itself, which takes no cookies.
        return RequestContext.from_connection(
            request, self.settings, response if isinstance(response, Response) else None
        )

    async def on_ws_connect(self, context: RequestContext):
        """A subscriber signs in when it connects: with a bearer token in connection_init,
        or the session cookie; anything else closes the socket (4403)."""
        context.use_connection_params()
        try:
            await context.session()
        except ApiError as error:
            raise ConnectionRejectionError({"message": error.message, "code": error.code}) from None
        return UNSET

    async def process_result(self, request: Request, result: ExecutionResult) -> dict[str, Any]:
        # The GraphQL spec: when an error stops the request before execution begins (it
        # does not parse, fails validation or a limit, or its variables do not fit), `data`
        # is not present at all.
        ran = executed(result)
        data: dict = {"data": result.data} if ran else {}
        codes: list[str] = []
        if result.errors:
            hide = self.settings.production
            data["errors"] = [format_error(error, hide_suggestions=hide) for error in result.errors]
            codes = [error["extensions"]["code"] for error in data["errors"]]
        if hasattr(request, "state"):
            request.state.error_codes = codes
        if result.extensions:
            data["extensions"] = result.extensions
        if hasattr(request, "state"):
            status = media_types.response_status(request.state.media_type, codes, ran, STATUS_OF_CODE)
            if status != 200:  # 200 is create_response's default; a status set elsewhere stays
                request.state.sub_response.status_code = status
        return data
