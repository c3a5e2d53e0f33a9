"""GraphiQL in a real browser: Debian's Chromium, driven by Playwright, against a live
`accountql serve`. Every request to another origin is refused and recorded, and any one
fails the test: the page must work with nothing but this server.

Playwright's own browser builds cannot be downloaded here, so the test launches the
system's chromium (`apt-get install -y chromium`). Without it, or without the playwright
package, the test is skipped; ACCOUNTQL_TEST_REQUIRE_BROWSER=1 (as CI sets it) makes that
a failure instead, so that a green run means the browser test really ran.

The screenshot (and, on failure, the page's HTML and the console) is written to
test-artifacts/screenshots/ at the top of the repository.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_live_server import Server

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "screenshots"
REQUIRED = os.environ.get("ACCOUNTQL_TEST_REQUIRE_BROWSER", "") == "1"
# Headless Chromium as root in a container, and quiet: without the last four it calls
# Google's update, sync and field-trial services, which the route guard cannot see.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    """The browser to drive, or a skip (a failure under ACCOUNTQL_TEST_REQUIRE_BROWSER=1)
    that says how to get it."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    reason = None
    if path is None:
        reason = "Debian's chromium is not installed: apt-get update && apt-get install -y chromium"
    else:
        try:
            import playwright.async_api  # noqa: F401
        except ImportError:
            reason = "the playwright package is not installed: pip install -e '.[test]'"
    if reason is None:
        return path
    if REQUIRED:
        pytest.fail(f"{reason} (ACCOUNTQL_TEST_REQUIRE_BROWSER=1 requires the browser test to run)")
    pytest.skip(reason)


def origin(url: str) -> str:
    parts = urlsplit(url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return f"{scheme}://{parts.netloc}"


def visible_text(text: str) -> str:
    """Monaco draws spaces as no-break spaces."""
    return text.replace("\xa0", " ")


async def test_graphiql_runs_a_query_with_nothing_from_another_origin(tmp_path):
    from playwright.async_api import Route, WebSocketRoute, async_playwright, expect

    executable = chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = Server(tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/graphiql.sqlite3")
    elsewhere: list[str] = []  # requests to any other origin, all refused
    posts: list[dict] = []  # the headers of each POST /graphql
    console: list[str] = []
    errors: list[str] = []
    try:
        await server.wait_until_healthy()
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            context = await browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")

            # Two nets: the page's CSP makes the browser refuse a request to another
            # origin before it is sent (a console error, which fails the test), and this
            # guard aborts and records whatever the CSP would let through.
            async def guard(route: Route) -> None:
                request = route.request
                if origin(request.url) != server.url:
                    elsewhere.append(f"{request.method} {request.url}")
                    await route.abort("blockedbyclient")
                    return
                if request.method == "POST" and urlsplit(request.url).path == "/graphql":
                    posts.append({**await request.all_headers(), "body": request.post_data or ""})
                await route.continue_()

            async def guard_websocket(websocket: WebSocketRoute) -> None:
                if origin(websocket.url) != server.url:
                    elsewhere.append(f"WebSocket {websocket.url}")
                    await websocket.close()
                    return
                websocket.connect_to_server()

            await context.route("**/*", guard)
            await context.route_web_socket(re.compile(".*"), guard_websocket)
            page = await context.new_page()

            def on_console(message) -> None:
                console.append(f"{message.type}: {message.text}")
                if message.type == "error":  # CSP violations and failed loads among them
                    errors.append(message.text)

            page.on("console", on_console)
            page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
            try:
                await page.goto(f"{server.url}/graphql")
                query_editor = page.locator(".graphiql-query-editor")
                await expect(query_editor.locator(".monaco-editor")).to_be_visible()

                # Put the query in as a paste would: typing it key by key races Monaco's
                # closing of the brace (and typing over it) when the machine is busy.
                await query_editor.locator(".view-lines").click()
                await page.keyboard.press("Control+a")
                await page.keyboard.press("Delete")
                await page.keyboard.insert_text("{ __typename }")
                assert visible_text(await query_editor.locator(".view-lines").inner_text()) == "{ __typename }"

                # The headers editor: a header typed there goes with the request.
                await page.get_by_role("button", name="Headers", exact=True).click()
                headers_editor = page.locator(".graphiql-editor-tool .graphiql-editor:visible")
                await expect(headers_editor.locator(".monaco-editor")).to_be_visible()
                await headers_editor.locator(".view-lines").click()
                await page.keyboard.type('{"X-From-Headers-Editor": "yes"}')

                await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
                result = page.locator(".result-window .view-lines")
                await expect(result).to_contain_text('"__typename":\xa0"Query"')

                # The docs explorer, from the schema that GraphiQL introspected.
                await page.get_by_role("button", name="Show Documentation Explorer").click()
                docs = page.locator(".graphiql-doc-explorer")
                await expect(docs).to_contain_text("Root Types")
                await docs.get_by_role("link", name="Query", exact=True).click()
                await expect(docs).to_contain_text("me:")

                await page.screenshot(path=ARTIFACTS / "graphiql.png")
            except BaseException:
                (ARTIFACTS / "graphiql-failure.png").write_bytes(await page.screenshot())
                (ARTIFACTS / "graphiql-failure.html").write_text(await page.content())
                raise
            finally:
                (ARTIFACTS / "graphiql-console.log").write_text("".join(f"{line}\n" for line in console))
                await browser.close()
    finally:
        assert server.stop(), server.log.read_text()

    assert elsewhere == [], f"GraphiQL tried to reach another origin: {elsewhere}"
    assert errors == [], f"errors in the browser console: {errors}"
    run = [p for p in posts if "__typename" in p["body"] and "IntrospectionQuery" not in p["body"]]
    assert len(run) == 1, posts
    assert run[0]["content-type"] == "application/json"
    assert run[0]["accept"] == "application/graphql-response+json, application/json"
    assert run[0]["x-csrf-protection"] == "1"
    assert run[0]["x-from-headers-editor"] == "yes"
    # The introspection that fills the docs explorer carries the same headers.
    introspection = [p for p in posts if "IntrospectionQuery" in p["body"]]
    assert introspection and all(p["x-csrf-protection"] == "1" for p in introspection)
