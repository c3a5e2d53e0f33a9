import asyncio
from datetime import timedelta

from accountql import clock
from accountql.models import OneTimeToken
from tests.api import PASSWORD, error_code, gql, log_in, ok, sign_up
from tests.mfa_helpers import code_now, enroll, verify

REQUEST_LINK = "mutation($e: String!) { requestMagicLink(input: {email: $e}) }"
LINK_LOG_IN = """mutation($t: String!) { logInWithMagicLink(input: {token: $t}) {
  __typename ... on AuthSession { token user { email } } ... on MfaChallenge { challenge } } }"""
REQUEST_RESET = "mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }"
RESET = "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }"
ATTEMPTS = "{ me { loginAttempts { edges { node { succeeded method } } } } }"
NEW_PASSWORD = "a brand new passphrase"


async def magic_link_token(client, messaging, email) -> str:
    await messaging.deliver()  # what sign-up sent (the verification link) goes out first
    assert ok(await gql(client, REQUEST_LINK, {"e": email}))["requestMagicLink"] is True
    assert await messaging.deliver() == 1
    return messaging.inbox.last_token(email)


async def test_magic_link_logs_in_once(client, messaging, settings):
    await sign_up(client, "ada@example.com")
    token = await magic_link_token(client, messaging, "ada@example.com")
    mail = messaging.inbox.to("ada@example.com")[-1]
    assert mail["Subject"] == "Your sign-in link"
    assert f"{settings.app_url}/magic-link#token={token}" in mail.get_content()
    # Only a hash is stored.
    assert not await OneTimeToken.filter(token_hash=token).exists()
    result = ok(await gql(client, LINK_LOG_IN, {"t": token}))["logInWithMagicLink"]
    assert result["__typename"] == "AuthSession" and result["user"]["email"] == "ada@example.com"
    attempts = ok(await gql(client, ATTEMPTS, token=result["token"]))["me"]["loginAttempts"]["edges"]
    assert attempts[0]["node"] == {"succeeded": True, "method": "MAGIC_LINK"}
    assert error_code(await gql(client, LINK_LOG_IN, {"t": token})) == "INVALID_CODE"


async def test_magic_link_for_an_unknown_address_answers_the_same_and_sends_nothing(client, messaging):
    assert ok(await gql(client, REQUEST_LINK, {"e": "nobody@example.com"}))["requestMagicLink"] is True
    assert ok(await gql(client, REQUEST_LINK, {"e": "not an address"}))["requestMagicLink"] is True
    assert await messaging.deliver() == 0


async def test_a_blank_address_for_a_magic_link_is_bad_input_next_to_its_field(client, messaging):
    """A blank address names no account, so refusing it says nothing about accounts; the
    console shows the sentence next to the field. It used to answer true and send nothing."""
    for blank in ("", "   "):
        refused = await gql(client, REQUEST_LINK, {"e": blank})
        assert error_code(refused) == "BAD_USER_INPUT"
        assert refused["errors"][0]["extensions"]["field"] == "input.email"
        assert "e-mail address" in refused["errors"][0]["message"]
    assert await messaging.deliver() == 0


async def test_magic_link_expires_after_15_minutes(client, messaging):
    await sign_up(client, "ada@example.com")
    token = await magic_link_token(client, messaging, "ada@example.com")
    clock.travel(timedelta(minutes=15, seconds=1))
    assert error_code(await gql(client, LINK_LOG_IN, {"t": token})) == "INVALID_CODE"


async def test_magic_link_used_twice_at_once_gives_one_session(client, messaging):
    await sign_up(client, "ada@example.com")
    token = await magic_link_token(client, messaging, "ada@example.com")
    results = await asyncio.gather(*[gql(client, LINK_LOG_IN, {"t": token}) for _ in range(4)])
    assert sum(1 for r in results if not r.get("errors")) == 1


async def test_magic_link_asks_for_the_second_factor(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    token = await magic_link_token(client, messaging, "ada@example.com")
    result = ok(await gql(client, LINK_LOG_IN, {"t": token}))["logInWithMagicLink"]
    assert result["__typename"] == "MfaChallenge"
    session = ok(await verify(client, result["challenge"], code_now(secret)))["verifyMfa"]
    attempts = ok(await gql(client, ATTEMPTS, token=session["token"]))["me"]["loginAttempts"]["edges"]
    assert attempts[0]["node"] == {"succeeded": True, "method": "MAGIC_LINK"}


async def test_asking_for_links_is_rate_limited_per_address(client, messaging, settings):
    await sign_up(client, "ada@example.com")
    for _ in range(settings.messages_per_recipient):
        ok(await gql(client, REQUEST_LINK, {"e": "ada@example.com"}))
    limited = await gql(client, REQUEST_LINK, {"e": "ada@example.com"})
    assert error_code(limited) == "RATE_LIMITED"
    # Unknown addresses are limited alike: the limit tells nothing either.
    for _ in range(settings.messages_per_recipient):
        ok(await gql(client, REQUEST_LINK, {"e": "ghost@example.com"}))
    assert error_code(await gql(client, REQUEST_LINK, {"e": "ghost@example.com"})) == "RATE_LIMITED"


async def test_a_mail_server_that_was_down_still_delivers_the_link(client, messaging):
    from aiosmtpd.controller import Controller

    await sign_up(client, "ada@example.com")
    await messaging.deliver()  # the verification link
    port = messaging.smtp.port
    messaging.smtp.stop()
    ok(await gql(client, REQUEST_LINK, {"e": "ada@example.com"}))
    assert await messaging.deliver() == 0
    messaging.smtp = Controller(messaging.inbox, hostname="127.0.0.1", port=port)
    messaging.smtp.start()
    clock.travel(timedelta(seconds=6))
    assert await messaging.deliver() == 1
    ok(await gql(client, LINK_LOG_IN, {"t": messaging.inbox.last_token("ada@example.com")}))


async def test_password_reset_by_e_mail_link(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    ok(await gql(client, REQUEST_RESET, {"i": {"email": "ada@example.com", "channel": "EMAIL"}}))
    await messaging.deliver()
    token = messaging.inbox.last_token("ada@example.com")
    # A password the policy refuses does not use up the link.
    weak = await gql(client, RESET, {"i": {"token": token, "newPassword": "password"}})
    assert error_code(weak) == "BAD_USER_INPUT"
    ok(await gql(client, RESET, {"i": {"token": token, "newPassword": NEW_PASSWORD}}))
    assert error_code(await gql(client, "{ me { id } }", token=ada["token"])) == "UNAUTHENTICATED"
    assert error_code(await log_in(client, "ada@example.com", PASSWORD)) == "INVALID_CREDENTIALS"
    ok(await log_in(client, "ada@example.com", NEW_PASSWORD))
    assert error_code(await gql(client, RESET, {"i": {"token": token, "newPassword": "yet another passphrase"}})) == "INVALID_CODE"


async def test_password_reset_keeps_mfa_on(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    ok(await gql(client, REQUEST_RESET, {"i": {"email": "ada@example.com"}}))
    await messaging.deliver()
    ok(await gql(client, RESET, {"i": {"token": messaging.inbox.last_token("ada@example.com"), "newPassword": NEW_PASSWORD}}))
    assert ok(await log_in(client, "ada@example.com", NEW_PASSWORD))["logIn"]["__typename"] == "MfaChallenge"


async def test_reset_for_an_unknown_address_answers_the_same(client, messaging):
    ok(await gql(client, REQUEST_RESET, {"i": {"email": "nobody@example.com"}}))
    ok(await gql(client, REQUEST_RESET, {"i": {"phoneNumber": "+33612345678", "channel": "SMS"}}))
    assert await messaging.deliver() == 0


async def test_reset_needs_exactly_one_way_to_find_the_account(client):
    both = await gql(client, REQUEST_RESET, {"i": {"email": "a@example.com", "phoneNumber": "+33612345678"}})
    assert error_code(both) == "BAD_USER_INPUT"
    neither = await gql(client, RESET, {"i": {"newPassword": NEW_PASSWORD}})
    assert error_code(neither) == "BAD_USER_INPUT"


async def test_a_reset_link_used_twice_at_once_resets_once(client, messaging):
    await sign_up(client, "ada@example.com")
    ok(await gql(client, REQUEST_RESET, {"i": {"email": "ada@example.com"}}))
    await messaging.deliver()
    token = messaging.inbox.last_token("ada@example.com")
    results = await asyncio.gather(*[
        gql(client, RESET, {"i": {"token": token, "newPassword": f"new passphrase number {n}"}}) for n in range(3)
    ])
    assert sum(1 for r in results if not r.get("errors")) == 1


async def test_asking_for_messages_is_rate_limited_per_ip(settings, messaging):
    from dataclasses import replace

    from tests.conftest import make_client

    strict = replace(settings, messages_per_ip=3)
    async with make_client(strict, ip="192.0.2.99") as sprayer:
        for n in range(3):
            ok(await gql(sprayer, REQUEST_RESET, {"i": {"email": f"someone{n}@example.com"}}))
        assert error_code(await gql(sprayer, REQUEST_RESET, {"i": {"email": "another@example.com"}})) == "RATE_LIMITED"


async def test_asking_for_a_link_takes_as_long_for_an_unknown_address(client):
    import statistics
    import time

    await sign_up(client, "ada@example.com")

    async def duration(email):
        started = time.perf_counter()
        ok(await gql(client, REQUEST_RESET, {"i": {"email": email}}))
        return time.perf_counter() - started

    known = [await duration("ada@example.com") for _ in range(4)]
    unknown = [await duration(f"nobody{n}@example.com") for n in range(4)]
    assert min(known + unknown) >= 0.05
    assert 0.75 < statistics.median(unknown) / statistics.median(known) < 1.33, (known, unknown)


async def test_the_link_lands_on_a_page_that_spends_nothing_until_asked(client, messaging):
    await sign_up(client, "ada@example.com")
    token = await magic_link_token(client, messaging, "ada@example.com")
    for path in ("/magic-link", "/reset-password", "/confirm-email"):
        # The link's path redirects to the console (the browser keeps #token), whose page
        # asks before it spends anything (tests/test_console_browser.py presses it).
        landing = await client.get(path, headers={"accept": "text/html"})
        assert landing.status_code == 302 and landing.headers["location"] == f"/console{path}"
        assert landing.headers["cache-control"] == "no-store"
        page = await client.get(landing.headers["location"], headers={"accept": "text/html"})
        assert page.status_code == 200 and 'id="console"' in page.text
    # Opening the page (a mail scanner does) left the token unspent.
    assert ok(await gql(client, LINK_LOG_IN, {"t": token}))["logInWithMagicLink"]["__typename"] == "AuthSession"

async def test_a_blank_address_is_refused_not_answered_as_sent(client):
    """The console once sent an empty address (the field was filled before its page was on
    screen) and was told a link was on its way "if an account uses ,": a blank address can
    name no account, so saying so reveals nothing."""
    for blank in ("", "   "):
        refused = await gql(client, REQUEST_LINK, {"e": blank})
        assert error_code(refused) == "BAD_USER_INPUT", refused
        assert refused["errors"][0]["extensions"]["field"] == "input.email"
