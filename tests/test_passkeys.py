"""Passkeys through the real endpoint: a user registers one (under sudo), signs in with it
alone or as the second factor after a password, and every WebAuthn check the server makes
refuses what it must: another origin or relying party, a replayed, expired or someone
else's challenge, a missing user verification, a counter that went backwards."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from accountql import clock
from accountql.models import AuditEvent, OutboxMessage, PasskeyChallenge
from tests.api import PASSWORD, error_code, gql, log_in, nodes, ok, sign_up
from tests.mfa_helpers import challenge, code_now, enroll, verify
from tests.passkey_helpers import (  # noqa: F401 - web is a fixture
    PASSKEYS,
    finish_log_in,
    finish_registration,
    log_in_options,
    passkey_log_in,
    register,
    registration_options,
    web,
)
from tests.webauthn_authenticator import RS256, Authenticator, b64url

ATTEMPTS = "{ me { loginAttempts { edges { node { succeeded method secondFactor } } } } }"


async def notices_to(address: str) -> list[str]:
    return await OutboxMessage.filter(recipient=address, kind="security_notice").order_by("created_at").values_list(
        "subject", flat=True
    )


async def test_register_a_passkey_then_sign_in_with_it_alone(web):
    ada = await sign_up(web, "ada@example.com")
    options = await registration_options(web, ada["token"])
    # What parseCreationOptionsFromJSON reads: a discoverable credential, user verified.
    assert options["rp"] == {"id": "accounts.example.com", "name": "AccountQL"}
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert {p["alg"] for p in options["pubKeyCredParams"]} >= {-7, -257}
    authenticator = Authenticator()
    credential = authenticator.create(options)
    passkey = ok(await finish_registration(web, ada["token"], credential))["finishPasskeyRegistration"]
    assert passkey["name"] == "Laptop" and passkey["deviceType"] == "SINGLE_DEVICE"
    assert passkey["backedUp"] is False and passkey["lastUsedAt"] is None
    me = ok(await gql(web, PASSKEYS, token=ada["token"]))["me"]
    assert me["mfaEnabled"] is True and me["passkeys"]["totalCount"] == 1
    assert any('"Laptop" was added' in subject for subject in await notices_to("ada@example.com"))
    assert await AuditEvent.filter(kind="PASSKEY_ADDED", subject_user_id=ada["user_id"]).count() == 1
    # Signing in: the options name no account and no credential (discoverable).
    options = await log_in_options(web)
    assert options["rpId"] == "accounts.example.com" and options["userVerification"] == "required"
    assert options.get("allowCredentials", []) == []
    session = ok(await finish_log_in(web, authenticator.get(options)))["finishPasskeyLogIn"]
    assert session["user"] == {"email": "ada@example.com", "mfaEnabled": True}
    # A passkey with user verification is a fresh proof: sensitive changes work at once.
    assert session["session"]["reauthenticatedUntil"] is not None
    used = nodes(ok(await gql(web, PASSKEYS, token=session["token"]))["me"]["passkeys"])[0]
    assert used["lastUsedAt"] is not None
    attempts = nodes(ok(await gql(web, ATTEMPTS, token=session["token"]))["me"]["loginAttempts"])
    assert attempts[0] == {"succeeded": True, "method": "PASSKEY", "secondFactor": None}


async def test_rs256_packed_self_attestation_and_a_synced_passkey_without_counter(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator(algorithm=RS256, attestation="packed", backup_eligible=True, backed_up=True, counter_step=0)
    passkey = await register(web, ada["token"], authenticator, name="Password manager")
    assert passkey["deviceType"] == "MULTI_DEVICE" and passkey["backedUp"] is True
    # A counter that stays 0 means the authenticator keeps none: no clone is suspected.
    for _ in range(2):
        ok(await passkey_log_in(web, authenticator))
    # BE never changes for a credential: an assertion that says otherwise is refused.
    assert error_code(await passkey_log_in(web, authenticator, be=False)) == "INVALID_CREDENTIALS"


async def test_a_passkey_answers_the_mfa_challenge_after_a_password(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    login = ok(await gql(web, "mutation($i: LogInInput!) { logIn(input: $i) { ... on MfaChallenge { challenge methods } } }",
                         {"i": {"email": "ada@example.com", "password": PASSWORD}}))["logIn"]
    assert login["methods"] == ["PASSKEY"]
    options = await log_in_options(web, login["challenge"])
    assert [c["id"] for c in options["allowCredentials"]] == [b64url(authenticator.credentials[0].credential_id)]
    # As a second factor, the password was the first: user verification is not needed.
    session = ok(await finish_log_in(web, authenticator.get(options, uv=False), login["challenge"]))["finishPasskeyLogIn"]
    attempts = nodes(ok(await gql(web, ATTEMPTS, token=session["token"]))["me"]["loginAttempts"])
    assert attempts[0] == {"succeeded": True, "method": "PASSWORD", "secondFactor": "PASSKEY"}
    # The login is finished: neither a code nor another passkey can finish it again.
    assert error_code(await verify(web, login["challenge"], "12345678")) == "INVALID_CODE"
    assert error_code(await gql(web, "mutation($i: BeginPasskeyLogInInput!) { beginPasskeyLogIn(input: $i) { expiresAt } }",
                                {"i": {"mfaChallenge": login["challenge"]}})) == "INVALID_CODE"


async def test_with_totp_too_the_challenge_offers_every_method(web):
    ada = await sign_up(web, "ada@example.com")
    secret, _ = await enroll(web, ada["token"])
    await register(web, ada["token"], Authenticator())
    login = ok(await gql(web, "mutation($i: LogInInput!) { logIn(input: $i) { ... on MfaChallenge { methods } } }",
                         {"i": {"email": "ada@example.com", "password": PASSWORD}}))["logIn"]
    assert login["methods"] == ["TOTP", "PASSKEY", "BACKUP_CODE"]
    ok(await verify(web, await challenge(web, "ada@example.com"), code_now(secret)))


async def test_a_counter_that_does_not_increase_is_refused_and_the_owner_told(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    ok(await passkey_log_in(web, authenticator))  # counter 1
    ok(await passkey_log_in(web, authenticator))  # counter 2
    refused = await passkey_log_in(web, authenticator, sign_count=2)  # a copy that signed as well
    assert error_code(refused) == "INVALID_CREDENTIALS" and "copied" in refused["errors"][0]["message"]
    assert error_code(await passkey_log_in(web, authenticator, sign_count=1)) == "INVALID_CREDENTIALS"
    passkey = nodes(ok(await gql(web, PASSKEYS, token=ada["token"]))["me"]["passkeys"])[0]
    assert passkey["cloneSuspectedAt"] is not None
    assert await AuditEvent.filter(kind="PASSKEY_CLONE_SUSPECTED").count() == 2
    assert any("may have been copied" in subject for subject in await notices_to("ada@example.com"))
    ok(await passkey_log_in(web, authenticator))  # the genuine one goes on: counter 3


async def test_another_origin_is_refused(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    evil = authenticator.create(await registration_options(web, ada["token"]), origin="https://accounts.example.com.evil.example")
    refused = await finish_registration(web, ada["token"], evil)
    assert error_code(refused) == "BAD_USER_INPUT" and refused["errors"][0]["extensions"]["field"] == "input.credential"
    await register(web, ada["token"], authenticator)
    assert error_code(await passkey_log_in(web, authenticator, origin="https://evil.example")) == "INVALID_CREDENTIALS"
    ok(await passkey_log_in(web, authenticator))


async def test_another_relying_party_id_is_refused(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    other = authenticator.create(await registration_options(web, ada["token"]), rp_id="example.org")
    assert error_code(await finish_registration(web, ada["token"], other)) == "BAD_USER_INPUT"
    await register(web, ada["token"], authenticator)
    options = await log_in_options(web)
    assert error_code(await finish_log_in(web, authenticator.get(options, rp_id="example.org"))) == "INVALID_CREDENTIALS"


async def test_a_challenge_works_once(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    credential = authenticator.create(await registration_options(web, ada["token"]))
    ok(await finish_registration(web, ada["token"], credential))
    assert error_code(await finish_registration(web, ada["token"], credential)) == "INVALID_CODE"
    assertion = authenticator.get(await log_in_options(web))
    ok(await finish_log_in(web, assertion))
    assert error_code(await finish_log_in(web, assertion)) == "INVALID_CODE"
    # Only a keyed hash of each challenge is stored.
    options = await log_in_options(web)
    hashes = await PasskeyChallenge.all().values_list("challenge_hash", flat=True)
    assert options["challenge"] not in hashes and all(len(h) == 64 for h in hashes)


async def test_an_expired_challenge_is_refused(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    options = await registration_options(web, ada["token"])
    clock.travel(timedelta(minutes=5, seconds=1))
    ok(await gql(web, "mutation($i: ReauthenticateInput!) { reauthenticate(input: $i) { id } }",
                 {"i": {"password": PASSWORD}}, token=ada["token"]))
    assert error_code(await finish_registration(web, ada["token"], authenticator.create(options))) == "INVALID_CODE"
    await register(web, ada["token"], authenticator)
    options = await log_in_options(web)
    clock.travel(timedelta(minutes=5, seconds=1))
    assert error_code(await finish_log_in(web, authenticator.get(options))) == "INVALID_CODE"


async def test_another_users_challenge_is_refused(web):
    ada = await sign_up(web, "ada@example.com")
    bob = await sign_up(web, "bob@example.com")
    bobs_options = await registration_options(web, bob["token"])
    made_for_bob = Authenticator().create(bobs_options)
    # Ada's session cannot spend Bob's registration challenge, which still works for him.
    assert error_code(await finish_registration(web, ada["token"], made_for_bob)) == "INVALID_CODE"
    ok(await finish_registration(web, bob["token"], made_for_bob))
    # Ada's login, answered with Bob's passkey: refused.
    adas, bobs = Authenticator(), Authenticator()
    await register(web, ada["token"], adas)
    await register(web, bob["token"], bobs)
    login = await challenge(web, "ada@example.com")
    options = await log_in_options(web, login)
    refused = await finish_log_in(web, bobs.get(options, credential=bobs.credentials[0]), login)
    assert error_code(refused) == "INVALID_CREDENTIALS"
    # A second-factor challenge cannot serve a passwordless sign-in.
    options = await log_in_options(web, login)
    assert error_code(await finish_log_in(web, adas.get(options))) == "INVALID_CODE"


async def test_user_verification_is_required_to_register_and_to_sign_in_alone(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    unverified = authenticator.create(await registration_options(web, ada["token"]), uv=False)
    assert error_code(await finish_registration(web, ada["token"], unverified)) == "BAD_USER_INPUT"
    await register(web, ada["token"], authenticator)
    assert error_code(await passkey_log_in(web, authenticator, uv=False)) == "INVALID_CREDENTIALS"


async def test_registering_needs_a_recent_password_proof(web):
    ada = await sign_up(web, "ada@example.com")
    clock.travel(timedelta(minutes=11))
    refused = await gql(web, "mutation { beginPasskeyRegistration { expiresAt } }", token=ada["token"])
    assert error_code(refused) == "REAUTHENTICATION_REQUIRED"


async def test_bad_credentials_are_bad_input_never_a_crash(web):
    ada = await sign_up(web, "ada@example.com")
    await registration_options(web, ada["token"])
    for junk in ("nonsense", {}, {"id": "x", "response": {"clientDataJSON": "!!"}}, [1, 2], 42,
                 {"id": "x", "response": {"clientDataJSON": "e30"}}):
        refused = await finish_registration(web, ada["token"], junk)
        assert error_code(refused) == "BAD_USER_INPUT", junk
        assert refused["errors"][0]["extensions"]["field"] == "input.credential"
        assert error_code(await finish_log_in(web, junk)) == "BAD_USER_INPUT", junk


async def test_an_unknown_passkey_is_told_like_a_wrong_signature(web):
    """Passwordless sign-in asks for no address, and a credential nobody registered gets the
    same answer as a forged one: nothing tells which accounts exist."""
    ada = await sign_up(web, "ada@example.com")
    known, stranger = Authenticator(), Authenticator()
    await register(web, ada["token"], known)
    stranger.create(await registration_options(web, (await sign_up(web, "eve@example.com"))["token"]))
    unknown = await passkey_log_in(web, stranger)
    forged = await finish_log_in(web, known.get(await log_in_options(web), uv=False))
    assert unknown["errors"][0]["message"] == forged["errors"][0]["message"]
    assert error_code(unknown) == error_code(forged) == "INVALID_CREDENTIALS"


async def test_the_mfa_challenge_still_takes_codes_after_a_failed_passkey(web):
    ada = await sign_up(web, "ada@example.com")
    secret, _ = await enroll(web, ada["token"])
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    login = await challenge(web, "ada@example.com")
    options = await log_in_options(web, login)
    assert error_code(await finish_log_in(web, authenticator.get(options, origin="https://evil.example"), login)) == "INVALID_CREDENTIALS"
    ok(await verify(web, login, code_now(secret)))
    assert (await log_in(web, "ada@example.com"))["data"]["logIn"]["__typename"] == "MfaChallenge"


async def test_the_user_handle_must_name_the_passkeys_owner(web):
    ada = await sign_up(web, "ada@example.com")
    bob = await sign_up(web, "bob@example.com")
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    credential = authenticator.credentials[0]
    own_handle = credential.user_handle
    credential.user_handle = uuid.UUID(bob["user_id"]).bytes  # the response names Bob
    assert error_code(await passkey_log_in(web, authenticator)) == "INVALID_CREDENTIALS"
    credential.user_handle = own_handle
    # Without a user handle (allowed for an assertion), the credential id alone decides.
    options = await log_in_options(web)
    assertion = authenticator.get(options)
    del assertion["response"]["userHandle"]
    assert ok(await finish_log_in(web, assertion))["finishPasskeyLogIn"]["user"]["email"] == "ada@example.com"


async def test_one_assertion_signs_in_once_under_a_race(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    assertion = authenticator.get(await log_in_options(web))
    answers = await asyncio.gather(*(finish_log_in(web, assertion) for _ in range(4)))
    assert sorted("ok" if not a.get("errors") else error_code(a) for a in answers) == [
        "INVALID_CODE", "INVALID_CODE", "INVALID_CODE", "ok"
    ]
