"""Security review of the passkeys merge and the operations endpoints: each test is an
attack through the real HTTP endpoint, asserting what a secure server must do."""

from __future__ import annotations

import json

from accountql.models import Passkey
from tests.api import error_code, gql, log_in, ok, sign_up
from tests.mfa_helpers import code_now, enroll, verify
from tests.passkey_helpers import (  # noqa: F401 - web is a fixture
    finish_log_in,
    finish_registration,
    log_in_options,
    register,
    registration_options,
    web,
)
from tests.test_organizations import ORGANIZATION, create_org, join
from tests.test_passkey_management import confirm_with_passkey, enforce
from tests.webauthn_authenticator import Authenticator, b64url


async def test_phished_totp_session_reaches_phishing_resistant_org(web):
    """PHISHING_RESISTANT enforcement asks whether the user *has* a passkey, not whether the
    session was opened with one: a phisher who relays Bob's password and TOTP code (exactly
    what a passkeys-only policy is meant to stop) reads the organization's members."""
    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    bob = await join(web, ada, org, "bob@example.com")
    adas = Authenticator()
    await register(web, ada["token"], adas)
    secret, _ = await enroll(web, bob["token"])
    await register(web, bob["token"], Authenticator())  # Bob has a passkey too
    await confirm_with_passkey(web, ada["token"], adas)
    ok(await enforce(web, ada["token"], org, "PHISHING_RESISTANT"))
    # The phisher replays the password and the TOTP code Bob typed into the look-alike site.
    pending = ok(await log_in(web, "bob@example.com"))["logIn"]
    assert pending["__typename"] == "MfaChallenge"
    phished = ok(await verify(web, pending["challenge"], code_now(secret)))["verifyMfa"]["token"]
    answer = await gql(web, ORGANIZATION, {"id": org}, token=phished)
    assert error_code(answer) == "MFA_REQUIRED", answer


FINISH_LOG_IN = "mutation($i: FinishPasskeyLogInInput!) { finishPasskeyLogIn(input: $i) { token } }"


async def test_deeply_nested_client_data_json_is_bad_input_not_a_crash(web):
    """read_credential json.loads the base64url clientDataJSON and catches ValueError and
    friends, but not RecursionError: a few hundred kB of '[' (well under the 1 MB body
    limit, and the body's own 32-level nesting check never sees inside the string) makes
    an INTERNAL_SERVER_ERROR and an error log with a traceback, without any challenge."""
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    credential = authenticator.get(await log_in_options(web))
    credential["response"]["clientDataJSON"] = b64url(b"[" * 200_000)
    answer = await gql(web, FINISH_LOG_IN, {"i": {"credential": credential}})
    assert error_code(answer) == "BAD_USER_INPUT", answer


async def test_deeply_nested_credential_string_is_bad_input_not_a_crash(web):
    """The credential may be given as a JSON string: json.loads of '[' * 200000 raises
    RecursionError, unauthenticated and before any challenge or rate limit."""
    answer = await gql(web, FINISH_LOG_IN, {"i": {"credential": "[" * 200_000}})
    assert error_code(answer) == "BAD_USER_INPUT", answer


async def test_deeply_nested_registration_credential_is_bad_input_not_a_crash(web):
    ada = await sign_up(web, "ada@example.com")
    await registration_options(web, ada["token"])
    answer = await finish_registration(web, ada["token"], '{"response": ' + "[" * 200_000)
    assert error_code(answer) == "BAD_USER_INPUT", answer


CREATE_KEY = """mutation($i: CreateApiKeyInput!) {
  createApiKey(input: $i) { secret apiKey { id } } }"""


async def test_member_blocked_by_enforcement_keeps_reading_through_his_api_key(web):
    """A member without MFA mints an API key during the grace period (or before enforcement
    starts); once the grace is over he is blocked on every session path, yet his key still
    reads the organization's members: _api_key_may never asks mfa_enforcement.blocks() of
    the key's creator, so enforcement is bypassed for as long as the key lives."""
    from datetime import timedelta

    from accountql import clock

    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    bob = await join(web, ada, org, "bob@example.com")  # MANAGER, no second factor
    await register(web, ada["token"], Authenticator())
    variables = {"input": {"organizationId": org, "enforced": True, "level": "ANY", "gracePeriodDays": 7}}
    ok(await gql(web, "mutation($input: SetMfaEnforcementInput!) { setMfaEnforcement(input: $input) { id } }",
                 variables, token=ada["token"]))
    key = ok(await gql(web, CREATE_KEY, {"i": {"organizationId": org, "name": "mine"}}, token=bob["token"]))
    secret = key["createApiKey"]["secret"]
    clock.travel(timedelta(days=8))
    fresh = ok(await log_in(web, "bob@example.com"))["logIn"]["token"]
    assert error_code(await gql(web, ORGANIZATION, {"id": org}, token=fresh)) == "MFA_REQUIRED"
    answer = await gql(web, ORGANIZATION, {"id": org}, token=secret)
    assert answer.get("errors"), f"Bob's key still reads the organization: {answer}"


async def test_an_anonymous_client_cannot_blind_the_per_operation_metrics(settings):
    """Operation names become labels first come, first served, and any caller's names count,
    signed in or not: 200 throw-away names from one anonymous client (valid, trivially
    cheap documents) fill the per-process set, and every operation the real front end runs
    afterwards is folded into `other` until the process restarts."""
    import uuid

    from tests.conftest import make_client
    from tests.test_metrics import scrape, value

    async with make_client(settings, metrics=True) as attacker:
        flood = uuid.uuid4().hex[:8]
        for n in range(201):
            await gql(attacker, f"query F{flood}_{n} {{ __typename }}")
    async with make_client(settings, ip="198.51.100.20", metrics=True) as front_end:
        await gql(front_end, "query ViewerDashboard { __typename }")
        text = await scrape(front_end)
    assert value(text, "accountql_graphql_requests_total", operation="ViewerDashboard", status="200") == 1


async def test_a_client_that_is_no_proxy_cannot_choose_its_request_id(settings):
    """X-Request-Id is taken from anyone, not only from ACCOUNTQL_TRUSTED_PROXIES: an
    attacker sends the id of another user's request (from a support ticket, or a guess
    like the proxy's format) and its log lines are filed under that id, so an incident
    timeline joins the attacker's requests to the victim's."""
    from tests.conftest import make_client

    async with make_client(settings, ip="198.51.100.9") as victim:
        theirs = (await victim.post("/graphql", json={"query": "{ __typename }"})).headers["x-request-id"]
    async with make_client(settings, ip="203.0.113.66") as attacker:  # no trusted proxy configured
        mine = await attacker.post("/graphql", json={"query": "{ __typename }"}, headers={"X-Request-Id": theirs})
    assert mine.headers["x-request-id"] != theirs


RESET_REQUEST = "mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }"
RESET = "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }"


async def test_a_squatters_passkey_registered_during_the_claim_survives_it(web, messaging, database_url):
    """verification.claim() (run by resetPassword) deletes the squatter's passkeys, but a
    finishPasskeyRegistration racing it checks its session before the claim commits (the
    sessions are ended in the same, still open, transaction, which also hashes a password
    in a thread), then waits on the user row and inserts its passkey after the claim's
    DELETE: the squatter keeps a passkey on the owner's account and signs in with it alone.
    begin/finish have no rate limit, so a squatter can keep a finish in flight all the
    time. PostgreSQL (READ COMMITTED, row locks); SQLite serializes the transactions."""
    import asyncio

    import pytest

    from tests.passkey_helpers import passkey_log_in

    if not database_url.startswith(("postgres", "asyncpg")):
        pytest.skip("the race needs PostgreSQL: set ACCOUNTQL_TEST_DATABASE_URL")
    for attempt, delay in enumerate([0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4]):
        email = f"owner{attempt}@example.com"
        eve = await sign_up(web, email, verify=False)  # the squatter, on the owner's address
        squatter = Authenticator()
        credential = squatter.create(await registration_options(web, eve["token"]))
        ok(await gql(web, RESET_REQUEST, {"i": {"email": email, "channel": "EMAIL"}}))
        await messaging.deliver()
        link = messaging.inbox.last_token(email)
        # The owner follows the reset link while the squatter's finish is in flight.
        reset = asyncio.create_task(gql(web, RESET, {"i": {"token": link, "newPassword": "the owner's passphrase"}}))
        await asyncio.sleep(delay)
        await finish_registration(web, eve["token"], credential)
        ok(await reset)
        survivors = await Passkey.filter(user__email=email).count()
        signed_in = await passkey_log_in(web, squatter) if survivors else None
        assert survivors == 0 and signed_in is None, (
            f"attempt {attempt}: the squatter's passkey survived the claim; its passwordless "
            f"sign-in answered {json.dumps(signed_in)[:200]}"
        )


async def test_a_phished_session_cannot_add_the_phishers_passkey(web):
    """The phisher of a member of a passkeys-only organization holds a fresh password-and-
    code session (sudo mode included): adding their own passkey would give them a key that
    opens phishing-resistant sessions from then on. Where the account has a passkey
    already, adding another needs a session that one of them opened or confirmed."""
    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    bob = await join(web, ada, org, "bob@example.com")
    adas, bobs = Authenticator(), Authenticator()
    await register(web, ada["token"], adas)
    secret, _ = await enroll(web, bob["token"])
    await register(web, bob["token"], bobs)
    await confirm_with_passkey(web, ada["token"], adas)
    ok(await enforce(web, ada["token"], org, "PHISHING_RESISTANT"))
    pending = ok(await log_in(web, "bob@example.com"))["logIn"]
    phished = ok(await verify(web, pending["challenge"], code_now(secret)))["verifyMfa"]["token"]
    refused = await gql(web, "mutation { beginPasskeyRegistration { options } }", token=phished)
    assert error_code(refused) == "FORBIDDEN", refused
    assert "existing passkey" in refused["errors"][0]["message"]
    # Bob himself, with his passkey at hand, confirms the session and adds a second one.
    await confirm_with_passkey(web, phished, bobs)
    await register(web, phished, Authenticator())
