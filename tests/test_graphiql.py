"""GraphiQL from the package: the page and its policy, the assets it names, and the
setting that turns it on or off. (tests/test_graphiql_browser.py drives it in Chromium.)"""

from __future__ import annotations

import re

import pytest

from accountql.config import ConfigError, load_settings
from accountql.web import graphiql
from tests.conftest import make_client

HTML = {"accept": "text/html"}


def asset_urls(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/static/assets/[^"]+)"', page)


async def test_the_page_is_ours_and_names_only_assets_of_this_server(client):
    response = await client.get("/graphql", headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<title>AccountQL · GraphiQL</title>" in page
    # Strawberry's page loads GraphiQL from a CDN; ours names nothing but local files.
    assert "Strawberry" not in page
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == ["data:,", *asset_urls(page)]
    assert any(url.endswith(".js") for url in asset_urls(page))
    assert any(url.endswith(".css") for url in asset_urls(page))
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-frame-options"] == "DENY"


async def test_the_policy_keeps_the_page_on_this_server(client):
    policy = (await client.get("/graphql", headers=HTML)).headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline script, no eval
    assert directives["connect-src"] == "'self' ws://testserver wss://testserver"
    assert directives["img-src"] == "'self' data:"
    assert directives["frame-ancestors"] == "'none'"
    assert "http" not in policy.replace("https:", "").replace("http:", "")


def test_a_host_header_cannot_add_to_the_policy():
    assert "evil" not in graphiql.content_security_policy("x; script-src evil.example")
    assert "connect-src 'self';" in graphiql.content_security_policy("a b")
    assert "ws://[::1]:8000 wss://[::1]:8000" in graphiql.content_security_policy("[::1]:8000")
    assert "connect-src 'self';" in graphiql.content_security_policy(None)


async def test_every_asset_is_served_for_a_year_with_its_type(client):
    files = sorted(graphiql.ASSETS.iterdir())
    assert files, f"no built assets in {graphiql.ASSETS}: run `{graphiql.REBUILD}`"
    for file in files:
        response = await client.get(f"/static/assets/{file.name}")
        assert response.status_code == 200, file.name
        assert response.content == file.read_bytes()
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert response.headers["x-content-type-options"] == "nosniff"
        expected = graphiql.MEDIA_TYPES[file.suffix]  # a new kind of file needs its type
        assert response.headers["content-type"] == expected, file.name


async def test_the_pages_assets_exist(client):
    page = (await client.get("/graphql", headers=HTML)).text
    for url in asset_urls(page):
        assert (await client.get(url)).status_code == 200, url


async def test_no_file_outside_the_assets_is_served(client):
    for path in ("/static/assets/missing.js", "/static/graphiql/index.html", "/static/assets/../graphiql/index.html"):
        assert (await client.get(path)).status_code == 404, path


async def test_the_setting_turns_graphiql_off_and_on(settings):
    async with make_client(settings, graphiql=False) as off:
        response = await off.get("/graphql", headers=HTML)
        assert response.status_code == 404
        assert "GraphiQL" not in response.text
    async with make_client(settings, env="production", graphiql=True) as on:
        assert "AccountQL · GraphiQL" in (await on.get("/graphql", headers=HTML)).text


@pytest.mark.parametrize(
    ("env", "value", "expected"),
    [("development", "", True), ("production", "", False), ("production", "true", True), ("development", "off", False)],
)
def test_graphiql_is_on_in_development_and_off_in_production_unless_set(monkeypatch, tmp_path, env, value, expected):
    monkeypatch.setenv("ACCOUNTQL_ENV", env)
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "g" * 48)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/g.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_GRAPHIQL", value)
    assert load_settings().graphiql is expected


def test_a_wrong_graphiql_value_says_what_to_use(monkeypatch, tmp_path):
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "g" * 48)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/g.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_GRAPHIQL", "maybe")
    with pytest.raises(ConfigError, match="ACCOUNTQL_GRAPHIQL='maybe' is not a boolean: use true or false"):
        load_settings()
