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

import json
import re
import statistics
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.console_harness import (
    BOB_PASSWORD,
    METRICS,
    PASSWORD,
    PNG,
    USABLE_LOGIN,
    Run,
    axe_source,
    console_run,
    totp,
)

pytestmark = pytest.mark.browser

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
