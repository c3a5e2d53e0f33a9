"""Security events for live subscribers: a session revoked, a password changed, an
organization that began to enforce MFA.

On PostgreSQL an event travels by NOTIFY on one channel, sent in the transaction of the
change (so it goes out only if the change commits) and heard by every server process through
one LISTEN connection each. On SQLite, which has no such thing and serves one machine, the
events stay in the process that made them."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from datetime import datetime

import asyncpg
from tortoise import connections

from accountql.clock import now

log = logging.getLogger("accountql.events")
CHANNEL = "accountql_security_events"
# Not a security event: told to this process's listeners when the bus may have missed
# events (its PostgreSQL listener was lost and is back), so that they ask the database.
RESYNC = "RESYNC"
RECONNECT_DELAYS = (0.5, 1, 2, 5, 10)  # seconds, then every 10


@dataclass(frozen=True)
class SecurityEvent:
    kind: str  # SESSION_REVOKED, SESSION_EXPIRED, PASSWORD_CHANGED, MFA_ENFORCED
    at: str
    user_id: str | None = None
    # SESSION_REVOKED: the sessions it ended; or all of the user's but `kept`.
    session_ids: tuple[str, ...] = ()
    all_sessions: bool = False
    kept: str | None = None
    organization_id: str | None = None

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.at)

    def ends(self, user_id: uuid.UUID, session_id: uuid.UUID) -> bool:
        """Whether this event ends that session of that user."""
        if self.kind != "SESSION_REVOKED" or self.user_id != str(user_id):
            return False
        if self.all_sessions:
            return str(session_id) != self.kept
        return str(session_id) in self.session_ids


@dataclass
class _Listeners:
    queues: set[asyncio.Queue] = field(default_factory=set)


class Bus:
    """Who listens in this process, and the way events reach them."""

    def __init__(self) -> None:
        self._listeners = _Listeners()
        self._connection: asyncpg.Connection | None = None
        self._credentials: dict | None = None
        self._lock = asyncio.Lock()
        self._reconnecting: asyncio.Task | None = None

    @property
    def crosses_processes(self) -> bool:
        """Whether events reach every server process (PostgreSQL), or only this one."""
        return self._credentials is not None

    def use_postgres(self, credentials: dict | None) -> None:
        """Set at start-up: the credentials of the LISTEN connection, or None on SQLite."""
        self._credentials = credentials

    async def publish(self, event: SecurityEvent) -> None:
        """Send an event. Call inside the change's transaction: on PostgreSQL it is
        delivered when that commits."""
        if connections.get("default").capabilities.dialect == "postgres":
            payload = json.dumps(asdict(event))
            await connections.get("default").execute_query("SELECT pg_notify($1, $2)", [CHANNEL, payload])
        else:
            self._deliver(event)

    @contextlib.asynccontextmanager
    async def listening(self) -> AsyncIterator[asyncio.Queue]:
        """A queue receiving every event of this process while the block runs."""
        await self._ensure_listening()
        queue: asyncio.Queue = asyncio.Queue(maxsize=100)
        self._listeners.queues.add(queue)
        try:
            yield queue
        finally:
            self._listeners.queues.discard(queue)

    def _deliver(self, event: SecurityEvent) -> None:
        for queue in list(self._listeners.queues):
            with contextlib.suppress(asyncio.QueueFull):  # a stuck listener drops, others go on
                queue.put_nowait(event)

    async def _ensure_listening(self) -> None:
        if self._credentials is None or (self._connection is not None and not self._connection.is_closed()):
            return
        async with self._lock:
            if self._connection is not None and not self._connection.is_closed():
                return
            await self._connect()

    async def _connect(self) -> None:
        credentials = {k: v for k, v in self._credentials.items() if k in _CONNECT_KEYS}
        self._connection = await asyncpg.connect(**credentials)
        await self._connection.add_listener(CHANNEL, self._heard)
        self._connection.add_termination_listener(self._lost)

    def _lost(self, connection) -> None:
        """The LISTEN connection ended (a restart, a network cut, pg_terminate_backend):
        connect again at once, and then make every listener ask the database, since events
        sent meanwhile were missed."""
        if connection is not self._connection or self._reconnecting is not None:
            return
        log.warning("the security-event listener lost its database connection; reconnecting")
        self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        try:
            for attempt in itertools.count():
                if not self._listeners.queues:
                    self._connection = None  # nobody listens: the next listener connects
                    return
                try:
                    async with self._lock:
                        await self._connect()
                    break
                except (OSError, asyncpg.PostgresError, TimeoutError) as error:
                    delay = RECONNECT_DELAYS[min(attempt, len(RECONNECT_DELAYS) - 1)]
                    log.warning("the security-event listener could not reconnect (%s); next try in %ss", error, delay)
                    await asyncio.sleep(delay)
            log.info("the security-event listener is back; listeners check their sessions")
            self._deliver(SecurityEvent(kind=RESYNC, at=now().isoformat()))
        finally:
            self._reconnecting = None

    def _heard(self, connection, pid, channel, payload: str) -> None:
        try:
            data = json.loads(payload)
            data["session_ids"] = tuple(data.get("session_ids") or ())
            self._deliver(SecurityEvent(**data))
        except (ValueError, TypeError):
            log.warning("a security event could not be read: %r", payload[:200])

    async def close(self) -> None:
        if self._reconnecting is not None:
            self._reconnecting.cancel()
        connection, self._connection = self._connection, None  # no reconnect on this close
        if connection is not None and not connection.is_closed():
            await connection.close()


_CONNECT_KEYS = ("host", "port", "user", "password", "database", "ssl", "timeout", "server_settings")

# One per process, as the LISTEN connection is.
bus = Bus()


async def session_revoked(user_id: uuid.UUID, session_ids=(), all_but: uuid.UUID | None = None, everyone: bool = False) -> None:
    await bus.publish(SecurityEvent(
        kind="SESSION_REVOKED", at=now().isoformat(), user_id=str(user_id),
        session_ids=tuple(str(s) for s in session_ids), all_sessions=everyone or all_but is not None,
        kept=str(all_but) if all_but else None,
    ))


async def password_changed(user_id: uuid.UUID) -> None:
    await bus.publish(SecurityEvent(kind="PASSWORD_CHANGED", at=now().isoformat(), user_id=str(user_id)))


async def mfa_enforced(organization_id: uuid.UUID) -> None:
    await bus.publish(SecurityEvent(kind="MFA_ENFORCED", at=now().isoformat(), organization_id=str(organization_id)))
