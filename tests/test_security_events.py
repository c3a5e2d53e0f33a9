"""securityEvents over WebSocket (graphql-transport-ws at /graphql): a signed-in client is
told at once that its session was revoked or expired, its password changed, or one of its
organizations began to enforce MFA; the socket closes when the session ends."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from contextlib import asynccontextmanager
from datetime import timedelta

import pytest
from httpx_ws import WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport

from accountql import clock
from accountql.app import create_app
from tests.api import PASSWORD, gql, log_in, ok, sign_up
from tests.mfa_helpers import enroll

SUBSCRIBE = "subscription { securityEvents { kind at organizationId } }"
PROTOCOL = "graphql-transport-ws"


@asynccontextmanager
async def socket(settings, payload: dict | None = None, headers: dict | None = None, base_url: str = "http://testserver"):
    """A WebSocket to the app, in this test's event loop (so the app's clock can move)."""
    import httpx

    app = create_app(settings, manage_database=False)
    async with httpx.AsyncClient(transport=ASGIWebSocketTransport(app), base_url=base_url) as client:
        async with aconnect_ws("/graphql", client, subprotocols=[PROTOCOL], headers=headers or {}) as ws:
            await ws.send_json({"type": "connection_init", "payload": payload or {}})
            yield ws


async def receive(ws, timeout: float = 2.0) -> dict:
    return json.loads(await ws.receive_text(timeout=timeout))


async def subscribed(settings, token: str):
    manager = socket(settings, {"Authorization": f"Bearer {token}"})
    ws = await manager.__aenter__()
    assert (await receive(ws))["type"] == "connection_ack"
    await ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
    await asyncio.sleep(0.2)  # the subscription is listening before the test acts
    return manager, ws


async def test_a_revoked_session_is_told_within_a_second_and_the_socket_closes(client, settings):
    ada = await sign_up(client, "ada@example.com")
    other = ok(await log_in(client, "ada@example.com"))["logIn"]["token"]
    manager, ws = await subscribed(settings, ada["token"])
    try:
        sessions = ok(await gql(client, "{ me { sessions { edges { node { id current } } } } }", token=ada["token"]))
        mine = next(e["node"]["id"] for e in sessions["me"]["sessions"]["edges"] if e["node"]["current"])
        started = time.monotonic()
        ok(await gql(client, "mutation($id: ID!) { revokeSession(input: {id: $id}) }", {"id": mine}, token=other))
        event = await receive(ws, timeout=1.0)
        assert time.monotonic() - started < 1.0
        assert event["type"] == "next" and event["payload"]["data"]["securityEvents"]["kind"] == "SESSION_REVOKED"
        assert (await receive(ws))["type"] == "complete"
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws)
        assert closed.value.code == 4401
    finally:
        await manager.__aexit__(None, None, None)


async def test_a_password_change_and_mfa_enforcement_are_told(client, settings):
    from tests.test_mfa_enforcement import enforce
    from tests.test_organizations import create_org, join

    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    manager, ws = await subscribed(settings, bob["token"])
    try:
        ok(await enforce(client, ada["token"], org))
        event = (await receive(ws, timeout=1.0))["payload"]["data"]["securityEvents"]
        assert event["kind"] == "MFA_ENFORCED" and event["organizationId"] == org
        change = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }"
        ok(await gql(client, change, {"i": {"currentPassword": PASSWORD, "newPassword": "bob's next passphrase"}}, token=bob["token"]))
        assert (await receive(ws, timeout=1.0))["payload"]["data"]["securityEvents"]["kind"] == "PASSWORD_CHANGED"
    finally:
        await manager.__aexit__(None, None, None)


async def test_other_sessions_hear_why_before_they_end(client, settings):
    ada = await sign_up(client, "ada@example.com")
    elsewhere = ok(await log_in(client, "ada@example.com"))["logIn"]["token"]
    manager, ws = await subscribed(settings, elsewhere)
    try:
        change = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }"
        ok(await gql(client, change, {"i": {"currentPassword": PASSWORD, "newPassword": "ada's next passphrase"}}, token=ada["token"]))
        kinds = [(await receive(ws, timeout=1.0))["payload"]["data"]["securityEvents"]["kind"] for _ in range(2)]
        assert kinds == ["PASSWORD_CHANGED", "SESSION_REVOKED"]
    finally:
        await manager.__aexit__(None, None, None)


async def test_the_end_of_a_session_is_told_as_it_expires(client, settings):
    ada = await sign_up(client, "ada@example.com")
    manager, ws = await subscribed(settings, ada["token"])
    try:
        clock.travel(timedelta(hours=1, seconds=1))
        event = await receive(ws, timeout=2.5)
        assert event["payload"]["data"]["securityEvents"]["kind"] == "SESSION_EXPIRED"
    finally:
        await manager.__aexit__(None, None, None)


async def test_a_socket_without_a_valid_session_is_refused(settings):
    async with socket(settings, {"Authorization": "Bearer not-a-token"}) as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws)
        assert closed.value.code == 4403


async def test_a_page_of_another_site_cannot_open_the_socket_with_the_cookie(client, settings):
    import httpx

    await sign_up(client, "ada@example.com")
    login = "mutation($i: LogInInput!) { logIn(input: $i) { ... on AuthSession { token } } }"
    app = create_app(settings, manage_database=False)
    async with httpx.AsyncClient(transport=ASGIWebSocketTransport(app), base_url="http://testserver") as page:
        answer = await page.post("/graphql", json={"query": login, "variables": {"i": {"email": "ada@example.com", "password": PASSWORD, "sessionCookie": True}}}, headers={"Origin": "http://testserver"})
        assert answer.json()["data"]["logIn"]["token"] is None
        with pytest.raises(WebSocketDisconnect):
            async with aconnect_ws("/graphql", page, subprotocols=[PROTOCOL], headers={"Origin": "https://evil.example"}) as ws:
                await ws.send_json({"type": "connection_init", "payload": {}})
                await receive(ws)
        # From the site's own page, the cookie signs the socket in.
        async with aconnect_ws("/graphql", page, subprotocols=[PROTOCOL], headers={"Origin": "http://testserver"}) as ws:
            await ws.send_json({"type": "connection_init", "payload": {}})
            assert (await receive(ws))["type"] == "connection_ack"


async def live_events(url: str, token: str):
    """A real WebSocket client (the websockets package) subscribed on a live server."""
    import websockets

    ws = await websockets.connect(url.replace("http", "ws", 1) + "/graphql", subprotocols=[PROTOCOL])
    await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
    assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
    await asyncio.sleep(0.3)
    return ws


async def test_events_cross_server_processes(tmp_path):
    """On PostgreSQL two servers share the events (LISTEN/NOTIFY); on SQLite one server
    with two workers keeps them per process, so this runs two processes only on PG."""
    import os

    import httpx

    from tests.test_live_server import SIGN_UP, Server, post

    url = os.environ.get("ACCOUNTQL_TEST_DATABASE_URL", "")
    postgres = url.startswith(("postgres", "asyncpg"))
    env = dict(ACCOUNTQL_DATABASE_URL=url if postgres else f"sqlite://{tmp_path}/events.sqlite3", ACCOUNTQL_SECRET_KEY="e" * 48)
    servers = [Server(tmp_path, *(["--no-migrate"] if postgres else []), **env)]
    if postgres:
        servers.append(Server(tmp_path, "--no-migrate", **env))
    try:
        for server in servers:
            await server.wait_until_healthy()
        async with httpx.AsyncClient(timeout=30) as client:
            signed_up = await post(client, servers[0].url, SIGN_UP, {"input": {"email": "live@example.com", "password": PASSWORD, "name": "L"}})
            token = signed_up["data"]["signUp"]["token"]
            ws = await live_events(servers[0].url, token)
            try:
                started = time.monotonic()
                other = servers[-1]
                logged_out = await post(client, other.url, "mutation { logOut }", token=token)
                assert logged_out == {"data": {"logOut": True}}
                event = json.loads(await asyncio.wait_for(ws.recv(), 1.0))
                assert time.monotonic() - started < 1.0
                assert event["payload"]["data"]["securityEvents"]["kind"] == "SESSION_REVOKED"
            finally:
                await ws.close()
    finally:
        for server in servers:
            server.stop()


async def test_another_users_password_change_is_not_heard_on_my_socket(client, settings):
    """The attack: one user ending their other sessions ended everyone's subscriptions."""
    ada = await sign_up(client, "ada@example.com")
    bob = await sign_up(client, "bob@example.com")
    ok(await log_in(client, "ada@example.com"))  # a second session of Ada's, to be ended
    manager, ws = await subscribed(settings, bob["token"])
    try:
        change = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }"
        ok(await gql(client, change, {"i": {"currentPassword": PASSWORD, "newPassword": "ada's next passphrase"}}, token=ada["token"]))
        with pytest.raises(TimeoutError):
            await receive(ws, timeout=1.5)
        assert ok(await gql(client, "{ me { email } }", token=bob["token"]))["me"]["email"] == "bob@example.com"
    finally:
        await manager.__aexit__(None, None, None)


async def test_a_socket_runs_subscriptions_only(client, settings):
    """The attack: a socket kept acting as its session after logOut (queries and mutations
    over graphql-transport-ws used the session checked when it connected)."""
    from accountql.models import Organization

    ada = await sign_up(client, "ada@example.com")
    async with socket(settings, {"Authorization": f"Bearer {ada['token']}"}) as ws:
        assert (await receive(ws))["type"] == "connection_ack"
        for operation_id, query in (("q", "{ me { email } }"), ("m", 'mutation { createOrganization(input: {name: "ViaWS"}) { id } }')):
            await ws.send_json({"id": operation_id, "type": "subscribe", "payload": {"query": query}})
            refused = await receive(ws)
            assert refused["type"] == "error" and refused["id"] == operation_id
            assert refused["payload"][0]["extensions"]["code"] == "BAD_REQUEST"
            assert "POST /graphql" in refused["payload"][0]["message"]
    assert not await Organization.exists(name="ViaWS")


async def test_a_socket_closes_when_its_session_ends_even_without_a_subscription(client, settings):
    ada = await sign_up(client, "ada@example.com")
    async with socket(settings, {"Authorization": f"Bearer {ada['token']}"}) as ws:
        assert (await receive(ws))["type"] == "connection_ack"
        started = time.monotonic()
        ok(await gql(client, "mutation { logOut }", token=ada["token"]))
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws, timeout=2.0)
        assert closed.value.code == 4401 and time.monotonic() - started < 2.0


async def test_sockets_per_session_are_capped(client, settings):
    from accountql.web.websockets import SOCKETS_PER_SESSION

    ada = await sign_up(client, "ada@example.com")
    async with contextlib.AsyncExitStack() as stack:
        for _ in range(SOCKETS_PER_SESSION):
            ws = await stack.enter_async_context(socket(settings, {"Authorization": f"Bearer {ada['token']}"}))
            assert (await receive(ws))["type"] == "connection_ack"
        extra = await stack.enter_async_context(socket(settings, {"Authorization": f"Bearer {ada['token']}"}))
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(extra)
        assert closed.value.code == 4429


async def test_a_subscription_sent_over_http_is_a_bad_request(client):
    for response in (
        await client.post("/graphql", json={"query": SUBSCRIBE}),
        await client.get("/graphql", params={"query": SUBSCRIBE}),
    ):
        assert response.status_code in (400, 405), response.text
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_REQUEST" and "WebSocket" in error["message"]


async def test_on_sqlite_a_session_ended_by_another_process_closes_the_socket(client, settings):
    """SQLite has no bus between processes (serve --workers 2): the socket's watcher asks the
    database every few seconds instead."""
    from accountql import events
    from accountql.models import Session
    from accountql.web.websockets import DATABASE_CHECK

    if events.bus.crosses_processes:
        pytest.skip("on PostgreSQL every process hears the events (test_events_cross_server_processes)")
    ada = await sign_up(client, "ada@example.com")
    async with socket(settings, {"Authorization": f"Bearer {ada['token']}"}) as ws:
        assert (await receive(ws))["type"] == "connection_ack"
        await Session.filter(id=ada["session_id"]).update(revoked_at=clock.now())  # as another process would
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws, timeout=DATABASE_CHECK + 2.0)
        assert closed.value.code == 4401


async def test_a_lost_listener_reconnects_and_no_revocation_is_missed(tmp_path):
    """On PostgreSQL: the LISTEN connection is killed, the session is ended meanwhile; the
    listener comes back and the subscriber is still told."""
    import os

    import asyncpg
    import httpx

    from tests.conftest import asyncpg_url
    from tests.test_live_server import SIGN_UP, Server, post

    url = os.environ.get("ACCOUNTQL_TEST_DATABASE_URL", "")
    if not url.startswith(("postgres", "asyncpg")):
        pytest.skip("SQLite has no LISTEN connection to lose")
    server = Server(tmp_path, "--no-migrate", ACCOUNTQL_DATABASE_URL=url, ACCOUNTQL_SECRET_KEY="e" * 48)
    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient(timeout=30) as client:
            signed_up = await post(client, server.url, SIGN_UP, {"input": {"email": "lost@example.com", "password": PASSWORD, "name": "L"}})
            token = signed_up["data"]["signUp"]["token"]
            ws = await live_events(server.url, token)
            try:
                admin = await asyncpg.connect(asyncpg_url(url))
                try:
                    killed = await admin.fetchval(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE query LIKE 'LISTEN %accountql_security_events%' AND pid <> pg_backend_pid()"
                    )
                finally:
                    await admin.close()
                assert killed >= 1
                assert await post(client, server.url, "mutation { logOut }", token=token) == {"data": {"logOut": True}}
                event = json.loads(await asyncio.wait_for(ws.recv(), 5.0))
                assert event["payload"]["data"]["securityEvents"]["kind"] == "SESSION_REVOKED"
            finally:
                await ws.close()
    finally:
        server.stop()
