"""What the console's browser tests share: a live `accountql serve` whose mail goes out by
SMTP to aiosmtpd, Chromium contexts that fail on any outside request or console error, an
axe-core check and a screenshot per screen, and the clean-up (console_run)."""

from __future__ import annotations

import asyncio
import json
import re
import time
from contextlib import asynccontextmanager
from pathlib import Path

import pyotp
import pytest
from aiosmtpd.controller import Controller

from tests.messaging import Inbox
from tests.test_graphiql_browser import ARTIFACTS as SCREENSHOTS
from tests.test_graphiql_browser import CHROMIUM_ARGS, REQUIRED, chromium, origin
from tests.test_live_server import Server, free_port

ROOT = Path(__file__).parent.parent
SHOTS = SCREENSHOTS / "console"
METRICS = ROOT / "test-artifacts" / "console-metrics.json"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery staple"
# A 1×1 PNG: the server checks an upload's content, not its name.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
BOB_PASSWORD = "another good passphrase"

AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}"""

USABLE_LOGIN = """() => {
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Sign in");
  const email = document.querySelector("input[type=email]");
  return button && !button.disabled && email && !email.disabled ? performance.now() : false;
}"""


def axe_source() -> str:
    if not AXE.exists():
        reason = f"axe-core is not installed ({AXE}): run `cd frontend && npm ci`"
        if REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text()


class Browser:
    """One person's browser: a context whose requests elsewhere are refused and recorded,
    whose console errors are kept, with axe-core loaded in every page."""

    def __init__(self, run: "Run", name: str, page, context) -> None:
        self.run, self.name, self.page, self.context = run, name, page, context

    async def shot(self, screen: str, settled: bool = True) -> None:
        """A full-page screenshot and the axe check of what is on screen now (once nothing
        is loading, unless `settled` is False: a button waits while a dialog asks)."""
        page = self.page
        await page.wait_for_load_state("networkidle")
        if settled:
            await page.locator(".spinner").first.wait_for(state="detached", timeout=5000)
        await page.screenshot(path=SHOTS / f"{screen}.png", full_page=True)
        violations = await page.evaluate(AXE_RUN)
        if violations:
            self.run.violations[screen] = violations

    async def go(self, path: str) -> None:
        await self.page.goto(self.run.server.url + path)
        await self.page.locator("h1").first.wait_for()


class Run:
    def __init__(self, server: Server, inbox: Inbox) -> None:
        self.server, self.inbox = server, inbox
        self.elsewhere: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        self.violations: dict[str, list[str]] = {}
        self.browsers: list[Browser] = []
        # The browser a failure's screenshot is taken of: the one the test last acted in.
        self.current: Browser | None = None

    async def browser(self, playwright_browser, name: str, axe: str | None, width: int = 1280) -> Browser:
        context = await playwright_browser.new_context(viewport={"width": width, "height": 900}, service_workers="block", accept_downloads=True)

        async def guard(route) -> None:
            if origin(route.request.url) != self.server.url:
                self.elsewhere.append(f"{name}: {route.request.method} {route.request.url}")
                await route.abort("blockedbyclient")
                return
            await route.continue_()

        async def guard_websocket(websocket) -> None:
            if origin(websocket.url) != self.server.url:
                self.elsewhere.append(f"{name}: WebSocket {websocket.url}")
                await websocket.close()
                return
            websocket.connect_to_server()

        await context.route("**/*", guard)
        await context.route_web_socket(re.compile(".*"), guard_websocket)
        if axe:
            await context.add_init_script(axe)  # a CDP script, so the page's CSP allows it
        page = await context.new_page()

        def on_console(message) -> None:
            self.console.append(f"{name} {message.type}: {message.text}")
            if message.type == "error":
                self.errors.append(f"{name}: {message.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.errors.append(f"{name} uncaught at {page.url}: {error} {error.stack or ''}"))
        browser = Browser(self, name, page, context)
        self.browsers.append(browser)
        return browser

    async def mail(self, address: str, pattern: str, after: int = 0, timeout: float = 60) -> str:
        """The first match of `pattern` in a message to `address` (the after-th onward).
        Mail arrives within a second or two; on a machine as busy as CI's (a load of 5 on
        two cores) delivery took over 20 s, and waiting longer costs nothing when it is fast."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.inbox.to(address)[after:]:
                if found := re.search(pattern, message.get_content()):
                    return found.group(0)
            await asyncio.sleep(0.2)
        raise AssertionError(f"no mail to {address} matching {pattern}: {[m['Subject'] for m in self.inbox.messages]}")


def totp(secret: str, steps_back: int = 0) -> str:
    """The code an app shows now (or `steps_back` 30-second steps ago, which the server
    still accepts: enrolling with the previous step's code leaves the current one for the
    login that follows, instead of waiting for the next step)."""
    return pyotp.TOTP(secret).at(time.time() - 30 * steps_back)



@asynccontextmanager
async def console_run(tmp_path, database_url: str, secret: str, old_shots: str, failure: str, log: str, server_class=None):
    """A live server on `database_url` with its mail caught, and Chromium: yields the Run and
    the browser. On a failure the page of `run.current` is kept (`failure`.png and .html);
    the browsers' console goes to `log`. Afterwards nothing may have reached another origin,
    logged an error, or failed axe-core."""
    from playwright.async_api import async_playwright

    executable = chromium()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob(old_shots):
        old.unlink()
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    server = (server_class or Server)(
        tmp_path,
        ACCOUNTQL_DATABASE_URL=database_url,
        ACCOUNTQL_SMTP_URL=f"smtp://127.0.0.1:{smtp.port}",
        ACCOUNTQL_SECRET_KEY=secret * 48,
    )
    run = Run(server, inbox)
    try:
        await server.wait_until_healthy()
        async with async_playwright() as playwright:
            chrome = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                yield run, chrome
            except BaseException:
                if run.current is not None:
                    (SHOTS / f"{failure}.png").write_bytes(await run.current.page.screenshot(full_page=True))
                    (SHOTS / f"{failure}.html").write_text(await run.current.page.content())
                raise
            finally:
                (SHOTS / log).write_text("".join(f"{line}\n" for line in run.console))
                await chrome.close()
    finally:
        smtp.stop()
        assert server.stop(), server.log.read_text()

    assert run.elsewhere == [], f"the console tried to reach another origin: {run.elsewhere}"
    assert run.errors == [], f"errors in the browser console: {run.errors}"
    assert run.violations == {}, "axe-core found serious or critical violations:\n" + json.dumps(run.violations, indent=2)
