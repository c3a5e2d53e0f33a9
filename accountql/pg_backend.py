"""The PostgreSQL engine: Tortoise's asyncpg client with a limit on how long a request
waits for a connection of the pool (Tortoise waits forever), so that a pool held by
stalled queries answers SERVICE_UNAVAILABLE instead of hanging every request."""

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


class AccountQLAsyncpgClient(AsyncpgDBClient):
    def __init__(self, *args, acquire_timeout: float | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.acquire_timeout = acquire_timeout

    async def create_pool(self, **kwargs):
        pool = await super().create_pool(**kwargs)
        return _PoolWithAcquireTimeout(pool, self.acquire_timeout) if self.acquire_timeout else pool


client_class = AccountQLAsyncpgClient
