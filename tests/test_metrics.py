"""GET /metrics, as Prometheus scrapes it: off unless asked for, open or behind a token, and
counting what an operator watches (requests and latency per operation, errors per code,
login outcomes, the outbox backlog, the database pool)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families

from accountql import metrics, outbox
from accountql.clock import now
from accountql.models import OutboxMessage
from tests.api import LOG_IN, PASSWORD, gql, sign_up
from tests.conftest import make_client

TOKEN = "scraper-token-0123456789abcdef"


def samples(text: str) -> dict[tuple, float]:
    """{(sample name, (sorted labels)): value} of an exposition."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(text: str, name: str, **labels) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


async def scrape(client) -> str:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=")
    return response.text


async def test_metrics_are_off_unless_turned_on(client):
    response = await client.get("/metrics")
    assert response.status_code == 404


async def test_a_token_guards_the_metrics(settings):
    async with make_client(settings, metrics=True, metrics_token=TOKEN) as client:
        missing = await client.get("/metrics")
        assert missing.status_code == 401
        assert missing.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert "Authorization: Bearer" in missing.json()["errors"][0]["message"]
        assert missing.headers["www-authenticate"].startswith("Bearer")
        wrong = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN[:-1]}x"})
        assert wrong.status_code == 401
        assert wrong.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert TOKEN not in wrong.text
        basic = await client.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"})
        assert basic.status_code == 401
        right = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 200
        assert "accountql_graphql_requests_total" in right.text


async def test_requests_latency_and_errors_are_counted_per_operation_and_code(settings):
    async with make_client(settings, metrics=True) as client:
        before = await scrape(client)
        account = await sign_up(client, "ada@example.com", verify=False)
        await gql(client, "query Me { me { email } }", token=account["token"])
        await gql(client, "query Me { me { email } }")  # no token: UNAUTHENTICATED
        await gql(client, "{ me { email } }", token=account["token"])
        refused = await client.post("/graphql", content=b"{not json", headers={"content-type": "application/json"})
        assert refused.status_code == 400
        after = await scrape(client)

    def grew(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("accountql_graphql_requests_total", operation="Me", status="200") == 2
    assert grew("accountql_graphql_requests_total", operation="anonymous", status="200") >= 2  # signUp too
    assert grew("accountql_graphql_requests_total", operation="none", status="400") == 1
    assert grew("accountql_graphql_request_duration_seconds_count", operation="Me") == 2
    assert grew("accountql_graphql_request_duration_seconds_sum", operation="Me") > 0
    assert grew("accountql_graphql_errors_total", code="UNAUTHENTICATED") == 1
    assert grew("accountql_graphql_errors_total", code="BAD_REQUEST") == 1


async def test_login_outcomes_are_counted(settings):
    async with make_client(settings, metrics=True) as client:
        before = await scrape(client)
        await sign_up(client, "bob@example.com", verify=False)
        await gql(client, LOG_IN, {"input": {"email": "bob@example.com", "password": PASSWORD}})
        for _ in range(settings.login_failures_per_account + 1):
            await gql(client, LOG_IN, {"input": {"email": "bob@example.com", "password": "not the password"}})
        await gql(client, "mutation { logInWithMagicLink(input: {token: \"nope\"}) { __typename } }")
        after = await scrape(client)

    def grew(method, outcome):
        labels = {"method": method, "outcome": outcome}
        return value(after, "accountql_logins_total", **labels) - value(before, "accountql_logins_total", **labels)

    assert grew("password", "success") == 1
    assert grew("password", "invalid_credentials") == settings.login_failures_per_account
    assert grew("password", "rate_limited") == 1
    assert grew("magic_link", "invalid_code") == 1


async def test_an_mfa_challenge_is_an_outcome_of_its_own(settings):
    import pyotp

    from tests.mfa_helpers import BEGIN, CONFIRM

    async with make_client(settings, metrics=True) as client:
        account = await sign_up(client, "cy@example.com", verify=False)
        secret = (await gql(client, BEGIN, token=account["token"]))["data"]["beginMfaEnrollment"]["secret"]
        await gql(client, CONFIRM, {"code": pyotp.TOTP(secret).now()}, token=account["token"])
        before = await scrape(client)
        result = await gql(client, LOG_IN, {"input": {"email": "cy@example.com", "password": PASSWORD}})
        assert result["data"]["logIn"]["__typename"] == "MfaChallenge"
        after = await scrape(client)
    labels = {"method": "password", "outcome": "mfa_challenge"}
    assert value(after, "accountql_logins_total", **labels) - value(before, "accountql_logins_total", **labels) == 1


async def test_operation_names_are_folded_and_capped(settings, monkeypatch):
    monkeypatch.setattr(metrics, "_names", set())
    monkeypatch.setattr(metrics, "MAX_OPERATION_NAMES", 3)
    async with make_client(settings, metrics=True) as client:
        for n in range(6):
            await gql(client, f"query Name{n} {{ __typename }}")
        # A name that never ran (the document does not validate) is not a label.
        await client.post("/graphql", json={"query": "query Ghost { nothing }"})
        text = await scrape(client)
    operations = {dict(labels).get("operation") for (name, labels) in samples(text) if name == "accountql_graphql_requests_total"}
    assert {"Name0", "Name1", "Name2", "other"} <= operations
    assert not {"Name3", "Name4", "Name5", "Ghost"} & operations
    assert value(text, "accountql_graphql_requests_total", operation="other", status="200") == 3
    assert metrics.operation_label("x" * 65) == metrics.OTHER
    assert metrics.operation_label("none") == metrics.OTHER  # a client cannot pose as a label of ours


async def test_the_outbox_backlog_and_its_oldest_message_are_read_at_scrape_time(settings):
    async with make_client(settings, metrics=True) as client:
        empty = await scrape(client)
        assert value(empty, "accountql_outbox_backlog", channel="EMAIL") == 0
        assert value(empty, "accountql_outbox_oldest_message_age_seconds") == 0
        assert value(empty, "accountql_database_up") == 1
        old = await outbox.send_email("a@example.com", "test", "Old", "body")
        await OutboxMessage.filter(id=old.id).update(created_at=now() - timedelta(minutes=10))
        await outbox.send_email("b@example.com", "test", "New", "body")
        waiting = await scrape(client)
    assert value(waiting, "accountql_outbox_backlog", channel="EMAIL") == 2
    assert 600 <= value(waiting, "accountql_outbox_oldest_message_age_seconds") < 660


async def test_the_database_pool_is_reported(settings, database_url):
    async with make_client(settings, metrics=True) as client:
        text = await scrape(client)
    if database_url.startswith("postgres"):
        assert value(text, "accountql_database_connections_open") >= 1
        assert 0 <= value(text, "accountql_database_connections_in_use") <= value(text, "accountql_database_connections_open")
    else:
        assert value(text, "accountql_database_connections_open") == 0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("", (False, None)), ("false", (False, None)), ("true", (True, None)), (TOKEN, (True, TOKEN))],
)
def test_the_metrics_setting(monkeypatch, tmp_path, raw, expected):
    from accountql.config import load_settings

    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/m.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_METRICS", raw)
    settings = load_settings()
    assert (settings.metrics, settings.metrics_token) == expected
    assert TOKEN not in repr(settings)


def test_a_short_metrics_token_stops_start_up_without_showing_it(monkeypatch, tmp_path):
    from accountql.config import ConfigError, load_settings

    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/m.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_METRICS", "hunter2")
    with pytest.raises(ConfigError, match="ACCOUNTQL_METRICS") as refused:
        load_settings()
    assert "hunter2" not in str(refused.value)


async def test_with_several_workers_every_scrape_counts_them_all(tmp_path):
    import asyncio

    import httpx

    from tests.test_live_server import Server

    server = Server(
        tmp_path, "--workers", "2",
        ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/workers.sqlite3", ACCOUNTQL_SECRET_KEY="p" * 48,
        ACCOUNTQL_METRICS=TOKEN,
    )
    try:
        await server.wait_until_healthy()
        # A new connection each: the kernel spreads them over both workers.
        for _ in range(20):
            async with httpx.AsyncClient() as client:
                response = await client.post(f"{server.url}/graphql", json={"query": "query Ping { __typename }"})
                assert response.status_code == 200
        seen = []
        for _ in range(6):
            async with httpx.AsyncClient() as client:
                response = await client.get(f"{server.url}/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 200, response.text
            seen.append(value(response.text, "accountql_graphql_requests_total", operation="Ping", status="200"))
            await asyncio.sleep(0.05)
        assert seen == [20] * 6
    finally:
        assert server.stop(), server.log.read_text()
    assert server.process.returncode == 0
