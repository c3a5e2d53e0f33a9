"""Links in e-mails point at the address `accountql serve` listens on when ACCOUNTQL_APP_URL
is not set, in every worker process, and at ACCOUNTQL_APP_URL when it is."""

from __future__ import annotations

import asyncio
import re
import subprocess
import time

import httpx
import pytest

from tests.api import PASSWORD, SIGN_UP
from tests.test_live_server import ACCOUNTQL, Server, environment, post
from tests.test_magic_links_and_resets import REQUEST_LINK


async def mailed_link(server: Server, env: dict) -> str:
    """Ask for a magic link for a new account and read it in `accountql outbox` (development
    mode only logs mail, and the outbox keeps the body)."""
    async with httpx.AsyncClient(timeout=30) as client:
        signed_up = await post(client, server.url, SIGN_UP, {"input": {"email": "ada@example.com", "password": PASSWORD, "name": "A"}})
        assert "errors" not in signed_up, signed_up
        assert (await post(client, server.url, REQUEST_LINK, {"e": "ada@example.com"}))["data"]["requestMagicLink"]
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        listing = subprocess.run([*ACCOUNTQL, "outbox"], env=environment(**env), capture_output=True, text=True, timeout=60)
        assert listing.returncode == 0, listing.stderr
        if found := re.search(r"(\S+)/magic-link#token=", listing.stdout):
            return found.group(1)
        await asyncio.sleep(0.3)
    raise AssertionError(f"no magic link in the outbox:\n{server.log.read_text()}")


@pytest.mark.parametrize(
    ("args", "app_url", "expected"),
    [
        # Two workers: separate processes that uvicorn starts, each reading the settings.
        (["--workers", "2"], None, "http://127.0.0.1:{port}"),
        (["--host", "0.0.0.0"], None, "http://127.0.0.1:{port}"),
        (["--workers", "2"], "https://app.example.com/", "https://app.example.com"),
    ],
)
async def test_links_in_mail_point_at_the_server_unless_app_url_says_otherwise(tmp_path, args, app_url, expected):
    env = dict(ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/links.sqlite3", ACCOUNTQL_SECRET_KEY="a" * 48)
    if app_url:
        env["ACCOUNTQL_APP_URL"] = app_url
    server = Server(tmp_path, *args, **env)
    try:
        await server.wait_until_healthy()
        assert await mailed_link(server, env) == expected.format(port=server.port)
    finally:
        assert server.stop(), server.log.read_text()
    suggestion = "set ACCOUNTQL_APP_URL to the address people reach the server at"
    assert (suggestion in server.log.read_text()) == ("0.0.0.0" in args)
