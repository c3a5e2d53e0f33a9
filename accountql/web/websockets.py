"""WebSockets at /graphql (graphql-transport-ws): subscriptions only, bound to the session
that opened the socket for as long as it lives.

A socket outlives the checks made when it connected: so it runs subscriptions and nothing
else (queries and mutations go by HTTP, where each request is authenticated afresh), it is
closed the moment its session is revoked or expires, subscribed or not, and a session may
hold only so many sockets in a process."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections import Counter

from graphql import GraphQLError, OperationType, get_operation_ast, parse
from graphql.error import GraphQLSyntaxError
from strawberry.asgi import GraphQL

from accountql import events
from accountql.auth import sessions
from accountql.clock import now
from accountql.errors import ApiError
from accountql.models import Session

# graphql-transport-ws close codes: the session is over; too many sockets.
SESSION_OVER = 4401
TOO_MANY = 4429
SOCKETS_PER_SESSION = 5
SUBSCRIPTIONS_PER_SOCKET = 5
# How often a watcher looks at the clock (the session's expiry) between events, and, where
# events may miss it (other SQLite processes, a lost PostgreSQL listener), at the database.
CLOCK_CHECK = 1.0
DATABASE_CHECK = 5.0

ONLY_SUBSCRIPTIONS = (
    "A WebSocket at /graphql carries subscriptions only: send queries and mutations by "
    "POST /graphql (GET for queries)."
)

_open_sockets: Counter[uuid.UUID] = Counter()


async def watch(session: Session, close) -> None:
    """Until the session ends: then `close(reason)`. Events say it at once; the clock says
    when it expires; the database is asked every few seconds where events cannot reach
    (SQLite serves several processes without a bus) or after the bus lost its listener."""
    check_database_every = None if events.bus.crosses_processes else DATABASE_CHECK
    last_check = asyncio.get_running_loop().time()
    async with events.bus.listening() as queue:
        while True:
            if session.expires_at <= now():
                await asyncio.sleep(0.2)  # a subscription on this socket tells the client first
                return await close("The session expired: sign in again.")
            try:
                event = await asyncio.wait_for(queue.get(), timeout=CLOCK_CHECK)
            except TimeoutError:
                event = None
            recheck = event is not None and event.kind == events.RESYNC
            if check_database_every and asyncio.get_running_loop().time() - last_check >= check_database_every:
                recheck, last_check = True, asyncio.get_running_loop().time()
            if (event is not None and event.ends(session.user_id, session.id)) or (
                recheck and not await sessions.is_live(session.id)
            ):
                # A subscription on this socket tells the client why first.
                await asyncio.sleep(0.2)
                return await close("The session ended: sign in again.")


def handler_class(view_class: type[GraphQL]):
    """Strawberry's graphql-transport-ws handler for this view, with our rules."""
    base = view_class.graphql_transport_ws_handler_class

    class SessionBoundHandler(base):
        _watcher: asyncio.Task | None = None
        _session_id: uuid.UUID | None = None

        async def handle_connection_init(self, message) -> None:
            if not self.connection_init_received and await self._too_many(message):
                await self.websocket.close(code=TOO_MANY, reason="Too many sockets for this session.")
                return
            await super().handle_connection_init(message)
            session = self.context.authenticated_session if self.connection_acknowledged else None
            if session is None:
                return
            _open_sockets[session.id] += 1
            self._session_id = session.id
            self._watcher = asyncio.create_task(watch(session, self._close))

        async def _too_many(self, message) -> bool:
            """Whether the session this connection_init signs in with holds all the sockets it
            may already (checked before the acknowledgement; a refused sign-in is left to
            on_ws_connect, which closes with 4403)."""
            payload = message.get("payload")
            self.context.connection_params = payload if isinstance(payload, dict) else {}
            self.context.use_connection_params()
            try:
                session = await self.context.session()
            except ApiError:
                return False
            return _open_sockets[session.id] >= SOCKETS_PER_SESSION

        async def _close(self, reason: str) -> None:
            with contextlib.suppress(Exception):
                await self.websocket.close(code=SESSION_OVER, reason=reason)

        async def handle_subscribe(self, message) -> None:
            if self.connection_acknowledged and not await self._is_subscription(message):
                await self.send_message({
                    "id": message["id"], "type": "error",
                    "payload": [GraphQLError(ONLY_SUBSCRIPTIONS, extensions={"code": "BAD_REQUEST"}).formatted],
                })
                return
            await super().handle_subscribe(message)

        async def _is_subscription(self, message) -> bool:
            """False for a query or mutation; True also for what does not parse or names no
            operation, which Strawberry refuses with its own close codes."""
            payload = message.get("payload") or {}
            query = payload.get("query") if isinstance(payload, dict) else None
            if not isinstance(query, str):
                return True
            try:
                document = parse(query, max_tokens=self.context.settings.max_query_tokens)
            except GraphQLSyntaxError:
                return True
            name = payload.get("operationName")
            operation = get_operation_ast(document, name if isinstance(name, str) else None)
            return operation is None or operation.operation == OperationType.SUBSCRIPTION

        async def shutdown(self) -> None:
            if self._watcher is not None:
                self._watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await self._watcher
            if self._session_id is not None:
                _open_sockets[self._session_id] -= 1
                if _open_sockets[self._session_id] <= 0:
                    del _open_sockets[self._session_id]
                self._session_id = None
            await super().shutdown()

    return SessionBoundHandler
