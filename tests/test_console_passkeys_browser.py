"""Passkeys in the console, in Debian's Chromium with its virtual authenticator (WebAuthn
over the DevTools protocol: a CTAP2 platform authenticator that keeps discoverable
credentials and verifies its user), against a live `accountql serve` on a fresh database
(SQLite, and PostgreSQL when the suite runs on it), mail caught by aiosmtpd.

Ada signs up and verifies her address, adds a passkey on the security page (her sign-up's
password is the recent proof sudo mode wants), sees it listed, signs out and in with the
passkey alone (a cancelled prompt first: the console says so), renames it with the keyboard,
then signs in with her password and answers the second step with the passkey. After a magic
link and the passkey, making backup codes asks for re-authentication, which the passkey
answers. She requires passkeys of Acme's members, after which her only
passkey cannot be removed; Bob, with none, is told that a passkey is what he lacks. A browser without WebAuthn is told that it has none.

Every new screen: a screenshot in test-artifacts/screenshots/console/passkeys-*.png and an
axe-core check (no serious or critical violation). Requests elsewhere and console errors fail.
WebAuthn does not take an IP address as relying-party id, so the server is reached as
localhost, which browsers also count as a secure context over http.
"""

from __future__ import annotations

from unittest import mock
from urllib.parse import urlsplit

import pytest

from tests.console_harness import (
    BOB_PASSWORD,
    PASSWORD,
    Browser,
    axe_source,
    console_run,
)
from tests.test_live_server import Server, free_port

pytestmark = pytest.mark.browser

AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


class LocalhostServer(Server):
    """`accountql serve` whose app URL (hence the WebAuthn relying party and origin) is
    http://localhost:<port>: the browser must be on that origin for a ceremony to work."""

    def __init__(self, tmp_path, **env: str) -> None:
        port = free_port()
        with mock.patch("tests.test_live_server.free_port", return_value=port):
            super().__init__(tmp_path, ACCOUNTQL_APP_URL=f"http://localhost:{port}", **env)
        self.url = f"http://localhost:{port}"


async def virtual_authenticator(browser: Browser):
    """A platform authenticator in this browser's page; its id and the CDP session."""
    cdp = await browser.context.new_cdp_session(browser.page)
    await cdp.send("WebAuthn.enable", {"enableUI": False})
    added = await cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    return cdp, added["authenticatorId"]


async def test_passkeys_in_the_console(tmp_path, fresh_database):
    from playwright.async_api import expect

    axe = axe_source()
    async with console_run(tmp_path, fresh_database, "p", "passkeys-*", "passkeys-failure", "passkeys-console.log", server_class=LocalhostServer) as (run, chrome):
        ada = run.current = await run.browser(chrome, "ada", axe)
        page = ada.page
        cdp, authenticator = await virtual_authenticator(ada)

        # Sign up and verify the address.
        await ada.go("/console/signup")
        await page.get_by_label("Name").fill("Ada Lovelace")
        await page.get_by_label("E-mail address").fill("ada@example.com")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Create the account").click()
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()
        link = await run.mail("ada@example.com", r"http://\S+/verify-email#token=[\w-]+")
        await page.goto(link)
        await page.get_by_role("button", name="Verify ada@example.com").click()
        await expect(page.get_by_text("ada@example.com is verified")).to_be_visible()

        # The security page: no passkey yet; add one, named.
        await page.get_by_role("link", name="Security").click()
        passkeys = page.get_by_role("region", name="Passkeys")
        await expect(passkeys.get_by_text("You have no passkey yet.")).to_be_visible()
        await ada.shot("passkeys-01-security-none")
        await passkeys.get_by_label("Passkey name").fill("Laptop")
        await passkeys.get_by_role("button", name="Add a passkey").click()
        await expect(page.get_by_text("Laptop added. Multi-factor authentication is now on")).to_be_visible()
        listed = page.get_by_role("list", name="Passkeys").get_by_role("listitem").filter(has_text="Laptop")
        await expect(listed).to_have_count(1)
        await expect(listed).to_contain_text("Never used to sign in")
        await expect(listed).to_contain_text("Device-bound")  # Chromium's virtual authenticator is not backup eligible
        await ada.shot("passkeys-02-added")
        stored = (await cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator}))["credentials"]
        assert len(stored) == 1 and stored[0]["isResidentCredential"], stored

        # Signed out: the passkey alone signs in. A refused prompt first (the
        # authenticator fails user verification): the console says what happened.
        await page.get_by_role("button", name="Sign out").click()
        await expect(page.get_by_text("You are signed out.")).to_be_visible()
        await cdp.send("WebAuthn.setUserVerified", {"authenticatorId": authenticator, "isUserVerified": False})
        await page.get_by_role("button", name="Sign in with a passkey").click()
        await expect(page.get_by_role("alert").filter(has_text="No passkey was used")).to_be_visible()
        await ada.shot("passkeys-03-login-cancelled")
        await cdp.send("WebAuthn.setUserVerified", {"authenticatorId": authenticator, "isUserVerified": True})
        # Keyboard: the button is reachable and pressed with Enter.
        await page.get_by_role("button", name="Sign in with a passkey").focus()
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()

        # Rename it, keyboard only (a passkey sign-in is a fresh proof: no prompt).
        await ada.go("/console/security")
        rename = page.get_by_role("button", name="Rename Laptop")
        await expect(page.get_by_role("list", name="Passkeys")).to_contain_text("Last used")
        await rename.focus()
        await page.keyboard.press("Enter")
        name_field = page.get_by_label("New name")
        await expect(name_field).to_be_focused()
        await page.keyboard.press("Control+A")
        await page.keyboard.type("Work laptop")
        await ada.shot("passkeys-04-rename")
        await page.keyboard.press("Enter")
        renamed = page.get_by_role("list", name="Passkeys").get_by_role("listitem").filter(has_text="Work laptop")
        await expect(renamed).to_have_count(1)
        await expect(page.get_by_role("button", name="Remove Work laptop")).to_be_visible()
        await ada.shot("passkeys-05-renamed")

        # Password, then the passkey as the second step.
        await page.get_by_role("button", name="Sign out").click()
        await expect(page.get_by_text("You are signed out.")).to_be_visible()
        await page.get_by_label("E-mail address").fill("ada@example.com")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in", exact=True).click()
        await expect(page.get_by_role("heading", name="Second step")).to_be_focused()
        use_passkey = page.get_by_role("button", name="Use a passkey")
        await expect(use_passkey).to_be_visible()
        await ada.shot("passkeys-06-second-step")
        await use_passkey.click()
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()

        # By magic link (no password proof) and the passkey: new backup codes ask to
        # confirm, and the passkey answers in place of a code.
        await page.get_by_role("button", name="Sign out").click()
        await expect(page.get_by_text("You are signed out.")).to_be_visible()
        await page.get_by_role("link", name="Sign in with a link by e-mail").click()
        await expect(page.get_by_role("heading", name="Sign in with a link")).to_be_focused()
        await page.get_by_label("E-mail address").fill("ada@example.com")
        await page.get_by_role("button", name="Send me a link").click()
        await expect(page.get_by_text("a sign-in link is on its way")).to_be_visible()
        magic = await run.mail("ada@example.com", r"http://\S+/magic-link#token=[\w-]+")
        await page.goto(magic)
        await page.get_by_role("button", name="Sign in", exact=True).click()
        await page.get_by_role("button", name="Use a passkey").click()
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()
        await ada.go("/console/security")
        await page.get_by_role("button", name="Make new backup codes").click()
        dialog = page.get_by_role("dialog", name="Confirm it is you")
        await expect(dialog.get_by_role("button", name="Confirm with a passkey")).to_be_visible()
        await ada.shot("passkeys-07-reauthenticate", settled=False)
        # The passkey answers alone: no password (GitHub's sudo mode takes a passkey too).
        await dialog.get_by_role("button", name="Confirm with a passkey").click()
        await expect(dialog).to_be_hidden()
        await expect(page.get_by_role("list", name="Backup codes")).to_be_visible()

        # Acme requires passkeys of its members.
        run.current = ada
        await page.get_by_role("link", name="New organization").click()
        await expect(page.get_by_role("heading", name="New organization", level=1)).to_be_visible()
        await page.get_by_label("Name", exact=True).fill("Acme")
        await page.get_by_role("button", name="Create the organization").click()
        await expect(page.get_by_role("heading", name="Acme", level=1)).to_be_visible()
        org_path = urlsplit(page.url).path.removeprefix("/console")
        await page.get_by_role("navigation", name="Console").get_by_role("link", name="Members").click()
        await page.get_by_label("E-mail address to invite").fill("bob@example.com")
        await page.get_by_role("button", name="Send the invitation").click()
        await expect(page.get_by_text("Invitation sent to bob@example.com")).to_be_visible()

        bob = run.current = await run.browser(chrome, "bob", axe)
        invitation = await run.mail("bob@example.com", r"http://\S+/invitations#id=[\w-]+")
        await bob.go("/console/signup")
        await bob.page.get_by_label("Name").fill("Bob")
        await bob.page.get_by_label("E-mail address").fill("bob@example.com")
        await bob.page.get_by_label("Password").fill(BOB_PASSWORD)
        await bob.page.get_by_role("button", name="Create the account").click()
        await expect(bob.page.get_by_role("heading", name="Welcome, Bob")).to_be_visible()
        verify = await run.mail("bob@example.com", r"http://\S+/verify-email#token=[\w-]+")
        await bob.page.goto(verify)
        await bob.page.get_by_role("button", name="Verify bob@example.com").click()
        await expect(bob.page.get_by_text("bob@example.com is verified")).to_be_visible()
        await bob.page.goto(invitation)
        await bob.page.get_by_role("button", name="Accept the invitation to Acme").click()
        await expect(bob.page.get_by_role("heading", name="Acme", level=1)).to_be_visible()

        run.current = ada
        await ada.go("/console" + org_path)
        await page.get_by_label("Require multi-factor authentication of every member").check()
        await page.get_by_label("What counts").select_option("PHISHING_RESISTANT")
        await ada.shot("passkeys-08-enforcement")
        await page.get_by_role("button", name="Save").click()
        await expect(page.get_by_text("Required now: passkeys only")).to_be_visible()
        without = page.get_by_role("heading", name="Members without a passkey (1)")
        await expect(without).to_be_visible()
        await expect(page.get_by_role("listitem").filter(has_text="bob@example.com")).to_be_visible()
        await ada.shot("passkeys-09-enforced")

        # Her only passkey is what Acme requires: removing it is refused, in the
        # server's words, next to the passkey.
        await ada.go("/console/security")
        await page.get_by_role("button", name="Remove Work laptop").click()
        await page.get_by_role("dialog", name="Remove Work laptop?").get_by_role("button", name="Remove").click()
        refused = page.get_by_role("list", name="Passkeys").get_by_role("alert").filter(has_text="Acme")
        await expect(refused).to_be_visible()
        await ada.shot("passkeys-10-remove-refused")
        await page.set_viewport_size({"width": 375, "height": 800})
        await ada.go("/console/security")
        await expect(page.get_by_role("button", name="Rename Work laptop")).to_be_visible()
        await ada.shot("passkeys-10b-security-375px")
        assert await page.evaluate("document.documentElement.scrollWidth") <= 375
        await page.set_viewport_size({"width": 1280, "height": 900})

        run.current = bob
        await bob.go("/console" + org_path)
        await expect(bob.page.get_by_role("heading", name="Acme requires a passkey")).to_be_visible()
        await expect(bob.page.get_by_text("An authenticator app or SMS codes do not count here")).to_be_visible()
        await expect(bob.page.get_by_role("link", name="Add a passkey")).to_be_visible()
        await bob.shot("passkeys-11-blocked-member")

        # Bob adds a passkey. His session was opened with a password, which a look-alike
        # site could relay: Acme still asks for a session his passkey confirms.
        await virtual_authenticator(bob)
        await bob.page.get_by_role("link", name="Add a passkey").click()
        bobs_passkeys = bob.page.get_by_role("region", name="Passkeys")
        await bobs_passkeys.get_by_label("Passkey name").fill("Phone")
        await bobs_passkeys.get_by_role("button", name="Add a passkey").click()
        await expect(bob.page.get_by_text("Phone added. Multi-factor authentication is now on")).to_be_visible()
        await bob.go("/console" + org_path)
        await expect(bob.page.get_by_role("heading", name="Acme requires a passkey session")).to_be_visible()
        await bob.shot("passkeys-11b-blocked-session")
        await bob.page.get_by_role("button", name="Confirm with your passkey").click()
        confirm = bob.page.get_by_role("dialog", name="Confirm it is you")
        await confirm.get_by_role("button", name="Confirm with a passkey").click()
        await expect(bob.page.get_by_role("heading", name="Acme", level=1)).to_be_visible()
        await bob.shot("passkeys-11c-confirmed")

        # His passkey is his only second factor: it also confirms deleting his account
        # (the code field may stay empty).
        await bob.go("/console/profile")
        danger = bob.page.get_by_role("region", name="Delete your account")
        await danger.get_by_label("Your password").fill(BOB_PASSWORD)
        assert not await danger.get_by_label("Code from your second factor").evaluate("field => field.required")
        await danger.scroll_into_view_if_needed()
        await bob.shot("passkeys-11d-delete-account")
        await danger.get_by_role("button", name="Delete your account").click()
        await bob.page.get_by_role("dialog", name="Delete your account for good?").get_by_role("button", name="Delete my account").click()
        await expect(bob.page.get_by_text("Your account is deleted")).to_be_visible()
        assert urlsplit(bob.page.url).path == "/console/login"
        await bob.shot("passkeys-11e-account-deleted")

        # A browser without WebAuthn: the login page says so instead of failing.
        old = run.current = await run.browser(chrome, "no-webauthn", axe, width=375)
        await old.context.add_init_script("delete window.PublicKeyCredential;")
        await old.go("/console/login")
        await old.page.get_by_role("button", name="Sign in with a passkey").click()
        await expect(old.page.get_by_role("alert").filter(has_text="This browser cannot use passkeys")).to_be_visible()
        await old.shot("passkeys-12-login-no-webauthn-375px")
        assert await old.page.evaluate("document.documentElement.scrollWidth") <= 375
