"""SIGTERM, as a service manager stops a server: the request in flight is answered, new
connections are refused, the outbox message being sent goes back to the outbox, and the
process exits 0. The slow request is a real one: a login whose argon2 parameters (settings,
ACCOUNTQL_ARGON2_*) make hashing take seconds."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time

import asyncpg
import httpx
import pytest

from tests.api import LOG_IN, PASSWORD, SIGN_UP
from tests.conftest import asyncpg_url
from tests.test_delivery_leases import SmtpServer
from tests.test_live_server import Server, post

# About two seconds a hash on this kind of machine (32 MiB, 60 passes).
SLOW_HASHING = {"ACCOUNTQL_ARGON2_MEMORY_KIB": "32768", "ACCOUNTQL_ARGON2_TIME_COST": "60"}


def database_for(database_url: str, tmp_path) -> str:
    """The suite's PostgreSQL when it runs on one, else a SQLite file of the test's own."""
    return database_url if database_url.startswith("postgres") else f"sqlite://{tmp_path}/stop.sqlite3"


async def outbox_statuses(url: str) -> list[str]:
    if url.startswith("sqlite://"):
        with sqlite3.connect(url[len("sqlite://"):]) as connection:
            return [row[0] for row in connection.execute("SELECT status FROM outbox_message")]
    connection = await asyncpg.connect(asyncpg_url(url))
    try:
        return [row["status"] for row in await connection.fetch("SELECT status FROM outbox_message")]
    finally:
        await connection.close()


async def wait_for(check, what: str, server: Server, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"{what} never happened:\n{server.log.read_text()}"
        await asyncio.sleep(0.05)


async def test_sigterm_answers_the_request_in_flight_releases_the_outbox_and_exits_0(tmp_path, database_url):
    smtp = SmtpServer(delay=0)
    smtp.inbox.holding = True  # the verification mail stays in its send, its claim held
    url = database_for(database_url, tmp_path)
    server = Server(
        tmp_path, ACCOUNTQL_DATABASE_URL=url, ACCOUNTQL_SECRET_KEY="s" * 48, ACCOUNTQL_SMTP_URL=smtp.url, **SLOW_HASHING
    )
    try:
        await server.wait_until_healthy(timeout=60)
        async with httpx.AsyncClient(timeout=60) as client:
            await post(client, server.url, SIGN_UP, {"input": {"email": "st@example.com", "password": PASSWORD, "name": "S"}})
            await wait_for(lambda: smtp.inbox.messages, "the verification mail's send", server)
            assert await outbox_statuses(url) == ["SENDING"]

            login = asyncio.create_task(
                client.post(f"{server.url}/graphql", json={"query": LOG_IN, "variables": {"input": {"email": "st@example.com", "password": PASSWORD}}})
            )
            await asyncio.sleep(0.5)  # the login is hashing now
            assert not login.done()  # so it is in flight when the signal comes
            server.process.send_signal(signal.SIGTERM)
            await wait_for(lambda: "Shutting down" in server.log.read_text(), "the shutdown", server)
            with pytest.raises(httpx.ConnectError):  # no new connection is accepted
                async with httpx.AsyncClient(timeout=5) as late:
                    await late.get(f"{server.url}/healthz")
            answered = await login
            assert answered.status_code == 200
            assert answered.json()["data"]["logIn"]["__typename"] == "AuthSession"
        assert await asyncio.to_thread(server.process.wait, 30) == 0
    finally:
        if server.process.poll() is None:
            server.process.kill()
        smtp.stop()
    log = server.log.read_text()
    assert "released 1 outbox message for another process to send" in log
    assert "Application shutdown complete" in log
    assert await outbox_statuses(url) == ["PENDING"]  # due now, for another process


async def test_a_request_past_the_shutdown_timeout_is_cut_off_and_the_process_still_exits_0(tmp_path, database_url):
    url = database_for(database_url, tmp_path)
    server = Server(
        tmp_path, ACCOUNTQL_DATABASE_URL=url, ACCOUNTQL_SECRET_KEY="s" * 48, ACCOUNTQL_SHUTDOWN_TIMEOUT="0.5",
        ACCOUNTQL_ARGON2_MEMORY_KIB="32768", ACCOUNTQL_ARGON2_TIME_COST="100",  # seconds a hash
    )
    try:
        await server.wait_until_healthy(timeout=90)
        async with httpx.AsyncClient(timeout=60) as client:
            login = asyncio.create_task(
                client.post(f"{server.url}/graphql", json={"query": LOG_IN, "variables": {"input": {"email": "no@example.com", "password": PASSWORD}}})
            )
            await asyncio.sleep(0.5)
            server.process.send_signal(signal.SIGTERM)
            # Cut off at the timeout: uvicorn answers 500 (or drops the connection) rather
            # than let the client wait on.
            try:
                assert (await login).status_code == 500
            except httpx.TransportError:
                pass
            # (The hash itself, in a thread that cannot be interrupted, still ends first.)
            assert await asyncio.to_thread(server.process.wait, 30) == 0
    finally:
        if server.process.poll() is None:
            server.process.kill()
    assert "timeout graceful shutdown exceeded" in server.log.read_text()
