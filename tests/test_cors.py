"""CORS on /graphql: the origins of ACCOUNTQL_CORS_ORIGINS may call it from a browser,
credentials included; every other origin gets no CORS header at all, and its preflight a
GraphQL-shaped refusal that names the setting."""

from __future__ import annotations

import os

import httpx
import pytest

from accountql.config import ConfigError, load_settings
from tests.conftest import make_client
from tests.test_live_server import Server

APP = "https://app.example.com"
LOCAL = "http://localhost:5173"
EVIL = "https://evil.example"
FRONT_END_HEADERS = ["Content-Type", "Authorization", "X-Auth-Token", "X-CSRF-Protection", "Apollo-Require-Preflight"]


def preflight(origin: str, method: str = "POST", headers: str | None = "content-type, authorization") -> dict:
    asked = {"origin": origin, "access-control-request-method": method}
    if headers is not None:
        asked["access-control-request-headers"] = headers
    return asked


def cors_headers(response: httpx.Response) -> dict:
    return {k: v for k, v in response.headers.items() if k.startswith("access-control-")}


@pytest.fixture
async def cors_client(settings):
    async with make_client(settings, cors_origins=(APP, LOCAL)) as client:
        yield client


async def test_a_listed_origin_s_preflight_answers_204_with_every_header(cors_client):
    for origin in (APP, LOCAL):
        asked = preflight(origin, headers=", ".join(h.lower() for h in FRONT_END_HEADERS))
        response = await cors_client.options("/graphql", headers=asked)
        assert response.status_code == 204, response.text
        assert response.content == b""
        assert response.headers["access-control-allow-origin"] == origin  # never *
        assert response.headers["access-control-allow-methods"] == "GET, POST"
        allowed = [h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")]
        assert all(h.lower() in allowed for h in FRONT_END_HEADERS), allowed
        assert response.headers["access-control-allow-credentials"] == "true"
        assert int(response.headers["access-control-max-age"]) > 0
        assert "Origin" in [v.strip() for v in response.headers["vary"].split(",")]
    # A preflight for a GET with no extra headers passes too.
    response = await cors_client.options("/graphql", headers=preflight(APP, "GET", None))
    assert response.status_code == 204 and response.headers["access-control-allow-origin"] == APP


async def test_an_unlisted_origin_s_preflight_is_refused_without_cors_headers(cors_client, client):
    # Unlisted here; and with the setting empty (the default) every origin is unlisted.
    for http, origin in ((cors_client, EVIL), (cors_client, "https://app.example.com.evil.example"),
                         (cors_client, "http://app.example.com"), (cors_client, "null"), (client, APP)):
        response = await http.options("/graphql", headers=preflight(origin))
        assert response.status_code == 403, (origin, response.text)
        assert cors_headers(response) == {}, origin
        assert response.headers["content-type"] == "application/json; charset=utf-8"
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "FORBIDDEN"
        assert origin in error["message"] and "ACCOUNTQL_CORS_ORIGINS" in error["message"]
        assert "data" not in response.json()


async def test_a_listed_origin_asking_for_another_method_or_header_is_refused(cors_client):
    for asked in (preflight(APP, "PUT", None), preflight(APP, "POST", "content-type, x-something-else")):
        response = await cors_client.options("/graphql", headers=asked)
        assert response.status_code == 400, response.text
        assert cors_headers(response) == {}
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_REQUEST"
        assert "GET and POST" in error["message"] and "X-CSRF-Protection" in error["message"]


async def test_answers_carry_cors_headers_and_credentials_for_listed_origins_only(cors_client):
    query = {"query": "{ __typename }"}
    listed = await cors_client.post("/graphql", json=query, headers={"origin": APP})
    assert listed.json() == {"data": {"__typename": "Query"}}
    assert cors_headers(listed) == {"access-control-allow-origin": APP, "access-control-allow-credentials": "true"}
    assert "Origin" in listed.headers["vary"]
    by_get = await cors_client.get("/graphql", params=query, headers={"origin": LOCAL})
    assert by_get.headers["access-control-allow-origin"] == LOCAL
    # Errors too: a front end must be able to read why it was refused.
    refused = await cors_client.post("/graphql", content=b"{nope", headers={"origin": APP, "content-type": "application/json"})
    assert refused.status_code == 400 and refused.headers["access-control-allow-origin"] == APP
    # Another origin: no CORS header at all, so its page cannot read the answer, and no
    # credentials; the answer still varies by Origin for caches.
    for origin in (EVIL, "null", APP.upper()):
        other = await cors_client.post("/graphql", json=query, headers={"origin": origin})
        assert cors_headers(other) == {}, origin
        assert "Origin" in other.headers["vary"]


async def test_same_origin_requests_need_and_get_no_cors_headers(cors_client, client):
    """A browser sends Origin with a same-origin POST too: the server's own origin is not
    in the list, and the request is answered as any other, without CORS headers."""
    for http in (cors_client, client):
        for headers in ({}, {"origin": "http://testserver"}):
            response = await http.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
            assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}
            assert cors_headers(response) == {}
    # With the setting empty nothing varies by Origin, and nothing says so.
    assert "vary" not in (await client.post("/graphql", json={"query": "{ __typename }"}, headers={"origin": APP})).headers


async def test_cors_covers_graphql_only(cors_client):
    response = await cors_client.get("/healthz", headers={"origin": APP})
    assert cors_headers(response) == {}


def settings_from(monkeypatch, tmp_path, value: str):
    for name in [n for n in os.environ if n.startswith("ACCOUNTQL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/c.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "c" * 48)
    monkeypatch.setenv("ACCOUNTQL_CORS_ORIGINS", value)
    return load_settings()


def test_the_setting_takes_origins_as_browsers_write_them(monkeypatch, tmp_path):
    assert settings_from(monkeypatch, tmp_path, "").cors_origins == ()
    value = " https://App.Example.com:443 , http://localhost:5173,http://[::1]:8080,, https://app.example.com"
    assert settings_from(monkeypatch, tmp_path, value).cors_origins == (APP, LOCAL, "http://[::1]:8080")


@pytest.mark.parametrize(
    "value",
    ["*", "https://*.example.com", "https://app.example.com/", "https://app.example.com/graphql", "app.example.com",
     "null", "ftp://app.example.com", "https://user@app.example.com", "https://app.example.com:99999",
     "https://app.example.com?x=1", "https://app example.com", f"{APP},https://app.example.com/x"],
)
def test_anything_but_an_origin_is_refused_with_the_fix(monkeypatch, tmp_path, value):
    with pytest.raises(ConfigError) as refused:
        settings_from(monkeypatch, tmp_path, value)
    message = str(refused.value)
    assert message.startswith("ACCOUNTQL_CORS_ORIGINS: ") and "is not a web origin" in message
    assert "use e.g. https://app.example.com" in message


async def test_serve_reads_the_setting(tmp_path):
    server = Server(
        tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/cors.sqlite3", ACCOUNTQL_SECRET_KEY="c" * 48,
        ACCOUNTQL_CORS_ORIGINS=f"{APP},{LOCAL}",
    )
    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient(base_url=server.url) as client:
            allowed = await client.options("/graphql", headers=preflight(LOCAL))
            refused = await client.options("/graphql", headers=preflight(EVIL))
    finally:
        server.stop()
    assert allowed.status_code == 204 and allowed.headers["access-control-allow-origin"] == LOCAL
    assert refused.status_code == 403 and cors_headers(refused) == {}
