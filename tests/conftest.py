"""Test set-up: a real database (SQLite file by default, PostgreSQL when
ACCOUNTQL_TEST_DATABASE_URL is set), migrated once with the project's migrations and
emptied before every test; requests go through the real ASGI app over httpx."""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest
from tortoise import connections

from accountql import clock, db, migrating
from accountql.app import create_app
from accountql.auth import sealing
from accountql.config import Settings

TABLES = (
    "kyc_submission",
    "abuse_report",
    "abuse_case",
    "quota",
    "support_grant",
    "audit_event",
    "ssh_key",
    "contact",
    "api_key",
    "one_time_token",
    "outbox_message",
    "passkey_challenge",
    "passkey",
    "mfa_challenge",
    "backup_code",
    "totp_credential",
    "login_attempt",
    "unknown_account_attempt",
    "session",
    "invitation",
    "membership",
    "organization",
    "user_account",
    "rate_limit_counter",
)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("ACCOUNTQL_TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite://{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def settings(database_url, tmp_path_factory) -> Settings:
    kyc_dir = str(tmp_path_factory.mktemp("kyc"))
    return Settings(database_url=database_url, secret_key="t" * 48, env="test", kyc_dir=kyc_dir)


@pytest.fixture(scope="session")
async def database(database_url, settings):
    sealing.configure(settings.secret_keys)
    await migrating.apply_migrations(database_url)
    await db.close_db()
    await db.init_db(database_url)
    yield
    await db.close_db()


@pytest.fixture(autouse=True)
async def clean(database):
    connection = connections.get("default")
    for table in TABLES:
        await connection.execute_script(f"DELETE FROM {table}")
    clock.reset()
    yield
    clock.reset()


def asyncpg_url(url: str) -> str:
    return "postgres://" + url.split("://", 1)[1]


@pytest.fixture(params=["sqlite", "postgres"])
async def fresh_database(request, tmp_path):
    """The URL of an empty database: a new SQLite file, or a PostgreSQL database created on
    the server of ACCOUNTQL_TEST_DATABASE_URL and dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path}/fresh.sqlite3"
        return
    suite_url = os.environ.get("ACCOUNTQL_TEST_DATABASE_URL", "")
    if not suite_url.startswith(("postgres", "asyncpg")):
        pytest.skip("runs when the suite runs on PostgreSQL (ACCOUNTQL_TEST_DATABASE_URL)")
    name = f"accountql_fresh_{uuid.uuid4().hex[:12]}"
    # CREATE DATABASE works from any database of the server: use the suite's own.
    admin = await asyncpg.connect(asyncpg_url(suite_url))
    try:
        await admin.execute(f"CREATE DATABASE {name}")
        parts = urlsplit(suite_url)
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await admin.close()


def make_client(settings: Settings, ip: str = "203.0.113.7", **changes) -> httpx.AsyncClient:
    app = create_app(replace(settings, **changes) if changes else settings, manage_database=False)
    transport = httpx.ASGITransport(app=app, client=(ip, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def client(settings):
    async with make_client(settings) as client:
        yield client


@pytest.fixture
def messaging():
    from tests.messaging import Messaging

    hub = Messaging()
    yield hub
    hub.close()
