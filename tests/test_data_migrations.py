"""Migrations that change data, run as an operator would: a database at the version before,
holding the rows the migration is about, then `accountql migrate`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

import asyncpg

from tests.conftest import asyncpg_url
from tests.test_live_server import ACCOUNTQL, environment

SEED = textwrap.dedent('''
    import asyncio, sys, uuid
    from datetime import datetime, timezone
    from tortoise import Tortoise
    from tortoise.migrations.api import migrate
    from accountql.db import tortoise_config

    # Plain SQL against the tables as they were at 0015: the models of today may have
    # columns that do not exist yet at that version.
    async def main(url):
        config = tortoise_config(url)
        try:
            await migrate(config=config, target="models.0015_email_verification_and_sudo")
            await Tortoise.close_connections()
            await Tortoise.init(config=config)
            connection = Tortoise.get_connection("default")
            postgres = url.startswith("postgres")
            at = datetime.now(timezone.utc) if postgres else datetime.now(timezone.utc).isoformat()

            async def insert(table, **values):
                marks = ", ".join(f"${i}" if postgres else "?" for i in range(1, len(values) + 1))
                columns = ", ".join(f'"{name}"' for name in values)
                await connection.execute_query(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(values.values()))

            gone, stays, organization = (str(uuid.uuid4()) for _ in range(3))
            for user_id, email in ((gone, "gone@example.com"), (stays, "stays@example.com")):
                await insert("user_account", id=user_id, email=email, name=email, password_hash="x",
                             created_at=at, password_changed_at=at)
            await insert("organization", id=organization, name="Acme", mfa_enforced=False, created_at=at, owners_version=0)
            await insert("membership", id=str(uuid.uuid4()), role="OWNER", created_at=at, organization_id=organization, user_id=stays)
            for creator, name in ((gone, "left-behind"), (stays, "kept")):
                await insert("api_key", id=str(uuid.uuid4()), name=name, access="READ_ONLY", prefix=name[:8],
                             secret_hash=uuid.uuid4().hex, created_at=at, organization_id=organization, created_by_id=creator)
        finally:
            await Tortoise.close_connections()

    asyncio.run(main(sys.argv[1]))
''')


async def rows(database_url: str, sql: str) -> list[dict]:
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url[len("sqlite://"):]) as connection:
            connection.row_factory = sqlite3.Row
            return [dict(row) for row in connection.execute(sql).fetchall()]
    connection = await asyncpg.connect(asyncpg_url(database_url))
    try:
        return [dict(row) for row in await connection.fetch(sql)]
    finally:
        await connection.close()


async def test_keys_of_members_who_left_before_the_rule_are_revoked(fresh_database):
    seeded = subprocess.run([sys.executable, "-c", SEED, fresh_database], env=environment(), capture_output=True, text=True, timeout=120)
    assert seeded.returncode == 0, seeded.stderr
    env = environment(ACCOUNTQL_DATABASE_URL=fresh_database, ACCOUNTQL_SECRET_KEY="m" * 48)
    migrated = subprocess.run([*ACCOUNTQL, "migrate"], env=env, capture_output=True, text=True, timeout=120)
    assert migrated.returncode == 0, migrated.stderr
    assert "0016_revoke_keys_of_departed_members" in migrated.stderr + migrated.stdout
    keys = {row["name"]: row["revoked_at"] for row in await rows(fresh_database, "SELECT name, revoked_at FROM api_key")}
    assert keys["left-behind"] is not None and keys["kept"] is None
    events = await rows(fresh_database, "SELECT kind, details FROM audit_event")
    assert [event["kind"] for event in events] == ["API_KEY_REVOKED"]
    details = events[0]["details"]
    details = json.loads(details) if isinstance(details, str) else details
    assert details["name"] == "left-behind" and details["reason"] == "its creator had left the organization"
