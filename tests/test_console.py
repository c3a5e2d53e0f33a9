"""The console from the package: its page at /console and every path under it, the policy
that keeps it on this server, the redirects of / and of the mailed links' paths, and the
assets it names. (tests/test_console_browser.py drives it in Chromium.)"""

from __future__ import annotations

import re

import pytest

from accountql.web import console

HTML = {"accept": "text/html"}


def asset_urls(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/static/assets/[^"]+)"', page)


@pytest.mark.parametrize("path", ["/console", "/console/", "/console/login", "/console/orgs/1/members", "/console/no/such/page"])
async def test_every_path_under_console_is_the_single_page_app(client, path):
    response = await client.get(path, headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>AccountQL console</title>" in response.text
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_the_page_names_only_assets_of_this_server_and_they_exist(client):
    page = (await client.get("/console", headers=HTML)).text
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == ["data:,", *asset_urls(page)]
    assert any(url.endswith(".js") for url in asset_urls(page))
    assert any(url.endswith(".css") for url in asset_urls(page))
    for url in asset_urls(page):
        assert (await client.get(url)).status_code == 200, url
    # The console's bundle carries neither GraphiQL nor Monaco.
    assert not any("graphiql" in url.lower() or "monaco" in url.lower() for url in asset_urls(page))


async def test_the_policy_keeps_the_console_on_this_server(client):
    policy = (await client.get("/console/login", headers=HTML)).headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"  # no inline style, unlike GraphiQL
    assert directives["img-src"] == "'self' data:"  # the QR code of a TOTP secret
    assert directives["connect-src"] == "'self' ws://testserver wss://testserver"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'none'"
    assert "evil" not in console.content_security_policy("x; script-src evil.example")


@pytest.mark.parametrize("path", ["/", *console.MAILED_LINK_PATHS])
async def test_the_root_and_the_mailed_links_redirect_to_the_console(client, path):
    response = await client.get(path, headers=HTML)
    assert response.status_code == 302
    assert response.headers["location"] == "/console" + ("" if path == "/" else path)
    assert response.headers["cache-control"] == "no-store"


async def test_a_query_string_follows_the_redirect(client):
    response = await client.get("/invitations?from=mail", headers=HTML)
    assert response.headers["location"] == "/console/invitations?from=mail"


def test_the_package_data_ships_the_console():
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    patterns = data["tool"]["setuptools"]["package-data"]["accountql.web"]
    assert "static/*/*.html" in patterns and "static/assets/*" in patterns
    assert console.PAGE.relative_to(console.PAGE.parent.parent).match("*/*.html")
