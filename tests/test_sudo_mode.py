"""A stolen session must not become a stolen account: changes that could lock the owner out
need a recent proof of the password (and second factor), and each is told to the owner."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from accountql import clock
from accountql.models import OutboxMessage
from tests.api import PASSWORD, error_code, gql, log_in, nodes, ok, sign_up
from tests.mfa_helpers import (
    BEGIN,
    CONFIRM,
    challenge,
    code_now,
    enroll,
    next_step,
    verify,
)
from tests.test_organizations import create_org

REAUTHENTICATE = "mutation($i: ReauthenticateInput!) { reauthenticate(input: $i) { current reauthenticatedUntil } }"
SET_PHONE = "mutation($n: String!) { setPhoneNumber(input: {phoneNumber: $n}) }"
NUMBER = "+33612345678"

SENSITIVE = {
    "setPhoneNumber": (SET_PHONE, {"n": NUMBER}),
    "removePhoneNumber": ("mutation { removePhoneNumber { id } }", {}),
    "beginMfaEnrollment": ("mutation { beginMfaEnrollment { secret } }", {}),
    "confirmMfaEnrollment": ("mutation { confirmMfaEnrollment(input: {code: \"123456\"}) { codes } }", {}),
    "enableSmsMfa": ("mutation { enableSmsMfa { codes } }", {}),
    "regenerateBackupCodes": ("mutation { regenerateBackupCodes { codes } }", {}),
    "disableMfa": ('mutation { disableMfa(input: {confirmation: "DISABLE"}) { id } }', {}),
    "changeEmail": ('mutation { changeEmail(input: {newEmail: "new@example.com"}) }', {}),
}


def minutes_pass(minutes: float) -> None:
    clock.travel(timedelta(minutes=minutes))


async def test_a_stolen_session_cannot_put_its_own_phone_number_on_the_account(client):
    """The attack: a token alone set a phone number, then reset the password by SMS."""
    victim = await sign_up(client, "victim@example.com")
    minutes_pass(10.1)  # the token is still valid (one hour), the password proof is not
    refused = await gql(client, SET_PHONE, {"n": NUMBER}, token=victim["token"])
    assert error_code(refused) == "REAUTHENTICATION_REQUIRED"
    assert "reauthenticate" in refused["errors"][0]["message"]
    assert refused["errors"][0]["extensions"]["withinMinutes"] == 10
    assert not await OutboxMessage.filter(channel="SMS").exists()


async def test_every_sensitive_change_asks_for_the_password_again(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    minutes_pass(11)
    for name, (document, variables) in SENSITIVE.items():
        assert error_code(await gql(client, document, variables, token=ada["token"])) == "REAUTHENTICATION_REQUIRED", name
    key = "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }"
    assert error_code(await gql(client, key, {"i": {"organizationId": org, "name": "ci"}}, token=ada["token"])) == "REAUTHENTICATION_REQUIRED"
    wrong = await gql(client, REAUTHENTICATE, {"i": {"password": "not my password"}}, token=ada["token"])
    assert error_code(wrong) == "INVALID_CREDENTIALS"
    assert wrong["errors"][0]["extensions"]["field"] == "input.password"  # a form shows it there
    # A wrong password here is in the login history like any other.
    history = "{ me { loginAttempts(first: 1) { edges { node { succeeded method } } } } }"
    assert nodes(ok(await gql(client, history, token=ada["token"]))["me"]["loginAttempts"]) == [{"succeeded": False, "method": "PASSWORD"}]
    current = "{ me { currentSession { reauthenticatedUntil } } }"
    assert ok(await gql(client, current, token=ada["token"]))["me"]["currentSession"]["reauthenticatedUntil"] is not None
    renewed = ok(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD}}, token=ada["token"]))["reauthenticate"]
    assert renewed["current"] is True and renewed["reauthenticatedUntil"] is not None
    assert ok(await gql(client, current, token=ada["token"]))["me"]["currentSession"]["reauthenticatedUntil"] == renewed["reauthenticatedUntil"]
    ok(await gql(client, key, {"i": {"organizationId": org, "name": "ci"}}, token=ada["token"]))
    ok(await gql(client, SET_PHONE, {"n": NUMBER}, token=ada["token"]))
    # The schema says which changes need it.
    from accountql.schema.schema import build_schema

    assert "@isAuthenticated @requiresReauthentication" in build_schema().as_str()


async def test_with_mfa_on_reauthentication_needs_the_second_factor(client):
    ada = await sign_up(client, "ada@example.com")
    secret, backup = await enroll(client, ada["token"])
    minutes_pass(11)
    assert error_code(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD}}, token=ada["token"])) == "INVALID_CODE"
    wrong_code = await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD, "code": "000000"}}, token=ada["token"])
    assert error_code(wrong_code) == "INVALID_CODE" and wrong_code["errors"][0]["extensions"]["field"] == "input.code"
    ok(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD, "code": code_now(secret)}}, token=ada["token"]))
    ok(await gql(client, "mutation { regenerateBackupCodes { codes } }", token=ada["token"]))


async def test_a_magic_link_session_has_not_proven_the_password(client, messaging):
    from tests.test_magic_links_and_resets import LINK_LOG_IN, magic_link_token

    await sign_up(client, "ada@example.com")
    token = await magic_link_token(client, messaging, "ada@example.com")
    session = ok(await gql(client, LINK_LOG_IN, {"t": token}))["logInWithMagicLink"]["token"]
    assert error_code(await gql(client, SET_PHONE, {"n": NUMBER}, token=session)) == "REAUTHENTICATION_REQUIRED"
    ok(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD}}, token=session))
    ok(await gql(client, SET_PHONE, {"n": NUMBER}, token=session))


async def test_logging_in_with_the_second_factor_proves_both(client):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    session = ok(await verify(client, await challenge(client, "ada@example.com"), code_now(secret)))["verifyMfa"]["token"]
    ok(await gql(client, SET_PHONE, {"n": NUMBER}, token=session))


async def test_turning_mfa_on_ends_every_other_session(client):
    ada = await sign_up(client, "ada@example.com")
    elsewhere = ok(await log_in(client, "ada@example.com"))["logIn"]["token"]
    secret = ok(await gql(client, BEGIN, token=ada["token"]))["beginMfaEnrollment"]["secret"]
    ok(await gql(client, CONFIRM, {"code": code_now(secret)}, token=ada["token"]))
    assert error_code(await gql(client, "{ me { id } }", token=elsewhere)) == "UNAUTHENTICATED"
    ok(await gql(client, "{ me { id } }", token=ada["token"]))


async def test_each_sensitive_change_is_told_to_the_verified_address(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    next_step()
    ok(await gql(client, "mutation { regenerateBackupCodes { codes } }", token=ada["token"]))
    ok(await gql(client, SET_PHONE, {"n": NUMBER}, token=ada["token"]))
    await messaging.deliver()
    ok(await gql(client, "mutation($c: String!) { verifyPhoneNumber(input: {code: $c}) { id } }", {"c": messaging.sms.last_code(NUMBER)}, token=ada["token"]))
    ok(await gql(client, "mutation { removePhoneNumber { id } }", token=ada["token"]))
    next_step()
    ok(await gql(client, 'mutation { disableMfa(input: {confirmation: "DISABLE"}) { id } }', token=ada["token"]))
    change = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }"
    ok(await gql(client, change, {"i": {"currentPassword": PASSWORD, "newPassword": "a second passphrase"}}, token=ada["token"]))
    await messaging.deliver()
    subjects = [m["Subject"] for m in messaging.inbox.to("ada@example.com") if m["Subject"].startswith("Security notice")]
    assert subjects == [
        "Security notice: an authenticator app is now the second factor of your account; new backup codes were made",
        "Security notice: new backup codes were made; the old ones no longer work",
        f"Security notice: the phone number {NUMBER} was added to your account",
        "Security notice: the phone number was removed from your account",
        "Security notice: multi-factor authentication was turned off",
        "Security notice: your password was changed; your other sessions were ended",
    ]
    body = messaging.inbox.to("ada@example.com")[-1].get_content()
    assert "203.0.113.7" in body and "reset your password" in body


async def test_turning_login_notifications_off_is_told(client):
    ada = await sign_up(client, "ada@example.com")
    change = "mutation($on: Boolean!) { setLoginNotifications(input: {enabled: $on}) { loginNotifications } }"
    ok(await gql(client, change, {"on": True}, token=ada["token"]))
    ok(await gql(client, change, {"on": False}, token=ada["token"]))
    notices = await OutboxMessage.filter(kind="security_notice").values_list("subject", flat=True)
    assert notices == ["Security notice: login notifications were turned off"]


async def test_an_unverified_address_gets_no_security_notice(client):
    eve = await sign_up(client, "eve@example.com", verify=False)
    await enroll(client, eve["token"])
    assert not await OutboxMessage.filter(kind="security_notice").exists()


async def test_creating_an_api_key_tells_its_creator(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    key = "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }"
    ok(await gql(client, key, {"i": {"organizationId": org, "name": "deploy"}}, token=ada["token"]))
    notices = await OutboxMessage.filter(kind="security_notice", recipient="ada@example.com").values_list("subject", flat=True)
    assert notices == ["Security notice: you created the API key 'deploy' for Acme"]


async def test_parallel_reauthentications_count_wrong_passwords_against_the_login_limit(client, settings):
    ada = await sign_up(client, "ada@example.com")
    results = await asyncio.gather(*[
        gql(client, REAUTHENTICATE, {"i": {"password": f"guess {n}"}}, token=ada["token"]) for n in range(15)
    ])
    codes = [error_code(r) for r in results]
    assert codes.count("INVALID_CREDENTIALS") == settings.login_failures_per_account
    assert codes.count("RATE_LIMITED") == 15 - settings.login_failures_per_account
