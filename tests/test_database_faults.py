"""Concurrency and faults at the database: parallel logins that once deadlocked on
PostgreSQL, and a database that stops answering."""

from __future__ import annotations

import asyncio

from tests.api import PASSWORD, error_code, log_in, ok, sign_up


async def test_forty_parallel_logins_for_one_account_never_deadlock(client, settings):
    """Counting a failure (an UPSERT) and giving a slot back after a right password (an
    UPDATE) lock the account's and the address's counters: in opposite orders, PostgreSQL
    found a deadlock and the login answered INTERNAL_SERVER_ERROR."""
    await sign_up(client, "ada@example.com")
    # The address's counter exists before the account's: a plain UPDATE then meets the
    # two rows in the other order than the UPSERT does.
    await log_in(client, "someone.else@example.com", "wrong guess")
    for _round in range(5):
        attempts = [log_in(client, "ada@example.com", PASSWORD if n % 2 else f"wrong guess {n}") for n in range(40)]
        results = await asyncio.gather(*attempts)
        outcomes = {("ok" if not r.get("errors") else error_code(r)) for r in results}
        assert outcomes <= {"ok", "INVALID_CREDENTIALS", "RATE_LIMITED"}, outcomes
        assert "ok" in outcomes or "RATE_LIMITED" in outcomes
        # Let the window pass before the next round.
        from datetime import timedelta

        from accountql import clock

        clock.travel(timedelta(seconds=settings.login_window_seconds + 1))
    ok(await log_in(client, "ada@example.com"))


async def test_counting_and_giving_back_at_once_take_row_locks_in_one_order():
    """The same race as above, at the statements themselves and at full concurrency (the
    login path spaces them by a password hash): on PostgreSQL the old statements deadlocked
    hundreds of times in 2,000."""
    from accountql.auth import rate_limits
    from accountql.errors import RateLimited

    limits = [
        rate_limits.Limit("login:account:x", 1_000_000, 900),
        rate_limits.Limit("login:ip:198.51.100.1", 1_000_000, 900),
    ]
    await rate_limits.take(limits[1:], "")  # the address's row first, as in real life

    async def one(n: int) -> None:
        if n % 2:
            try:
                await rate_limits.take(list(reversed(limits)) if n % 4 == 1 else limits, "")
            except RateLimited:  # pragma: no cover - the limits are far away
                pass
        else:
            await rate_limits.give_back(limits)

    for _round in range(50):
        await asyncio.gather(*[one(n) for n in range(40)])


async def test_a_database_that_stops_answering_gives_503_and_one_log_line(tmp_path):
    """A dead database (here PostgreSQL behind a proxy that goes dark) used to hang every
    request and /healthz with no end."""
    import os
    import time
    from urllib.parse import urlsplit, urlunsplit

    import httpx
    import pytest

    from tests.tcp_proxy import FreezableProxy
    from tests.test_live_server import SIGN_UP, Server, post

    url = os.environ.get("ACCOUNTQL_TEST_DATABASE_URL", "")
    if not url.startswith(("postgres", "asyncpg")):
        pytest.skip("needs PostgreSQL (ACCOUNTQL_TEST_DATABASE_URL); SQLite is a file, it cannot go dark")
    parts = urlsplit(url)
    proxy = await FreezableProxy(parts.hostname, parts.port or 5432).start()
    through_proxy = urlunsplit((parts.scheme, f"{parts.username}@127.0.0.1:{proxy.port}", parts.path, "", ""))
    server = Server(
        tmp_path,
        "--no-migrate",  # the suite's database is migrated already
        ACCOUNTQL_DATABASE_URL=through_proxy,
        ACCOUNTQL_SECRET_KEY="d" * 48,
        ACCOUNTQL_STATEMENT_TIMEOUT="1",
        ACCOUNTQL_CONNECT_TIMEOUT="1",
    )
    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            signed_up = await post(client, server.url, SIGN_UP, {"input": {"email": "dark@example.com", "password": PASSWORD, "name": "D"}})
            token = signed_up["data"]["signUp"]["token"]
            proxy.frozen = True
            started = time.monotonic()
            health = await client.get("/healthz")
            assert health.status_code == 503 and time.monotonic() - started < 2.5
            started = time.monotonic()
            answers = await asyncio.gather(*[
                client.post("/graphql", json={"query": "{ me { email } }"}, headers={"Authorization": f"Bearer {token}"})
                for _ in range(5)
            ])
            assert time.monotonic() - started < 8
            for answer in answers:
                assert answer.status_code == 503
                assert answer.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
                assert "try again" in answer.json()["errors"][0]["message"]
            proxy.frozen = False
            deadline = time.monotonic() + 20
            while (await client.get("/healthz")).status_code != 200:
                assert time.monotonic() < deadline, server.log.read_text()
                await asyncio.sleep(0.2)
            me = await client.post("/graphql", json={"query": "{ me { email } }"}, headers={"Authorization": f"Bearer {token}"})
            assert me.json() == {"data": {"me": {"email": "dark@example.com"}}}
    finally:
        server.stop()
        await proxy.stop()
    log = server.log.read_text()
    assert log.count("the database does not answer") == 1, log
    assert "answers again after" in log and "5 requests answered SERVICE_UNAVAILABLE" in log, log
    assert "Traceback" not in log, log


async def test_a_held_write_lock_on_sqlite_gives_503_not_a_hang(tmp_path):
    import sqlite3
    import time

    import httpx

    from tests.test_live_server import SIGN_UP, Server, post

    database = tmp_path / "locked.sqlite3"
    server = Server(
        tmp_path,
        ACCOUNTQL_DATABASE_URL=f"sqlite://{database}",
        ACCOUNTQL_SECRET_KEY="s" * 48,
        ACCOUNTQL_STATEMENT_TIMEOUT="1",
    )
    try:
        await server.wait_until_healthy()
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        try:
            async with httpx.AsyncClient(timeout=30) as client:
                started = time.monotonic()
                response = await client.post(
                    f"{server.url}/graphql",
                    json={"query": SIGN_UP, "variables": {"input": {"email": "l@example.com", "password": PASSWORD, "name": "L"}}},
                )
                assert time.monotonic() - started < 5
                assert response.status_code == 503
                assert response.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        async with httpx.AsyncClient(timeout=30) as client:
            signed_up = await post(client, server.url, SIGN_UP, {"input": {"email": "l@example.com", "password": PASSWORD, "name": "L"}})
            assert "errors" not in signed_up, signed_up
    finally:
        server.stop()
    assert "Traceback" not in server.log.read_text()
