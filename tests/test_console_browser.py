"""The console in a real browser: a new user's whole path against a live `accountql serve`
whose mail really goes out (SMTP to aiosmtpd), in Debian's Chromium driven by Playwright.

Ada signs up, verifies her address from the mailed link, turns on TOTP (through the
re-authentication prompt, with a real pyotp code read from the secret the page shows),
signs out and in again with the second step, creates an organization and invites Bob. Bob
signs up in another browser from the mailed invitation, verifies, accepts. Ada requires MFA
and Bob sees the blocked view; Ada creates and revokes an API key; from a third browser Ada
revokes her first session, which is sent to the sign-in page saying why.

On every screen: a screenshot (test-artifacts/screenshots/console/, kept) and an axe-core
check (from frontend/node_modules, no CDN) that fails on serious or critical violations.
Any request to another origin, and any console error, fails the test. The sign-in page's
time to a usable form is measured and written to test-artifacts/console-metrics.json.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import time
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pyotp
import pytest
from aiosmtpd.controller import Controller

from tests.messaging import Inbox
from tests.test_graphiql_browser import ARTIFACTS as SCREENSHOTS
from tests.test_graphiql_browser import CHROMIUM_ARGS, REQUIRED, chromium, origin
from tests.test_live_server import Server, free_port

pytestmark = pytest.mark.browser

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

async def test_a_new_users_whole_path_in_the_console(tmp_path, fresh_database):
    from playwright.async_api import expect

    axe = axe_source()
    async with console_run(tmp_path, fresh_database, "c", "*", "failure", "console.log") as (run, chrome):
        await login_page_timing(run, chrome)
        ada = run.current = await run.browser(chrome, "ada", axe)
        page = ada.page

        # / goes to the console, which asks to sign in.
        await page.goto(run.server.url + "/")
        await expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
        assert urlsplit(page.url).path == "/console/login"
        await ada.shot("01-login")

        # A wrong password: the server's sentence, on top of the form.
        await page.get_by_label("E-mail address").fill("ada@example.com")
        await page.get_by_label("Password").fill("not the password")
        await page.get_by_role("button", name="Sign in", exact=True).click()
        await expect(page.get_by_role("alert").filter(has_text="password")).to_be_visible()
        await ada.shot("02-login-error")

        # Sign up, keyboard only: labels, tab order and Enter.
        await page.get_by_role("link", name="Create an account").click()
        await expect(page.get_by_role("heading", name="Create an account", level=1)).to_be_focused()
        await page.keyboard.press("Tab")
        await page.keyboard.type("Ada Lovelace")
        await page.keyboard.press("Tab")
        await page.keyboard.type("ada@example.com")
        await page.keyboard.press("Tab")
        await page.keyboard.type("password")  # one of the most common: refused
        await page.keyboard.press("Enter")
        password_field = page.get_by_label("Password")
        await expect(password_field).to_have_attribute("aria-invalid", "true")
        await ada.shot("03-signup-field-error")
        await password_field.fill(PASSWORD)
        await password_field.press("Enter")
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()
        await expect(page.get_by_text("is not verified yet")).to_be_visible()
        await ada.shot("04-overview-unverified")

        # The mailed verification link: /verify-email#token=… reaches the console.
        link = await run.mail("ada@example.com", r"http://\S+/verify-email#token=[\w-]+")
        await page.goto(link)
        await page.get_by_role("button", name="Verify ada@example.com").click()
        await expect(page.get_by_text("ada@example.com is verified")).to_be_visible()
        assert "token" not in page.url  # spent, and out of the history
        await ada.shot("05-verify-email")

        # TOTP (the sign-up's password counts as the recent proof sudo mode wants).
        await page.get_by_role("link", name="Security").click()
        await page.get_by_role("button", name="Set up an authenticator app").click()
        secret_box = page.get_by_test_id("totp-secret")
        await expect(secret_box).to_be_visible()
        await expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
        await ada.shot("06-totp-enrollment")
        secret = (await secret_box.inner_text()).strip()
        await page.get_by_label("Code the app shows now").fill(totp(secret, steps_back=1))
        await page.get_by_role("button", name="Turn on").click()
        codes = page.get_by_role("list", name="Backup codes")
        await expect(codes).to_be_visible()
        backup_codes = [c.strip() for c in await codes.locator("li").all_inner_texts()]
        assert len(backup_codes) == 10
        async with page.expect_download() as download_info:
            await page.get_by_role("link", name="Download as a text file").click()
        download = await download_info.value
        assert download.suggested_filename == "accountql-backup-codes.txt"
        assert backup_codes[0] in Path(await download.path()).read_text()
        await ada.shot("07-backup-codes")

        # Sign out, and in again with the second step.
        await page.get_by_role("button", name="Sign out").click()
        await expect(page.get_by_text("You are signed out.")).to_be_visible()
        await page.get_by_label("E-mail address").fill("ada@example.com")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in", exact=True).click()
        await expect(page.get_by_role("heading", name="Second step")).to_be_focused()
        await ada.shot("08-second-step")
        await page.get_by_label("Code").fill(totp(secret))
        await page.get_by_label("Code").press("Enter")
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()

        # An organization, and an invitation to Bob.
        await page.get_by_role("link", name="New organization").click()
        await ada.shot("10-new-organization")
        await page.get_by_label("Name").fill("Acme")
        await page.get_by_role("button", name="Create the organization").click()
        await expect(page.get_by_role("heading", name="Acme", level=1)).to_be_visible()
        await ada.shot("11-organization")
        org_path = urlsplit(page.url).path.removeprefix("/console")
        await page.get_by_role("navigation", name="Console").get_by_role("link", name="Members").click()
        await page.get_by_label("E-mail address to invite").fill("bob@example.com")
        await page.get_by_role("button", name="Send the invitation").click()
        await expect(page.get_by_text("Invitation sent to bob@example.com")).to_be_visible()
        await ada.shot("12-members")

        # Bob, in another browser, from the mailed invitation.
        bob = run.current = await run.browser(chrome, "bob", axe)
        invitation = await run.mail("bob@example.com", r"http://\S+/invitations#id=[\w-]+")
        await bob.page.goto(invitation)
        await expect(bob.page.get_by_text("Sign in first")).to_be_visible()
        await bob.shot("13-invitation-sign-in-first")
        await bob.page.get_by_role("link", name="Create an account").click()
        await bob.page.get_by_label("Name").fill("Bob")
        await bob.page.get_by_label("E-mail address").fill("bob@example.com")
        await bob.page.get_by_label("Password").fill(BOB_PASSWORD)
        await bob.page.get_by_role("button", name="Create the account").click()
        await expect(bob.page.get_by_role("heading", name="Your invitation")).to_be_visible()
        await expect(bob.page.get_by_text("Verify your address")).to_be_visible()
        await bob.shot("14-invitation-unverified")
        verify = await run.mail("bob@example.com", r"http://\S+/verify-email#token=[\w-]+")
        await bob.page.goto(verify)
        await bob.page.get_by_role("button", name="Verify bob@example.com").click()
        await expect(bob.page.get_by_text("bob@example.com is verified")).to_be_visible()
        await bob.page.goto(invitation)
        await bob.page.get_by_role("button", name="Accept the invitation to Acme").click()
        await expect(bob.page.get_by_role("heading", name="Acme", level=1)).to_be_visible()
        await bob.shot("15-invitation-accepted")

        # Ada requires MFA: Bob, without it, is listed, then blocked.
        run.current = ada
        await ada.go("/console" + org_path)
        await expect(page.get_by_role("listitem").filter(has_text="bob@example.com")).to_be_visible()
        await page.get_by_label("Require multi-factor authentication of every member").check()
        await ada.shot("16-mfa-enforcement")
        await page.get_by_role("button", name="Save").click()
        await expect(page.get_by_text("Required now")).to_be_visible()
        run.current = bob
        # The live event tells Bob's console; the organization's page shows why.
        await expect(bob.page.get_by_text("now requires multi-factor authentication")).to_be_visible()
        await bob.go("/console" + org_path)
        await expect(bob.page.get_by_role("heading", name="Acme requires multi-factor authentication")).to_be_visible()
        await expect(bob.page.get_by_role("link", name="Turn on multi-factor authentication")).to_be_visible()
        await bob.shot("17-blocked-member")
        await bob.go("/console" + org_path + "/api-keys")
        await expect(bob.page.get_by_role("heading", name="Acme requires multi-factor authentication")).to_be_visible()

        # An API key: its secret once, then revoked.
        run.current = ada
        await ada.go("/console" + org_path + "/api-keys")
        await page.get_by_label("Key name").fill("ci")
        await page.get_by_role("button", name="Create the key").click()
        key_secret = page.get_by_test_id("api-key-secret")
        await expect(key_secret).to_be_visible()
        assert len((await key_secret.inner_text()).strip()) > 20
        await ada.shot("18-api-key-created")
        await page.get_by_role("button", name="Done").click()
        await page.get_by_role("button", name="Revoke ci").click()
        await page.get_by_role("dialog", name="Revoke ci?").get_by_role("button", name="Revoke").click()
        await expect(page.get_by_role("list", name="API keys").get_by_text("Revoked")).to_be_visible()
        await ada.shot("19-api-key-revoked")

        # Every other screen, for its screenshot and its accessibility check.
        screens = [
            ("20-profile", "/profile", "Profile"),
            ("21-security", "/security", "Security"),
            ("22-sessions", "/sessions", "Sessions and logins"),
            ("23-ssh-keys", "/ssh-keys", "SSH keys"),
            ("24-activity", "/activity", "Activity"),
            ("25-report-abuse", "/report-abuse", "Report abuse"),
            ("26-contacts", org_path + "/contacts", "Notification contacts of Acme"),
            ("27-support", org_path + "/support", "Support for Acme"),
            ("28-quotas", org_path + "/quotas", "Quotas of Acme"),
            ("29-kyc", org_path + "/kyc", "Identity verification of Acme"),
            ("30-abuse-cases", org_path + "/abuse", "Abuse cases of Acme"),
            ("31-audit-log", org_path + "/audit-log", "Audit log of Acme"),
            ("32-overview", "/", "Welcome, Ada Lovelace"),
        ]
        for name, path, heading in screens:
            await ada.go("/console" + path)
            await expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
            await ada.shot(name)
        # With MFA on, deleting the account asks for a code too (the other story,
        # tests/test_console_data_browser.py, deletes an account without MFA).
        await ada.go("/console/profile")
        danger = page.get_by_role("region", name="Delete your account")
        await expect(danger.get_by_label("Code from your second factor")).to_be_visible()
        # The identity verification: two files in a multipart request.
        await ada.go("/console" + org_path + "/kyc")
        await page.get_by_label("Image of the document").set_input_files(files=[{"name": "passport.png", "mimeType": "image/png", "buffer": PNG}])
        await page.get_by_label("Selfie holding the document").set_input_files(files=[{"name": "selfie.png", "mimeType": "image/png", "buffer": PNG}])
        await page.get_by_role("button", name="Send", exact=True).click()
        await expect(page.get_by_text("Sent, waiting for review")).to_be_visible()
        await ada.shot("33-kyc-sent")

        # A field error from the server, next to its field.
        await ada.go("/console/ssh-keys")
        await page.get_by_label("Key name").fill("laptop")
        await page.get_by_label("Public key").fill("ssh-ed25519 not-a-key")
        await page.get_by_role("button", name="Add the key").click()
        await expect(page.get_by_label("Public key")).to_have_attribute("aria-invalid", "true")
        await ada.shot("33b-ssh-key-field-error")

        # 375 px wide: a list page, its menu, and no sideways scrolling.
        await page.set_viewport_size({"width": 375, "height": 800})
        await ada.go("/console/sessions")
        await ada.shot("34-sessions-375px")
        assert await page.evaluate("document.documentElement.scrollWidth") <= 375
        await page.get_by_role("button", name="Menu").click()
        await expect(page.get_by_role("navigation", name="Console").get_by_role("link", name="Profile")).to_be_visible()
        await ada.shot("35-menu-375px")
        await page.keyboard.press("Escape")
        await page.set_viewport_size({"width": 1280, "height": 900})

        # The public pages, from a browser without a session.
        guest = run.current = await run.browser(chrome, "guest", axe, width=375)
        for name, path, heading in [
            ("36-login-375px", "/console/login", "Sign in"),
            ("37-magic-link", "/magic-link", "Sign in with a link"),
            ("38-forgot-password", "/console/forgot-password", "Forgotten password"),
            ("39-reset-password", "/reset-password#token=x", "Choose a new password"),
            ("40-confirm-email", "/confirm-email#token=x", "Confirm your new e-mail address"),
        ]:
            await guest.go(path)
            await expect(guest.page.get_by_role("heading", name=heading, level=1)).to_be_visible()
            await guest.shot(name)
            assert await guest.page.evaluate("document.documentElement.scrollWidth") <= 375, name

        # A third browser: Ada signs in by magic link and a backup code. A magic link
        # is no password proof, so new backup codes ask for it (the re-authentication
        # prompt), then go on by themselves.
        run.current = ada
        await ada.go("/console/profile")
        other = run.current = await run.browser(chrome, "ada-elsewhere", axe)
        await other.go("/console/login")
        await other.page.get_by_role("link", name="Sign in with a link by e-mail").click()
        await expect(other.page.get_by_role("heading", name="Sign in with a link")).to_be_focused()
        await other.page.get_by_label("E-mail address").fill("ada@example.com")
        await other.page.get_by_role("button", name="Send me a link").click()
        await expect(other.page.get_by_text("a sign-in link is on its way")).to_be_visible()
        magic = await run.mail("ada@example.com", r"http://\S+/magic-link#token=[\w-]+")
        await other.page.goto(magic)
        await other.shot("42-magic-link-landing")
        await other.page.get_by_role("button", name="Sign in", exact=True).click()
        await other.page.get_by_label("Code").fill(backup_codes[0])
        await other.page.get_by_role("button", name="Verify").click()
        await expect(other.page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()
        await other.go("/console/security")
        await other.page.get_by_role("button", name="Make new backup codes").click()
        dialog = other.page.get_by_role("dialog", name="Confirm it is you")
        await expect(dialog).to_be_visible()
        await other.shot("43-reauthenticate", settled=False)
        await dialog.get_by_label("Password").fill(PASSWORD)
        await dialog.get_by_label("Code").fill(backup_codes[1])
        await dialog.get_by_label("Code").press("Enter")
        await expect(dialog).to_be_hidden()
        await expect(other.page.get_by_role("list", name="Backup codes")).to_be_visible()

        # From there, Ada revokes her first session: it is sent to the sign-in
        # page within seconds, saying why.
        await other.go("/console/sessions")
        sessions = other.page.get_by_role("list", name="Active sessions")
        await expect(sessions.get_by_text("This session")).to_be_visible()
        revoke = sessions.get_by_role("button", name=re.compile("^Revoke"))
        await expect(revoke).to_have_count(1)
        started = time.monotonic()
        await revoke.click()
        await expect(page.get_by_text("Your session was ended")).to_be_visible(timeout=5000)
        assert time.monotonic() - started < 5
        assert urlsplit(page.url).path == "/console/login"
        run.current = ada
        await ada.shot("44-session-revoked")
        await expect(sessions.get_by_role("button", name=re.compile("^Revoke"))).to_have_count(0)


async def login_page_timing(run: Run, chrome, loads: int = 7) -> dict:
    """Navigation start to a usable sign-in form (the e-mail field and an enabled Sign in
    button in the page), over several loads; the median is reported. The route guard
    turns the HTTP cache off, so every load fetches every file: a first visit."""
    browser = await run.browser(chrome, "timing", axe=None)
    times = []
    for _ in range(loads):
        await browser.page.goto(run.server.url + "/console/login", wait_until="commit")
        handle = await browser.page.wait_for_function(USABLE_LOGIN, polling="raf", timeout=10000)
        times.append(round(await handle.json_value(), 1))
    await browser.context.close()
    run.browsers.remove(browser)
    metrics = {"login_form_usable_ms_median": statistics.median(times), "loads_ms": times}
    METRICS.parent.mkdir(parents=True, exist_ok=True)
    METRICS.write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics
