"""The database: Tortoise configuration for SQLite or PostgreSQL, start-up, time limits,
and telling an unavailable database from a fault."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from urllib.parse import urlsplit

import asyncpg
from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.exceptions import DBConnectionError

from accountql.config import sqlite_path

APP_LABEL = "models"
POSTGRES_ENGINE = "accountql.pg_backend"
HEALTH_TIMEOUT = 1.8  # seconds /healthz waits for the database: its answer comes within two


@dataclass(frozen=True)
class Timeouts:
    """How long a statement may run, and how long a request waits for a connection (or a
    new one to open): past either it fails, instead of hanging on a held lock or a dead
    server. None (migrations, commands) leaves the database's own defaults."""

    statement: float | None = None
    connect: float | None = None


def tortoise_config(database_url: str, timeouts: Timeouts = Timeouts()) -> dict:
    if sqlite_path(database_url) is not None or database_url.startswith("sqlite://"):
        path = database_url[len("sqlite://"):].split("?", 1)[0]
        connection = {
            "engine": "tortoise.backends.sqlite",
            "credentials": {
                "file_path": path,
                # Set first: several worker processes share the file, and a writer waits
                # for another (up to the statement time limit) instead of failing at once
                # with "database is locked".
                "busy_timeout": int((timeouts.statement or 10) * 1000),
                "journal_mode": "WAL",
                "synchronous": "NORMAL",
                "foreign_keys": "ON",
            },
        }
    else:
        scheme = urlsplit(database_url).scheme
        url = database_url.replace(f"{scheme}://", "postgres://", 1)
        connection = expand_db_url(url)
        connection["engine"] = POSTGRES_ENGINE
        credentials = connection["credentials"]
        if timeouts.statement:
            # The server cancels a statement past its limit (a held lock); the client gives
            # up a little later, for a server that does not answer at all.
            settings = dict(credentials.get("server_settings") or {})
            settings["statement_timeout"] = str(int(timeouts.statement * 1000))
            credentials["server_settings"] = settings
            credentials["command_timeout"] = timeouts.statement + 1
        if timeouts.connect:
            credentials["timeout"] = timeouts.connect  # opening a connection
            credentials["acquire_timeout"] = timeouts.connect  # waiting for one of the pool
    return {
        "connections": {"default": connection},
        "apps": {
            APP_LABEL: {
                "models": ["accountql.models"],
                "default_connection": "default",
                "migrations": "accountql.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def postgres_credentials(database_url: str) -> dict | None:
    """How to open a connection of one's own to the database (for LISTEN), or None on SQLite."""
    connection = tortoise_config(database_url)["connections"]["default"]
    return dict(connection["credentials"]) if connection["engine"] == POSTGRES_ENGINE else None


async def init_db(database_url: str, timeouts: Timeouts = Timeouts()) -> None:
    # The global fallback makes the connections visible to every task: the lifespan
    # that opens them and the request tasks that use them run in different contexts.
    await Tortoise.init(config=tortoise_config(database_url, timeouts), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def database_answers(timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether `SELECT 1` comes back within `timeout` seconds. The answer is given at the
    deadline: a query cancelled on a dead server can take longer to wind down (asyncpg
    tries to tell the server), so that happens in the background."""
    try:
        probe = asyncio.ensure_future(connections.get("default").execute_query("SELECT 1"))
    except Exception:  # noqa: BLE001 - no connection configured at all
        return False
    done, _ = await asyncio.wait([probe], timeout=timeout)
    if not done:
        probe.cancel()
        probe.add_done_callback(lambda task: task.cancelled() or task.exception())  # no "never retrieved"
        return False
    return probe.exception() is None


# What a database that is down, unreachable, overloaded or locked raises.
UNAVAILABLE = (
    TimeoutError,  # asyncio.TimeoutError too: a client-side time limit
    ConnectionError,
    DBConnectionError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,  # "connection is closed" and kin
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
    asyncpg.QueryCanceledError,  # statement_timeout
)


def is_unavailable(error: BaseException | None) -> bool:
    """Whether an error (or what caused it) says the database did not answer in time, as
    opposed to a fault in the code: the request is then answered SERVICE_UNAVAILABLE."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, UNAVAILABLE):
            return True
        if isinstance(error, sqlite3.OperationalError) or type(error).__name__ == "OperationalError":
            if "database is locked" in str(error) or "unable to open database" in str(error):
                return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def placeholder(index: int) -> str:
    """The parameter marker of raw SQL for the current database (1-based index)."""
    dialect = connections.get("default").capabilities.dialect
    return f"${index}" if dialect == "postgres" else "?"
