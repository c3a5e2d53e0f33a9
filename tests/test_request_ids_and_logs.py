"""X-Request-Id on every response and on the request's log lines; JSON log lines with
ACCOUNTQL_LOG_FORMAT=json (uvicorn's access log too); no secret in any of them."""

from __future__ import annotations

import io
import ipaddress
import json
import logging
import re

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from accountql import logs
from accountql.web.request_id import RequestIdMiddleware
from tests.api import LOG_IN, PASSWORD, SIGN_UP
from tests.conftest import make_client
from tests.test_live_server import Server, post

GENERATED = re.compile(r"[0-9a-f]{32}")


async def test_every_response_carries_a_new_request_id(client):
    first = await client.post("/graphql", json={"query": "{ __typename }"})
    second = await client.get("/healthz")
    assert GENERATED.fullmatch(first.headers["x-request-id"])
    assert GENERATED.fullmatch(second.headers["x-request-id"])
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


@pytest.mark.parametrize("sent", ["req-7f3a.9:b/c+d=e_f", "a" * 128])
async def test_a_sane_request_id_from_a_proxy_is_kept(settings, sent):
    async with make_client(settings, ip="10.1.2.3", trusted_proxies=(ipaddress.ip_network("10.0.0.0/8"),)) as proxy:
        response = await proxy.post("/graphql", json={"query": "{ __typename }"}, headers={"X-Request-Id": sent})
    assert response.headers["x-request-id"] == sent


@pytest.mark.parametrize("sent", ["a" * 129, "two words", "quote\"d", "<script>", "semi;colon", ""])
async def test_an_odd_request_id_is_replaced(client, sent):
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"X-Request-Id": sent})
    assert GENERATED.fullmatch(response.headers["x-request-id"])


async def test_the_log_lines_of_a_request_carry_its_id():
    async def endpoint(request):
        logging.getLogger("accountql.test").info("working on it")
        return PlainTextResponse("done")

    app = RequestIdMiddleware(Starlette(routes=[Route("/", endpoint)]))
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RequestIdFilter())
    handler.setFormatter(logs.JsonFormatter())
    logger = logging.getLogger("accountql.test")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            response = await client.get("/")
        logger.info("after the request")
    finally:
        logger.removeHandler(handler)
    inside, after = (json.loads(line) for line in stream.getvalue().splitlines())
    assert inside["message"] == "working on it" and inside["logger"] == "accountql.test"
    assert inside["request_id"] == response.headers["x-request-id"]
    assert "request_id" not in after  # outside a request, none


def test_a_text_line_shows_the_request_id_in_brackets():
    record = logging.LogRecord("accountql", logging.INFO, __file__, 1, "hello %s", ("you",), None)
    token = logs.request_id.set("abc123")
    try:
        logs.RequestIdFilter().filter(record)
    finally:
        logs.request_id.reset(token)
    text = logging.Formatter(logs.TEXT_FORMAT).format(record)
    assert text.endswith("INFO accountql [abc123]: hello you")


async def test_the_live_server_logs_json_lines_with_request_ids_and_no_secrets(tmp_path):
    server = Server(
        tmp_path,
        ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/json.sqlite3",
        ACCOUNTQL_SECRET_KEY="j" * 48,
        ACCOUNTQL_LOG_FORMAT="json",
        ACCOUNTQL_TRUSTED_PROXIES="127.0.0.1/32",  # the test is the proxy that names the request
    )
    secret_in_url = "a-password-in-a-query-string"
    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient(timeout=30) as client:
            await post(client, server.url, SIGN_UP, {"input": {"email": "js@example.com", "password": PASSWORD, "name": "J"}})
            logged_in = await client.post(
                f"{server.url}/graphql",
                json={"query": LOG_IN, "variables": {"input": {"email": "js@example.com", "password": PASSWORD}}},
                headers={"X-Request-Id": "proxy-42"},
            )
            assert logged_in.headers["x-request-id"] == "proxy-42"
            by_get = await client.get(
                f"{server.url}/graphql",
                params={"query": "query($p: String) { __typename }", "variables": json.dumps({"p": secret_in_url})},
            )
            assert by_get.status_code == 200
    finally:
        assert server.stop(), server.log.read_text()
    lines = [json.loads(line) for line in server.log.read_text().splitlines() if line.strip()]
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    access = [line for line in lines if line["logger"] == "uvicorn.access"]
    login = [line for line in access if line.get("request_id") == "proxy-42"]
    assert len(login) == 1 and login[0]["method"] == "POST" and login[0]["path"] == "/graphql" and login[0]["status"] == 200
    get = [line for line in access if line.get("request_id") == by_get.headers["x-request-id"]]
    assert len(get) == 1 and get[0]["path"] == "/graphql"
    assert all(line.get("request_id") for line in access)
    text = server.log.read_text()
    assert PASSWORD not in text and secret_in_url not in text and "j" * 48 not in text
    assert any("Application shutdown complete" in line["message"] for line in lines)


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("ACCOUNTQL_LOG_FORMAT", "xml", "use one of text, json"),
        ("ACCOUNTQL_SHUTDOWN_TIMEOUT", "soon", "is not a number of seconds"),
        ("ACCOUNTQL_SHUTDOWN_TIMEOUT", "0", "is out of range"),
    ],
)
def test_a_wrong_log_format_or_shutdown_timeout_says_what_to_use(monkeypatch, tmp_path, name, raw, message):
    from accountql.config import ConfigError, load_settings

    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/s.sqlite3")
    monkeypatch.setenv(name, raw)
    with pytest.raises(ConfigError, match=name) as refused:
        load_settings()
    assert message in str(refused.value)


def test_json_is_chosen_by_the_setting(monkeypatch, tmp_path):
    from accountql.config import load_settings

    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/s.sqlite3")
    assert load_settings().log_format == "text"
    monkeypatch.setenv("ACCOUNTQL_LOG_FORMAT", "JSON")
    assert load_settings().log_format == "json"
    assert load_settings().shutdown_timeout == 30.0
