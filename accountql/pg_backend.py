"""The PostgreSQL engine: Tortoise's asyncpg client with a limit on how long a request
waits for a connection of the pool (Tortoise waits forever), so that a pool held by
stalled queries answers SERVICE_UNAVAILABLE instead of hanging every request; and
without a second round trip per statement to reset the connection."""

from __future__ import annotations

from tortoise.backends.asyncpg.client import AsyncpgDBClient


class _PoolWithAcquireTimeout:
    """asyncpg's pool, whose acquire() gives up after `timeout` seconds unless told
    otherwise (the Pool class has slots: it cannot take the default itself)."""

    def __init__(self, pool, timeout: float) -> None:
        self._pool = pool
        self._timeout = timeout

    def acquire(self, *, timeout: float | None = None):
        return self._pool.acquire(timeout=timeout or self._timeout)

    def __getattr__(self, name: str):
        return getattr(self._pool, name)


async def _keep_session(connection) -> None:
    """What the pool runs when a connection comes back, instead of asyncpg's default
    `SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`.

    Tortoise takes a pool connection for every statement outside a transaction, so that
    default doubled the round trips of every request. None of what it undoes happens on
    these connections: session settings come only from the connect parameters (which
    RESET ALL keeps anyway), LISTEN (accountql.events) and the migration's advisory lock
    use connections of their own, and cursors live in transactions. What does matter, a
    transaction left open by a cancelled request, asyncpg still rolls back before calling
    this (Connection._reset)."""


class AccountQLAsyncpgClient(AsyncpgDBClient):
    def __init__(self, *args, acquire_timeout: float | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.acquire_timeout = acquire_timeout

    async def create_pool(self, **kwargs):
        pool = await super().create_pool(reset=_keep_session, **kwargs)
        return _PoolWithAcquireTimeout(pool, self.acquire_timeout) if self.acquire_timeout else pool


client_class = AccountQLAsyncpgClient
