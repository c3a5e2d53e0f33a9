"""Living with passkeys: naming and removing them under sudo, what MFA enforcement makes of
them, and organizations that accept passkeys only (phishing-resistant MFA)."""

from __future__ import annotations

from datetime import timedelta

from accountql import clock
from accountql.models import AuditEvent, OutboxMessage, Passkey
from tests.api import error_code, gql, nodes, ok, sign_up
from tests.mfa_helpers import enroll
from tests.passkey_helpers import PASSKEYS, passkey_log_in, register, web  # noqa: F401 - web is a fixture
from tests.test_mfa_enforcement import ENFORCE
from tests.test_organizations import ORGANIZATION, create_org, join
from tests.webauthn_authenticator import Authenticator

RENAME = "mutation($i: RenamePasskeyInput!) { renamePasskey(input: $i) { id name } }"
REMOVE = "mutation($i: RemovePasskeyInput!) { removePasskey(input: $i) { mfaEnabled passkeys { totalCount } } }"
DISABLE = 'mutation { disableMfa(input: {confirmation: "DISABLE"}) { mfaEnabled passkeys { totalCount } } }'
LEVEL = "query($id: ID!) { organization(id: $id) { mfaEnforced mfaLevel } }"
# What a user's own audit log shows of passkeys (tests/test_audit_log.py counts on it).
PASSKEY_KINDS = {"PASSKEY_ADDED", "PASSKEY_RENAMED", "PASSKEY_REMOVED", "PASSKEY_CLONE_SUSPECTED"}
MY_KINDS = "{ me { auditEvents(first: 100) { edges { node { kind details } } } } }"


async def confirm_with_passkey(client, token: str, authenticator) -> None:
    """Re-authenticate this session with the passkey: what phishing-resistant enforcement
    asks of a session that was opened with a password and a code."""
    from tests.passkey_helpers import log_in_options

    proof = authenticator.get(await log_in_options(client))
    ok(await gql(client, REAUTHENTICATE, {"i": {"password": "correct horse battery staple", "passkey": proof}}, token=token))


async def enforce(client, token, org, level="ANY", enforced=True):
    variables = {"input": {"organizationId": org, "enforced": enforced, "level": level}}
    return await gql(client, ENFORCE, variables, token=token)


async def test_rename_and_remove_a_passkey(web):
    ada = await sign_up(web, "ada@example.com")
    passkey = await register(web, ada["token"], Authenticator())
    renamed = ok(await gql(web, RENAME, {"i": {"id": passkey["id"], "name": "  Work   laptop "}}, token=ada["token"]))
    assert renamed["renamePasskey"]["name"] == "Work laptop"
    too_long = await gql(web, RENAME, {"i": {"id": passkey["id"], "name": "x" * 101}}, token=ada["token"])
    assert error_code(too_long) == "BAD_USER_INPUT" and too_long["errors"][0]["extensions"]["field"] == "input.name"
    assert error_code(await gql(web, RENAME, {"i": {"id": "nope", "name": "A"}}, token=ada["token"])) == "BAD_USER_INPUT"
    # Another user's passkey does not exist for Bob.
    bob = await sign_up(web, "bob@example.com")
    assert error_code(await gql(web, REMOVE, {"i": {"id": passkey["id"]}}, token=bob["token"])) == "NOT_FOUND"
    removed = ok(await gql(web, REMOVE, {"i": {"id": passkey["id"]}}, token=ada["token"]))["removePasskey"]
    assert removed == {"mfaEnabled": False, "passkeys": {"totalCount": 0}}
    kinds = set(await AuditEvent.filter(subject_user_id=ada["user_id"]).values_list("kind", flat=True))
    assert {"PASSKEY_ADDED", "PASSKEY_RENAMED", "PASSKEY_REMOVED", "MFA_DISABLED"} <= kinds
    subjects = await OutboxMessage.filter(recipient="ada@example.com", kind="security_notice").values_list("subject", flat=True)
    assert any('"Work laptop" was removed' in subject for subject in subjects)


async def test_every_passkey_event_lands_in_the_owners_log(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    passkey = await register(web, ada["token"], authenticator)
    ok(await gql(web, RENAME, {"i": {"id": passkey["id"], "name": "Phone"}}, token=ada["token"]))
    ok(await passkey_log_in(web, authenticator))
    assert error_code(await passkey_log_in(web, authenticator, sign_count=1)) == "INVALID_CREDENTIALS"
    ok(await gql(web, REMOVE, {"i": {"id": passkey["id"]}}, token=ada["token"]))
    edges = ok(await gql(web, MY_KINDS, token=ada["token"]))["me"]["auditEvents"]["edges"]
    kinds = {edge["node"]["kind"] for edge in edges}
    assert PASSKEY_KINDS <= kinds
    clone = next(edge["node"] for edge in edges if edge["node"]["kind"] == "PASSKEY_CLONE_SUSPECTED")
    assert clone["details"]["stored_count"] == 1 and clone["details"]["presented_count"] == 1


async def test_managing_passkeys_needs_a_recent_password_proof(web):
    ada = await sign_up(web, "ada@example.com")
    passkey = await register(web, ada["token"], Authenticator())
    clock.travel(timedelta(minutes=11))
    for document, variables in ((RENAME, {"i": {"id": passkey["id"], "name": "B"}}), (REMOVE, {"i": {"id": passkey["id"]}})):
        assert error_code(await gql(web, document, variables, token=ada["token"])) == "REAUTHENTICATION_REQUIRED"


async def test_the_first_passkey_turns_mfa_on_and_ends_other_sessions(web):
    ada = await sign_up(web, "ada@example.com")
    other = ok(await gql(web, "mutation($i: LogInInput!) { logIn(input: $i) { ... on AuthSession { token } } }",
                         {"i": {"email": "ada@example.com", "password": "correct horse battery staple"}}))["logIn"]["token"]
    await register(web, ada["token"], Authenticator())
    assert error_code(await gql(web, "{ me { id } }", token=other)) == "UNAUTHENTICATED"
    ok(await gql(web, "{ me { id } }", token=ada["token"]))


async def test_the_last_second_factor_stays_in_an_enforcing_organization(web):
    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    first = await register(web, ada["token"], Authenticator())
    ok(await enforce(web, ada["token"], org))
    refused = await gql(web, REMOVE, {"i": {"id": first["id"]}}, token=ada["token"])
    assert error_code(refused) == "CONFLICT" and refused["errors"][0]["extensions"]["organizations"] == ["Acme"]
    assert await Passkey.filter(id=first["id"]).exists()
    # With another passkey, or an authenticator app, the first one may go.
    await register(web, ada["token"], Authenticator(), name="Phone")
    assert ok(await gql(web, REMOVE, {"i": {"id": first["id"]}}, token=ada["token"]))["removePasskey"]["mfaEnabled"] is True
    # disableMfa would remove passkeys too: refused while the organization enforces MFA.
    assert error_code(await gql(web, DISABLE, token=ada["token"])) == "CONFLICT"


async def test_disabling_mfa_removes_passkeys(web):
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    assert ok(await gql(web, DISABLE, token=ada["token"]))["disableMfa"] == {"mfaEnabled": False, "passkeys": {"totalCount": 0}}
    assert error_code(await passkey_log_in(web, authenticator)) == "INVALID_CREDENTIALS"


async def test_phishing_resistant_enforcement_counts_passkeys_only(web):
    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    bob = await join(web, ada, org, "bob@example.com")
    await enroll(web, ada["token"])
    # Only an owner who uses a passkey may require them.
    refused = await enforce(web, ada["token"], org, "PHISHING_RESISTANT")
    assert error_code(refused) == "FORBIDDEN" and "passkey" in refused["errors"][0]["message"]
    adas = Authenticator()
    await register(web, ada["token"], adas)
    await enroll(web, bob["token"])  # TOTP only
    ok(await gql(web, ORGANIZATION, {"id": org}, token=bob["token"]))
    # Her session was opened with a password: requiring passkeys would lock her out of it.
    refused = await enforce(web, ada["token"], org, "PHISHING_RESISTANT")
    assert error_code(refused) == "FORBIDDEN" and "not opened with your passkey" in refused["errors"][0]["message"]
    await confirm_with_passkey(web, ada["token"], adas)
    assert ok(await enforce(web, ada["token"], org, "PHISHING_RESISTANT"))["setMfaEnforcement"]["mfaEnforced"] is True
    assert ok(await gql(web, LEVEL, {"id": org}, token=ada["token"]))["organization"] == {
        "mfaEnforced": True, "mfaLevel": "PHISHING_RESISTANT"
    }
    # Bob's authenticator app does not count: he is treated as a member without MFA, and told why.
    blocked = await gql(web, ORGANIZATION, {"id": org}, token=bob["token"])
    assert error_code(blocked) == "MFA_REQUIRED"
    message = blocked["errors"][0]["message"]
    assert "phishing-resistant" in message and "passkey" in message and "authenticator app" in message
    assert blocked["errors"][0]["extensions"]["level"] == "PHISHING_RESISTANT"
    assert "bob@example.com" in await OutboxMessage.filter(kind="mfa_required").values_list("recipient", flat=True)
    # Adding a passkey is allowed while blocked; it lets him in once this session is
    # confirmed with it (adding it proves nothing a phisher with his session could not).
    bobs_key = Authenticator()
    bobs = await register(web, bob["token"], bobs_key)
    still = await gql(web, ORGANIZATION, {"id": org}, token=bob["token"])
    assert error_code(still) == "MFA_REQUIRED" and "not opened with your passkey" in still["errors"][0]["message"]
    await confirm_with_passkey(web, bob["token"], bobs_key)
    ok(await gql(web, ORGANIZATION, {"id": org}, token=bob["token"]))
    # His last passkey may not go, though his authenticator app would remain.
    refused = await gql(web, REMOVE, {"i": {"id": bobs["id"]}}, token=bob["token"])
    assert error_code(refused) == "CONFLICT" and "passkey" in refused["errors"][0]["message"]
    # Back to any second factor: the app counts again.
    ok(await enforce(web, ada["token"], org, "ANY"))
    ok(await gql(web, REMOVE, {"i": {"id": bobs["id"]}}, token=bob["token"]))
    ok(await gql(web, ORGANIZATION, {"id": org}, token=bob["token"]))


async def test_only_the_user_sees_their_passkeys(web):
    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    bob = await join(web, ada, org, "bob@example.com")
    await register(web, bob["token"], Authenticator())
    members = ok(await gql(web, """query($id: ID!) { organization(id: $id) { members { edges { node {
      user { email passkeys { totalCount } } } } } } }""", {"id": org}, token=ada["token"]))
    counts = {e["node"]["user"]["email"]: e["node"]["user"]["passkeys"]["totalCount"]
              for e in members["organization"]["members"]["edges"]}
    assert counts == {"ada@example.com": 0, "bob@example.com": 0}
    assert ok(await gql(web, PASSKEYS, token=bob["token"]))["me"]["passkeys"]["totalCount"] == 1
    assert nodes(ok(await gql(web, PASSKEYS, token=bob["token"]))["me"]["passkeys"])[0]["name"] == "Laptop"


REAUTHENTICATE = "mutation($i: ReauthenticateInput!) { reauthenticate(input: $i) { reauthenticatedUntil } }"


async def test_a_passkey_is_the_second_factor_of_reauthenticate(web):
    """A user whose only second factor is a passkey has no code to give: the passkey
    answers instead, with user verification, and only one of the user's own."""
    from tests.passkey_helpers import log_in_options

    ada = await sign_up(web, "ada@example.com")
    bob = await sign_up(web, "bob@example.com")
    adas, bobs = Authenticator(), Authenticator()
    await register(web, ada["token"], adas)
    await register(web, bob["token"], bobs)
    clock.travel(timedelta(minutes=11))
    password = "correct horse battery staple"
    assert error_code(await gql(web, REAUTHENTICATE, {"i": {"password": password}}, token=ada["token"])) == "INVALID_CODE"
    refused = await gql(web, REAUTHENTICATE, {"i": {"password": password, "passkey": bobs.get(await log_in_options(web))}}, token=ada["token"])
    assert error_code(refused) == "INVALID_CREDENTIALS"
    unverified = adas.get(await log_in_options(web), uv=False)
    assert error_code(await gql(web, REAUTHENTICATE, {"i": {"password": password, "passkey": unverified}}, token=ada["token"])) == "INVALID_CREDENTIALS"
    proof = adas.get(await log_in_options(web))
    assert ok(await gql(web, REAUTHENTICATE, {"i": {"password": password, "passkey": proof}}, token=ada["token"]))["reauthenticate"]["reauthenticatedUntil"]
    assert error_code(await gql(web, REAUTHENTICATE, {"i": {"password": password, "passkey": proof}}, token=ada["token"])) == "INVALID_CODE"
    ok(await gql(web, RENAME, {"i": {"id": nodes(ok(await gql(web, PASSKEYS, token=ada["token"]))["me"]["passkeys"])[0]["id"], "name": "B"}}, token=ada["token"]))


async def test_members_short_of_passkeys_are_mailed_what_counts(web):
    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    bob = await join(web, ada, org, "bob@example.com")
    adas = Authenticator()
    await register(web, ada["token"], adas)
    await enroll(web, bob["token"])
    await confirm_with_passkey(web, ada["token"], adas)
    ok(await enforce(web, ada["token"], org, "PHISHING_RESISTANT"))
    from accountql import outbox

    message = await OutboxMessage.get(kind="mfa_required", recipient="bob@example.com")
    assert message.subject == "Acme requires phishing-resistant multi-factor authentication"
    assert "Add a passkey" in outbox.body_of(message) and "do not count" in outbox.body_of(message)


async def test_a_squatters_passkey_dies_when_the_owner_claims_the_address(web, messaging):
    eve = await sign_up(web, "bob@example.com", verify=False)
    squatter = Authenticator()
    await register(web, eve["token"], squatter)
    reset = "mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }"
    ok(await gql(web, reset, {"i": {"email": "bob@example.com", "channel": "EMAIL"}}))
    await messaging.deliver()
    link = messaging.inbox.last_token("bob@example.com")
    ok(await gql(web, "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }",
                 {"i": {"token": link, "newPassword": "bob's own passphrase"}}))
    assert not await Passkey.exists()
    assert error_code(await passkey_log_in(web, squatter)) == "INVALID_CREDENTIALS"
    from tests.api import log_in

    assert ok(await log_in(web, "bob@example.com", "bob's own passphrase"))["logIn"]["__typename"] == "AuthSession"


async def test_a_passkey_only_user_can_keep_backup_codes(web):
    """A passkey on one device can be lost: backup codes answer the challenge instead."""
    from tests.mfa_helpers import challenge, verify

    ada = await sign_up(web, "ada@example.com")
    await register(web, ada["token"], Authenticator())
    codes = ok(await gql(web, "mutation { regenerateBackupCodes { codes } }", token=ada["token"]))["regenerateBackupCodes"]["codes"]
    login = ok(await gql(web, "mutation($i: LogInInput!) { logIn(input: $i) { ... on MfaChallenge { methods } } }",
                         {"i": {"email": "ada@example.com", "password": "correct horse battery staple"}}))["logIn"]
    assert login["methods"] == ["PASSKEY", "BACKUP_CODE"]
    session = ok(await verify(web, await challenge(web, "ada@example.com"), codes[0]))["verifyMfa"]
    passkey = nodes(ok(await gql(web, PASSKEYS, token=session["token"]))["me"]["passkeys"])[0]
    ok(await gql(web, REMOVE, {"i": {"id": passkey["id"]}}, token=session["token"]))
    assert ok(await gql(web, "{ me { mfaEnabled backupCodesRemaining } }", token=session["token"]))["me"] == {
        "mfaEnabled": False, "backupCodesRemaining": 0
    }


async def test_a_passkey_only_account_is_deleted_with_its_passkey(web):
    """deleteAccount asks for the second factor: a user whose only one is a passkey answers
    with it, as reauthenticate takes it (before, only a backup code could stand in)."""
    from accountql.models import User
    from tests.passkey_helpers import log_in_options
    from tests.test_account_deletion import DELETE_ACCOUNT

    ada = await sign_up(web, "ada@example.com")
    bob = await sign_up(web, "bob@example.com")
    adas, bobs = Authenticator(), Authenticator()
    await register(web, ada["token"], adas)
    await register(web, bob["token"], bobs)
    password = "correct horse battery staple"
    assert error_code(await gql(web, DELETE_ACCOUNT, {"i": {"password": password}}, token=ada["token"])) == "INVALID_CODE"
    someone_elses = bobs.get(await log_in_options(web))
    refused = await gql(web, DELETE_ACCOUNT, {"i": {"password": password, "passkey": someone_elses}}, token=ada["token"])
    assert error_code(refused) == "INVALID_CREDENTIALS"
    assert (await User.get(email="ada@example.com")).deleted_at is None
    deleted = await gql(web, DELETE_ACCOUNT, {"i": {"password": password, "passkey": adas.get(await log_in_options(web))}}, token=ada["token"])
    assert ok(deleted)["deleteAccount"] is True
    assert await User.filter(email="ada@example.com").count() == 0  # the address is let go
    assert await Passkey.filter(user_id=(await User.get(email="bob@example.com")).id).count() == 1
    assert await Passkey.all().count() == 1  # ada's went with the account


async def test_an_owner_sees_which_members_have_a_passkey(web):
    """Under passkeys-only enforcement, `mfaEnabled` does not say who will be blocked: a
    member with an authenticator app has it on. `hasPasskey` says it, through the member
    list (which reads users by the page's loader)."""
    members = """query($id: ID!) { organization(id: $id) { members(first: 10) {
      edges { node { user { email mfaEnabled hasPasskey } } } } } }"""
    ada = await sign_up(web, "ada@example.com")
    org = await create_org(web, ada["token"])
    bob = await join(web, ada, org, "bob@example.com")
    await join(web, ada, org, "cy@example.com")
    await register(web, ada["token"], Authenticator())
    await enroll(web, bob["token"])
    seen = ok(await gql(web, members, {"id": org}, token=ada["token"]))["organization"]["members"]
    assert {n["user"]["email"]: (n["user"]["mfaEnabled"], n["user"]["hasPasskey"]) for n in nodes(seen)} == {
        "ada@example.com": (True, True),
        "bob@example.com": (True, False),
        "cy@example.com": (False, False),
    }
    assert ok(await gql(web, "{ me { hasPasskey } }", token=ada["token"]))["me"]["hasPasskey"] is True


async def test_a_passkey_alone_confirms_it_is_you(web):
    """Sudo mode by a passkey with user verification, no password, as GitHub allows: the
    passkey proves possession and a PIN or biometric, more than a password and a code. A
    passkey without user verification, another user's passkey, or nothing at all does not."""
    from tests.passkey_helpers import log_in_options

    ada = await sign_up(web, "ada@example.com")
    bob = await sign_up(web, "bob@example.com")
    cy = await sign_up(web, "cy@example.com")
    adas, bobs = Authenticator(), Authenticator()
    await register(web, ada["token"], adas)
    await register(web, bob["token"], bobs)
    clock.travel(timedelta(minutes=11))
    for refused_proof, code in (
        (adas.get(await log_in_options(web), uv=False), "INVALID_CREDENTIALS"),
        (bobs.get(await log_in_options(web)), "INVALID_CREDENTIALS"),
    ):
        assert error_code(await gql(web, REAUTHENTICATE, {"i": {"passkey": refused_proof}}, token=ada["token"])) == code
    nothing = await gql(web, REAUTHENTICATE, {"i": {}}, token=ada["token"])
    assert error_code(nothing) == "BAD_USER_INPUT" and nothing["errors"][0]["extensions"]["field"] == "input.password"
    # Without a passkey, the password stays what proves it.
    no_password = await gql(web, REAUTHENTICATE, {"i": {"code": "123456"}}, token=cy["token"])
    assert error_code(no_password) == "BAD_USER_INPUT" and no_password["errors"][0]["extensions"]["field"] == "input.password"
    confirmed = await gql(web, REAUTHENTICATE, {"i": {"passkey": adas.get(await log_in_options(web))}}, token=ada["token"])
    assert ok(confirmed)["reauthenticate"]["reauthenticatedUntil"]
    # Now in sudo mode: a sensitive change goes through.
    ok(await gql(web, RENAME, {"i": {"id": nodes(ok(await gql(web, PASSKEYS, token=ada["token"]))["me"]["passkeys"])[0]["id"], "name": "Key"}}, token=ada["token"]))


async def test_passkey_only_confirmations_that_fail_stay_out_of_the_owners_way(web):
    """Found by review: a failed passkey-only confirmation was recorded as a failed
    *password* attempt ("someone got your password right"), and counted against the
    account's code limit, so a stolen session could lock the owner out of logging in with
    a code for the window. It is now recorded as a passkey attempt and has a limit of its own."""
    from tests.mfa_helpers import challenge, code_now, next_step, verify
    from tests.passkey_helpers import log_in_options

    attempts = "{ me { loginAttempts(first: 30) { edges { node { succeeded method secondFactor } } } } }"
    ada = await sign_up(web, "ada@example.com")
    secret, _ = await enroll(web, ada["token"])
    adas = Authenticator()
    await register(web, ada["token"], adas)
    codes = []
    for _ in range(12):  # a thief with the session token, not the authenticator's PIN
        weak = adas.get(await log_in_options(web), uv=False)
        codes.append(error_code(await gql(web, REAUTHENTICATE, {"i": {"passkey": weak}}, token=ada["token"])))
    assert set(codes[:10]) == {"INVALID_CREDENTIALS"} and codes[-1] == "RATE_LIMITED", codes
    history = [n for n in nodes(ok(await gql(web, attempts, token=ada["token"]))["me"]["loginAttempts"]) if not n["succeeded"]]
    # As a failed passkey sign-in is recorded: no password was involved.
    assert history and all(n["method"] == "PASSKEY" for n in history), history
    next_step()
    signed_in = await verify(web, await challenge(web, "ada@example.com"), code_now(secret))
    assert ok(signed_in)["verifyMfa"]["token"]
