"""Migrations under a lock: two servers started at once on one empty database both come
up (one migrates, the other waits and finds nothing to do); a migration and its row in
tortoise_migrations commit together, so a crash between them cannot leave a schema that
the next start trips over. On a fresh SQLite file, and on a fresh PostgreSQL database when
the suite runs on PostgreSQL (ACCOUNTQL_TEST_DATABASE_URL)."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
from pathlib import Path

import asyncpg
import httpx

from tests.api import LOG_IN, PASSWORD, SIGN_UP
from tests.conftest import asyncpg_url
from tests.test_live_server import ACCOUNTQL, Server, environment, post

MIGRATIONS = sorted(
    path.stem for path in (Path(__file__).parent.parent / "migrations").glob("[0-9][0-9][0-9][0-9]_*.py")
)


async def recorded_migrations(database_url: str) -> list[str]:
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url[len("sqlite://"):]) as connection:
            rows = connection.execute("SELECT name FROM tortoise_migrations ORDER BY name").fetchall()
        return [row[0] for row in rows]
    connection = await asyncpg.connect(asyncpg_url(database_url))
    try:
        return [row["name"] for row in await connection.fetch("SELECT name FROM tortoise_migrations ORDER BY name")]
    finally:
        await connection.close()


async def test_two_servers_started_at_once_on_one_empty_database(tmp_path, fresh_database):
    env = dict(ACCOUNTQL_DATABASE_URL=fresh_database, ACCOUNTQL_SECRET_KEY="l" * 48)
    servers = [Server(tmp_path, **env), Server(tmp_path, **env)]
    try:
        await asyncio.gather(*(server.wait_until_healthy(timeout=60) for server in servers))
        async with httpx.AsyncClient(timeout=30) as client:
            for n, server in enumerate(servers):
                account = {"email": f"both{n}@example.com", "password": PASSWORD}
                signed_up = await post(client, server.url, SIGN_UP, {"input": {**account, "name": "B"}})
                assert "errors" not in signed_up, signed_up
                logged_in = await post(client, server.url, LOG_IN, {"input": account})
                assert logged_in["data"]["logIn"]["__typename"] == "AuthSession", logged_in
    finally:
        stopped = [server.stop() for server in servers]
        assert all(stopped), "\n".join(server.log.read_text() for server in servers)
    # Each migration was applied once, by one server or the other, and recorded once.
    logs = "".join(server.log.read_text() for server in servers)
    assert sorted(line.rsplit(".", 1)[1] for line in logs.splitlines() if "applied migration" in line) == MIGRATIONS, logs
    assert await recorded_migrations(fresh_database) == MIGRATIONS


# Runs `accountql migrate` in a process that dies (os._exit, as on a kill or a power cut)
# when it comes to record 0003, after making that migration's changes.
CRASH_WHILE_RECORDING = """
import os
from tortoise.migrations.recorder import MigrationRecorder
from accountql.cli import main

record_applied = MigrationRecorder.record_applied

async def die_at_0003(self, app, name):
    if name.startswith("0003_"):
        os._exit(9)
    await record_applied(self, app, name)

MigrationRecorder.record_applied = die_at_0003
main(["migrate"])
"""


async def test_a_migration_and_its_record_commit_together(tmp_path, fresh_database):
    env = environment(ACCOUNTQL_DATABASE_URL=fresh_database, ACCOUNTQL_SECRET_KEY="c" * 48)
    crashed = subprocess.run(
        [ACCOUNTQL[0], "-c", CRASH_WHILE_RECORDING], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=60,
    )
    assert crashed.returncode == 9, crashed.stderr
    # 0003's changes never committed without its row: the rerun applies it afresh instead
    # of failing on a table that exists although no row says so.
    assert await recorded_migrations(fresh_database) == MIGRATIONS[:2]

    rerun = subprocess.run([*ACCOUNTQL, "migrate"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert f"applied migration models.{MIGRATIONS[2]}" in rerun.stderr
    assert "database schema is up to date" in rerun.stderr
    assert await recorded_migrations(fresh_database) == MIGRATIONS

    again = subprocess.run([*ACCOUNTQL, "migrate"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "applied migration" not in again.stderr, again.stderr
    assert await recorded_migrations(fresh_database) == MIGRATIONS


async def test_a_failing_migration_is_named_and_leaves_the_database_as_before_it(tmp_path, fresh_database):
    # A table of 0003 is in the way, as if made by hand: 0003 fails on it.
    in_the_way = "CREATE TABLE unknown_account_attempt (id INTEGER)"
    if fresh_database.startswith("sqlite://"):
        with sqlite3.connect(fresh_database[len("sqlite://"):]) as connection:
            connection.execute(in_the_way)
    else:
        connection = await asyncpg.connect(asyncpg_url(fresh_database))
        await connection.execute(in_the_way)
        await connection.close()
    env = environment(ACCOUNTQL_DATABASE_URL=fresh_database, ACCOUNTQL_SECRET_KEY="f" * 48)
    result = subprocess.run([*ACCOUNTQL, "migrate"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(f"accountql: migration models.{MIGRATIONS[2]} failed (")
    assert "already exists" in last_line
    assert last_line.endswith("the database is as it was before it: fix the cause and run accountql migrate again")
    assert await recorded_migrations(fresh_database) == MIGRATIONS[:2]
