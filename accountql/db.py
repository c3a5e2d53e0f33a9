"""The database: Tortoise configuration for SQLite or PostgreSQL, start-up, migrations."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.migrations.api import migrate

from accountql.config import sqlite_path

APP_LABEL = "models"


def tortoise_config(database_url: str) -> dict:
    if sqlite_path(database_url) is not None or database_url.startswith("sqlite://"):
        path = database_url[len("sqlite://"):].split("?", 1)[0]
        connection = {
            "engine": "tortoise.backends.sqlite",
            "credentials": {
                "file_path": path,
                # Set first: several worker processes share the file, and a writer waits
                # for another instead of failing with "database is locked".
                "busy_timeout": 10000,
                "journal_mode": "WAL",
                "synchronous": "NORMAL",
                "foreign_keys": "ON",
            },
        }
    else:
        scheme = urlsplit(database_url).scheme
        url = database_url.replace(f"{scheme}://", "postgres://", 1)
        connection = expand_db_url(url)
        connection["engine"] = "tortoise.backends.asyncpg"
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


async def init_db(database_url: str) -> None:
    # The global fallback makes the connections visible to every task: the lifespan
    # that opens them and the request tasks that use them run in different contexts.
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def apply_migrations(
    database_url: str, progress: Callable[[str], None] | None = None
) -> None:
    """Apply every pending migration; `progress` receives one line per migration."""

    def report(event: str, app_label: str, name: str) -> None:
        if progress and event == "apply_done":
            progress(f"applied migration {app_label}.{name}")

    await migrate(config=tortoise_config(database_url), progress=report)


async def database_answers() -> bool:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:
        return False
    return True


def placeholder(index: int) -> str:
    """The parameter marker of raw SQL for the current database (1-based index)."""
    dialect = connections.get("default").capabilities.dialect
    return f"${index}" if dialect == "postgres" else "?"
