"""Your data in the console, in a real browser (the same live server, mail, guards, axe-core
check and screenshots as tests/test_console_browser.py, from tests/console_harness.py).

Ada signs up and owns two organizations: Acme, where she invites Bob, and Scratch. Signed in
by a mailed link (no password proof), she downloads her data: the re-authentication prompt
asks for the password, then the JSON file is saved. She deletes Scratch by typing its name.
Deleting her account is refused while she is Acme's last owner, and the page names Acme with
a link to its members; she makes Bob an owner there, deletes her account, lands on the
sign-in page saying so (after a wrong password that changed nothing), and her password no
longer signs in. Bob, Acme's owner now (a manager saw no danger zone), deletes it and lands
on the overview's empty state.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.console_harness import (
    BOB_PASSWORD,
    PASSWORD,
    Browser,
    Run,
    axe_source,
    console_run,
)

pytestmark = pytest.mark.browser

# A message that failed once is retried 5 seconds later, then 10: on a busy machine the
# default 20 seconds was seen to run out.
MAIL_WAIT = 60


async def sign_up(browser: Browser, name: str, email: str, password: str) -> None:
    page = browser.page
    await page.get_by_label("Name").fill(name)
    await page.get_by_label("E-mail address").fill(email)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Create the account").click()


async def verify_address(run: Run, browser: Browser, email: str) -> None:
    link = await run.mail(email, r"http://\S+/verify-email#token=[\w-]+", timeout=MAIL_WAIT)
    await browser.page.goto(link)
    await browser.page.get_by_role("button", name=f"Verify {email}").click()
    await browser.page.get_by_text(f"{email} is verified").wait_for()


async def create_organization(browser: Browser, name: str) -> str:
    """Its path in the console, /orgs/<id>."""
    from playwright.async_api import expect

    page = browser.page
    await page.get_by_role("link", name="New organization").click()
    await page.get_by_label("Name").fill(name)
    await page.get_by_role("button", name="Create the organization").click()
    await expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    return urlsplit(page.url).path.removeprefix("/console")


async def test_download_your_data_delete_an_organization_and_the_account(tmp_path, fresh_database):
    from playwright.async_api import expect

    axe = axe_source()
    async with console_run(tmp_path, fresh_database, "d", "6[0-9]-*", "failure", "console-data.log") as (run, chrome):
        # Ada: an account, a verified address, Acme with Bob in it, and Scratch.
        ada = run.current = await run.browser(chrome, "ada", axe)
        page = ada.page
        await ada.go("/console/signup")
        await sign_up(ada, "Ada Lovelace", "ada@example.com", PASSWORD)
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()
        await verify_address(run, ada, "ada@example.com")
        await ada.go("/console/")
        acme = await create_organization(ada, "Acme")
        await page.get_by_role("navigation", name="Console").get_by_role("link", name="Members").click()
        await page.get_by_label("E-mail address to invite").fill("bob@example.com")
        await page.get_by_role("button", name="Send the invitation").click()
        await expect(page.get_by_text("Invitation sent to bob@example.com")).to_be_visible()

        bob = run.current = await run.browser(chrome, "bob", axe)
        invitation = await run.mail("bob@example.com", r"http://\S+/invitations#id=[\w-]+", timeout=MAIL_WAIT)
        await bob.go("/console/signup")
        await sign_up(bob, "Bob", "bob@example.com", BOB_PASSWORD)
        await expect(bob.page.get_by_role("heading", name="Welcome, Bob")).to_be_visible()
        await verify_address(run, bob, "bob@example.com")
        await bob.page.goto(invitation)
        await bob.page.get_by_role("button", name="Accept the invitation to Acme").click()
        await expect(bob.page.get_by_role("heading", name="Acme", level=1)).to_be_visible()
        # A manager sees no danger zone.
        await expect(bob.page.get_by_role("heading", name="Leave")).to_be_visible()
        await expect(bob.page.get_by_role("region", name="Delete this organization")).to_have_count(0)

        run.current = ada
        scratch = await create_organization(ada, "Scratch")

        # Signed in again by a mailed link, which proves no password: the download
        # asks for it (the console's re-authentication prompt), then goes on.
        await page.get_by_role("button", name="Sign out").click()
        await expect(page.get_by_text("You are signed out.")).to_be_visible()
        await page.get_by_role("link", name="Sign in with a link by e-mail").click()
        # Its page is loaded on demand: filling before it is on screen fills the
        # sign-in page's field of the same name (and the link page sends nothing).
        await expect(page.get_by_role("heading", name="Sign in with a link")).to_be_focused()
        await page.get_by_label("E-mail address").fill("ada@example.com")
        await page.get_by_role("button", name="Send me a link").click()
        await expect(page.get_by_text("a sign-in link is on its way")).to_be_visible()
        magic = await run.mail("ada@example.com", r"http://\S+/magic-link#token=[\w-]+", timeout=MAIL_WAIT)
        await page.goto(magic)
        await page.get_by_role("button", name="Sign in", exact=True).click()
        await expect(page.get_by_role("heading", name="Welcome, Ada Lovelace")).to_be_visible()

        await page.get_by_role("navigation", name="Console").get_by_role("link", name="Profile").click()
        await expect(page.get_by_role("heading", name="Download your data")).to_be_visible()
        async with page.expect_download() as download_info:
            await page.get_by_role("button", name="Download your data").click()
            dialog = page.get_by_role("dialog", name="Confirm it is you")
            await expect(dialog).to_be_visible()
            await dialog.get_by_label("Password").fill(PASSWORD)
            await dialog.get_by_label("Password").press("Enter")
        download = await download_info.value
        assert re.fullmatch(r"accountql-data-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
        assert download.suggested_filename == f"accountql-data-{date.today().isoformat()}.json"
        exported = json.loads(Path(await download.path()).read_text())
        assert exported["profile"]["email"] == "ada@example.com"
        assert "ada@example.com" in json.dumps(exported)
        await expect(page.get_by_text(f"Your data is saved as {download.suggested_filename}")).to_be_visible()
        await expect(page.get_by_role("link", name="Save it again")).to_have_attribute("download", download.suggested_filename)
        await ada.shot("60-profile-data-and-deletion")

        # Scratch: the button works once the name is typed exactly.
        await ada.go("/console" + scratch)
        zone = page.get_by_role("region", name="Delete this organization")
        delete_scratch = zone.get_by_role("button", name="Delete Scratch")
        confirm_name = zone.get_by_label("To confirm, type “Scratch”")
        await expect(delete_scratch).to_be_disabled()
        await confirm_name.fill("scratch")
        await expect(delete_scratch).to_be_disabled()
        await confirm_name.fill("Scratch")
        await expect(delete_scratch).to_be_enabled()
        await ada.shot("61-organization-danger-zone")
        await confirm_name.press("Enter")
        # Sent to the organization that is left, which says what happened.
        await expect(page.get_by_role("heading", name="Acme", level=1)).to_be_visible()
        assert urlsplit(page.url).path == "/console" + acme
        await expect(page.get_by_text("Scratch is deleted")).to_be_visible()
        # Acme's own forms, not what was typed for Scratch.
        await expect(page.get_by_label("Organization name")).to_have_value("Acme")
        await expect(page.get_by_label("To confirm, type “Acme”")).to_have_value("")
        nav = page.get_by_role("navigation", name="Console")
        await expect(nav.get_by_role("link", name=re.compile("^Scratch"))).to_have_count(0)
        await ada.shot("62-organization-deleted")
        await ada.go("/console" + scratch)
        await expect(page.get_by_role("alert").filter(has_text=re.compile(r"\w")).first).to_be_visible()

        # Her account: refused while she is Acme's last owner, which the page names.
        await ada.go("/console/profile")
        danger = page.get_by_role("region", name="Delete your account")
        await danger.get_by_label("Your password").fill(PASSWORD)
        await danger.get_by_role("button", name="Delete your account").click()
        confirm = page.get_by_role("dialog", name="Delete your account for good?")
        await expect(confirm).to_be_visible()
        await ada.shot("63-delete-account-confirm")
        await confirm.get_by_role("button", name="Delete my account").click()
        refusal = danger.get_by_role("alert").filter(has_text="last owner")
        await expect(refusal).to_be_visible()
        members_link = refusal.get_by_role("link", name="make another member of Acme an owner")
        await expect(members_link).to_have_attribute("href", "/console" + acme + "/members")
        await expect(refusal.get_by_role("link", name="delete Acme from its page")).to_have_attribute("href", "/console" + acme)
        assert "{" not in await refusal.inner_text()
        await ada.shot("64-delete-account-last-owner")

        # 375 px wide: the danger zone fits.
        await page.set_viewport_size({"width": 375, "height": 800})
        await ada.go("/console/profile")
        await page.get_by_role("region", name="Delete your account").scroll_into_view_if_needed()
        await ada.shot("65-profile-375px")
        assert await page.evaluate("document.documentElement.scrollWidth") <= 375
        await page.set_viewport_size({"width": 1280, "height": 900})

        # From the link: Bob becomes an owner of Acme.
        await ada.go("/console/profile")
        danger = page.get_by_role("region", name="Delete your account")
        await danger.get_by_label("Your password").fill(PASSWORD)
        await danger.get_by_role("button", name="Delete your account").click()
        await confirm.get_by_role("button", name="Delete my account").click()
        await danger.get_by_role("link", name="make another member of Acme an owner").click()
        await expect(page.get_by_role("heading", name=re.compile("Acme"), level=1)).to_be_visible()
        await page.get_by_label("Role of Bob").select_option(label="Owner")
        await page.get_by_role("button", name="Change role").click()
        await expect(page.get_by_role("button", name="Change role")).to_be_disabled()

        # A wrong password: the server's sentence, and the account stays.
        await ada.go("/console/profile")
        danger = page.get_by_role("region", name="Delete your account")
        await danger.get_by_label("Your password").fill("not the password")
        await danger.get_by_role("button", name="Delete your account").click()
        await confirm.get_by_role("button", name="Delete my account").click()
        # Next to the field it names (extensions.field input.password), not above the form.
        await expect(danger.get_by_text("The password is wrong")).to_be_visible()
        await expect(danger.get_by_label("Your password")).to_have_attribute("aria-invalid", "true")
        await expect(page.get_by_role("heading", name="Profile", level=1)).to_be_visible()

        mails_before = len(run.inbox.to("ada@example.com"))
        # Now it goes through, with the keyboard: she lands on the sign-in page.
        await danger.get_by_label("Your password").fill(PASSWORD)
        await danger.get_by_label("Your password").press("Enter")
        await expect(confirm).to_be_visible()
        await expect(confirm.get_by_role("button", name="Delete my account")).to_be_focused()
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
        assert urlsplit(page.url).path == "/console/login"
        await expect(page.get_by_text("Your account is deleted")).to_be_visible()
        await ada.shot("66-account-deleted-login")
        await run.mail("ada@example.com", r"account was deleted", after=mails_before, timeout=MAIL_WAIT)

        # The password no longer signs in.
        await page.get_by_label("E-mail address").fill("ada@example.com")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in", exact=True).click()
        await expect(page.get_by_role("alert").filter(has_text="password")).to_be_visible()
        assert urlsplit(page.url).path == "/console/login"
        await ada.shot("67-login-after-deletion")

        # Bob, now Acme's only member and owner, still has it; deleting his last
        # organization leads to the overview's empty state.
        run.current = bob
        await bob.go("/console" + acme)
        await expect(bob.page.get_by_role("heading", name="Acme", level=1)).to_be_visible()
        zone = bob.page.get_by_role("region", name="Delete this organization")
        await zone.get_by_label("To confirm, type “Acme”").fill("Acme")
        await zone.get_by_role("button", name="Delete Acme").click()
        await expect(bob.page.get_by_role("heading", name="Welcome, Bob")).to_be_visible()
        await expect(bob.page.get_by_text("Acme is deleted")).to_be_visible()
        await expect(bob.page.get_by_text("You belong to no organization yet.")).to_be_visible()
        await bob.shot("68-last-organization-deleted")
