"""Migrations: applied under a lock, so that servers started at once on an empty database
wait for each other, and each recorded in the transaction of its own changes."""

from __future__ import annotations

import asyncio
import copy
import fcntl
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import asyncpg
from tortoise import Tortoise, connections
from tortoise.exceptions import DBConnectionError
from tortoise.migrations.executor import MigrationExecutor, MigrationTarget
from tortoise.transactions import in_transaction

from accountql import db
from accountql.config import sqlite_path
from accountql.db import tortoise_config

# The key of the PostgreSQL advisory lock taken while migrating: any fixed number that no
# other application sharing the database uses ("AcctQLmg" read as a 64-bit integer).
MIGRATION_LOCK_KEY = int.from_bytes(b"AcctQLmg", "big")


class MigrationError(Exception):
    """A migration failed; the message names it and says in what state it left the database."""


async def apply_migrations(
    database_url: str, progress: Callable[[str], None] | None = None
) -> None:
    """Apply every pending migration, one process at a time; `progress` receives one line
    per migration. Servers started together on an empty database used to migrate at once,
    and all but one failed on tables the other had just created: now the first migrates
    and the others wait for it, then find nothing left to do."""
    say = progress or (lambda line: None)
    config = tortoise_config(database_url)
    async with _migration_lock(database_url, config, say):
        # As tortoise.migrations.api.migrate: the apps without opening connections yet.
        await Tortoise.init(config=config, init_connections=False)
        executor = _AtomicExecutor(connections.get("default"), config["apps"])
        await executor.apply_pending(say)


@asynccontextmanager
async def _migration_lock(database_url: str, config: dict, say: Callable[[str], None]) -> AsyncIterator[None]:
    connection = config["connections"]["default"]
    if connection["engine"] == db.POSTGRES_ENGINE:
        async with _postgres_lock(connection["credentials"], say):
            yield
    elif (db_file := sqlite_path(database_url)) is not None:
        async with _file_lock(f"{db_file}.migrate-lock", say):
            yield
    else:
        yield  # sqlite://:memory: belongs to this process alone


@asynccontextmanager
async def _postgres_lock(credentials: dict, say: Callable[[str], None]) -> AsyncIterator[None]:
    """A session-level advisory lock, on a connection of its own held for the whole run:
    Tortoise's pool hands each transaction whichever connection is free, and a lock taken
    on one of those would be released, or held, at the wrong moment. The server releases
    it when the connection closes, so a process that dies cannot leave it behind."""
    try:
        lock = await asyncpg.connect(
            host=credentials.get("host"),
            port=credentials.get("port"),
            user=credentials.get("user"),
            password=credentials.get("password"),
            database=credentials.get("database"),
            ssl=credentials.get("ssl"),
        )
    except (asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        raise DBConnectionError(str(error)) from error
    try:
        if not await lock.fetchval("SELECT pg_try_advisory_lock($1)", MIGRATION_LOCK_KEY):
            say("another process is migrating this database: waiting for it to finish")
            await lock.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_KEY)
        yield
    finally:
        await lock.close()


@asynccontextmanager
async def _file_lock(path: str, say: Callable[[str], None]) -> AsyncIterator[None]:
    """An exclusive flock on a file beside the database. Chosen over an exclusive SQLite
    transaction because Tortoise's executor opens a transaction of its own for every
    migration on its one shared connection: an outer BEGIN EXCLUSIVE would turn those into
    savepoints and tie the lock to Tortoise's transaction handling. The kernel drops the
    lock when the process exits, however it exits. The file is never deleted: a process
    waiting on it would otherwise hold a lock on a file that no longer has that name."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("another process is migrating this database: waiting for it to finish")
            await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


class _AtomicExecutor(MigrationExecutor):
    """Tortoise's executor, except that a migration and its row in tortoise_migrations
    commit in one transaction. MigrationExecutor.migrate records a migration with a
    statement of its own after the migration's transaction has committed: a process that
    died between the two left tables that no row accounted for, and the next start failed
    on "already exists". Forward steps only: this is what `accountql migrate` and `serve` do."""

    async def apply_pending(self, say: Callable[[str], None]) -> None:
        await self.loader.build_graph()
        await self.recorder.ensure_schema(self._schema_editor(atomic=False))
        applied = set(await self.recorder.applied_migrations())
        targets = [MigrationTarget(app_label=label, name="__latest__") for label in self.loader.apps_config]
        plan = self._migration_plan(targets, applied, self.loader.graph)
        self._validate_plan_direction(plan, "forward")
        state = await self._project_state(applied)
        for step in plan:
            migration = step.migration
            name = f"{migration.app_label}.{migration.name}"
            editor = self._schema_editor(atomic=migration.atomic)
            try:
                if editor.atomic_migration:
                    async with in_transaction(self.connection.connection_name) as client:
                        editor.client = client
                        await migration.apply(state, schema_editor=editor)
                        recorder = copy.copy(self.recorder)  # the same recorder, in this transaction
                        recorder.connection = client
                        await recorder.record_applied(migration.app_label, migration.name)
                else:
                    # Declared non-atomic (atomic = False): it cannot run in a transaction,
                    # so it is recorded afterwards, as Tortoise does.
                    await migration.apply(state, schema_editor=editor)
                    await self.recorder.record_applied(migration.app_label, migration.name)
            except Exception as error:
                before = "is as it was before it" if editor.atomic_migration else "may hold part of it"
                detail = " ".join(str(error).split()) or type(error).__name__
                raise MigrationError(
                    f"migration {name} failed ({detail}); the database {before}: "
                    "fix the cause and run accountql migrate again"
                ) from error
            say(f"applied migration {name}")
