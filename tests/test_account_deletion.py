"""The rights of erasure and access: deleteAccount, deleteOrganization and exportMyData,
through the HTTP endpoint, with real TOTP codes, hashing and SMTP."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519

from accountql.models import (
    AuditEvent,
    BackupCode,
    KycSubmission,
    LoginAttempt,
    Membership,
    Organization,
    Session,
    SshKey,
    TotpCredential,
    User,
)
from tests.api import PASSWORD, error_code, gql, log_in, ok, sign_up
from tests.mfa_helpers import challenge, code_now, enroll, next_step, verify
from tests.test_api_keys import CREATE_KEY
from tests.test_kyc import submit
from tests.test_organizations import CHANGE_ROLE, create_org, join
from tests.test_security_events import receive, subscribed
from tests.test_ssh_keys import public_line
from tests.test_sudo_mode import REAUTHENTICATE, minutes_pass

DELETE_ACCOUNT = "mutation($i: DeleteAccountInput!) { deleteAccount(input: $i) }"
DELETE_ORGANIZATION = "mutation($i: DeleteOrganizationInput!) { deleteOrganization(input: $i) }"
EXPORT = "mutation { exportMyData }"
ADD_SSH_KEY = "mutation($i: AddSshKeyInput!) { addSshKey(input: $i) { fingerprint } }"
ORG_EVENTS = """query($id: ID!) { organization(id: $id) { auditEvents(first: 100) {
  edges { node { kind actor { name email deleted } subject { name deleted } } } } } }"""
MY_EVENTS = "{ me { auditEvents(first: 100) { edges { node { kind details } } } } }"
# Asserted by the tests below; tests/test_audit_log.py checks that every kind is covered.
LIFECYCLE_KINDS = {"ACCOUNT_DELETED", "ORGANIZATION_DELETED", "DATA_EXPORTED"}


async def signed_in_with_mfa(client, email: str, token: str) -> tuple[str, str]:
    """Turn MFA on for the account; a fresh login with both factors, and the TOTP secret."""
    secret, _ = await enroll(client, token)
    return await mfa_login(client, email, secret), secret


async def mfa_login(client, email: str, secret: str) -> str:
    next_step()
    return ok(await verify(client, await challenge(client, email), code_now(secret)))["verifyMfa"]["token"]


async def test_a_deleted_account_is_emptied_its_sessions_end_and_its_address_is_free(client, settings, messaging):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    member = await join(client, ada, org, "bob@example.com")
    bob, secret = await signed_in_with_mfa(client, "bob@example.com", member["token"])
    ok(await gql(client, ADD_SSH_KEY, {"i": {"name": "laptop", "publicKey": public_line(ed25519.Ed25519PrivateKey.generate())}}, token=bob))
    key = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "ci", "access": "READ_WRITE"}}, token=bob))["createApiKey"]
    elsewhere = await mfa_login(client, "bob@example.com", secret)
    user_id = (await User.get(email="bob@example.com")).id
    manager, ws = await subscribed(settings, elsewhere)
    try:
        wrong = await gql(client, DELETE_ACCOUNT, {"i": {"password": "not it", "code": code_now(secret)}}, token=bob)
        assert error_code(wrong) == "INVALID_CREDENTIALS" and wrong["errors"][0]["extensions"]["field"] == "input.password"
        no_code = await gql(client, DELETE_ACCOUNT, {"i": {"password": PASSWORD}}, token=bob)
        assert error_code(no_code) == "INVALID_CODE" and no_code["errors"][0]["extensions"]["field"] == "input.code"
        next_step()
        assert ok(await gql(client, DELETE_ACCOUNT, {"i": {"password": PASSWORD, "code": code_now(secret)}}, token=bob))["deleteAccount"] is True
        # The other device is told at once, and its socket closes.
        event = await receive(ws, timeout=1.0)
        assert event["payload"]["data"]["securityEvents"]["kind"] == "SESSION_REVOKED"
    finally:
        await manager.__aexit__(None, None, None)

    # Nothing that could act for Bob works any more: sessions, the API key he made, his password.
    for token in (bob, elsewhere):
        assert error_code(await gql(client, "{ me { id } }", token=token)) == "UNAUTHENTICATED"
    assert error_code(await gql(client, "{ organization(id: \"%s\") { name } }" % org, token=key["secret"])) == "UNAUTHENTICATED"
    assert (await log_in(client, "bob@example.com"))["errors"][0]["extensions"]["code"] == "INVALID_CREDENTIALS"

    # The row stays, emptied; what described or protected him is gone.
    row = await User.get(id=user_id)
    assert row.email == f"deleted-{user_id}@deleted.invalid" and row.name == "Deleted user"
    assert row.deleted_at is not None and not row.mfa_enabled and row.phone_number is None
    for model in (Session, LoginAttempt, TotpCredential, BackupCode, SshKey, Membership):
        assert not await model.filter(user_id=user_id).exists(), model.__name__
    # The placeholder address is no way in either.
    assert error_code(await log_in(client, row.email)) == "INVALID_CREDENTIALS"

    # His own deletion is on record (only staff can read a deleted account's log).
    assert await AuditEvent.filter(kind="ACCOUNT_DELETED", subject_user_id=user_id, actor_user_id=user_id).exists()
    # The organization's log keeps what he did, by a deleted user.
    edges = ok(await gql(client, ORG_EVENTS, {"id": org}, token=ada["token"]))["organization"]["auditEvents"]["edges"]
    created = next(e["node"] for e in edges if e["node"]["kind"] == "API_KEY_CREATED")
    assert created["actor"] == {"name": "Deleted user", "email": row.email, "deleted": True}
    left = next(e["node"] for e in edges if e["node"]["kind"] == "MEMBER_LEFT")
    assert left["subject"] == {"name": "Deleted user", "deleted": True}
    revoked = [e["node"] for e in edges if e["node"]["kind"] == "API_KEY_REVOKED"]
    assert len(revoked) == 1

    # A last notice went to his verified address, by real SMTP.
    await messaging.deliver()
    assert "your account was deleted" in messaging.inbox.last_body("bob@example.com")

    # The address is free: someone can sign up with it, as a new account.
    again = await sign_up(client, "bob@example.com")
    assert again["user_id"] != str(user_id)


async def test_the_last_owner_is_refused_with_the_organizations_named(client):
    ada = await sign_up(client, "ada@example.com")
    acme = await create_org(client, ada["token"], "Acme")
    beta = await create_org(client, ada["token"], "Beta")
    shared = await create_org(client, ada["token"], "Shared")
    carol = await join(client, ada, shared, "carol@example.com")
    ok(await gql(client, CHANGE_ROLE, {"input": {"organizationId": shared, "userId": carol["user_id"], "role": "OWNER"}}, token=ada["token"]))

    refused = await gql(client, DELETE_ACCOUNT, {"i": {"password": PASSWORD}}, token=ada["token"])
    assert error_code(refused) == "CONFLICT"
    error = refused["errors"][0]
    assert "Acme, Beta" in error["message"] and "Shared" not in error["message"]
    assert error["extensions"]["organizations"] == [{"id": acme, "name": "Acme"}, {"id": beta, "name": "Beta"}]
    assert await User.filter(email="ada@example.com", deleted_at=None).exists()

    for org, name in ((acme, "Acme"), (beta, "Beta")):
        ok(await gql(client, DELETE_ORGANIZATION, {"i": {"organizationId": org, "confirmName": name}}, token=ada["token"]))
    ok(await gql(client, DELETE_ACCOUNT, {"i": {"password": PASSWORD}}, token=ada["token"]))
    # The organization she shared lives on, with its other owner.
    members = await Membership.filter(organization_id=shared).values_list("role", flat=True)
    assert members == ["OWNER"]


async def test_deleting_an_organization_takes_its_name_an_owner_and_a_recent_password(client, settings, messaging):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"], "Acme Cloud")
    bob = await join(client, ada, org, "bob@example.com")
    key = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "ci", "access": "READ_WRITE"}}, token=ada["token"]))["createApiKey"]
    assert (await submit(client, ada["token"], org)).json()["data"]["submitKyc"]["kycStatus"] == "PENDING"
    stored = await KycSubmission.get(organization_id=org)
    files = [Path(settings.kyc_dir) / stored.document_file, Path(settings.kyc_dir) / stored.selfie_file]
    assert all(path.exists() for path in files)

    asked = {"organizationId": org, "confirmName": "Acme Cloud"}
    assert error_code(await gql(client, DELETE_ORGANIZATION, {"i": asked}, token=bob["token"])) == "FORBIDDEN"
    assert error_code(await gql(client, DELETE_ORGANIZATION, {"i": asked}, token=key["secret"])) == "FORBIDDEN"
    typo = await gql(client, DELETE_ORGANIZATION, {"i": {**asked, "confirmName": "acme cloud"}}, token=ada["token"])
    assert error_code(typo) == "BAD_USER_INPUT" and typo["errors"][0]["extensions"]["field"] == "input.confirmName"
    assert "Acme Cloud" in typo["errors"][0]["message"]
    minutes_pass(10.1)
    assert error_code(await gql(client, DELETE_ORGANIZATION, {"i": asked}, token=ada["token"])) == "REAUTHENTICATION_REQUIRED"
    ok(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD}}, token=ada["token"]))
    assert ok(await gql(client, DELETE_ORGANIZATION, {"i": asked}, token=ada["token"]))["deleteOrganization"] is True

    assert not await Organization.filter(id=org).exists()
    assert not any(path.exists() for path in files)
    assert error_code(await gql(client, "query($id: ID!) { organization(id: $id) { name } }", {"id": org}, token=ada["token"])) == "NOT_FOUND"
    assert error_code(await gql(client, "query($id: ID!) { organization(id: $id) { name } }", {"id": org}, token=key["secret"])) == "UNAUTHENTICATED"
    # Recorded in the owner's own log, since the organization's went with it.
    events = ok(await gql(client, MY_EVENTS, token=ada["token"]))["me"]["auditEvents"]["edges"]
    deleted = next(e["node"] for e in events if e["node"]["kind"] == "ORGANIZATION_DELETED")
    assert deleted["details"] == {"organization": org, "name": "Acme Cloud", "members": 2}
    await messaging.deliver()
    for address in ("ada@example.com", "bob@example.com"):
        assert any(m["Subject"] == "The organization Acme Cloud was deleted" for m in messaging.inbox.to(address))


async def test_the_export_holds_what_is_known_about_you_and_no_secret(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"], "Acme")
    secret, codes = await enroll(client, ada["token"])
    ok(await gql(client, ADD_SSH_KEY, {"i": {"name": "laptop", "publicKey": public_line(ed25519.Ed25519PrivateKey.generate())}}, token=ada["token"]))
    key = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "ci", "access": "READ_ONLY"}}, token=ada["token"]))["createApiKey"]
    await log_in(client, "ada@example.com", "a wrong password")

    minutes_pass(10.1)
    assert error_code(await gql(client, EXPORT, token=ada["token"])) == "REAUTHENTICATION_REQUIRED"
    next_step()
    ok(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD, "code": code_now(secret)}}, token=ada["token"]))
    document = ok(await gql(client, EXPORT, token=ada["token"]))["exportMyData"]

    assert document["profile"]["email"] == "ada@example.com" and document["profile"]["mfaEnabled"] is True
    assert document["memberships"] == [{"organizationId": org, "organizationName": "Acme", "role": "OWNER", "since": document["memberships"][0]["since"]}]
    assert document["secondFactors"]["backupCodesRemaining"] == 10
    assert [k["name"] for k in document["sshKeys"]] == ["laptop"]
    assert [(k["name"], k["prefix"]) for k in document["apiKeysCreated"]] == [("ci", key["apiKey"]["prefix"])]
    assert [a["succeeded"] for a in document["loginAttempts"]].count(False) == 1
    assert {"ORGANIZATION_CREATED", "MFA_ENABLED", "SSH_KEY_ADDED", "API_KEY_CREATED"} <= {e["kind"] for e in document["auditEvents"]}
    assert any(s["ipAddress"] == "203.0.113.7" for s in document["sessions"])
    text = json.dumps(document)
    user = await User.get(email="ada@example.com")
    totp_row = await TotpCredential.get(user_id=user.id)
    for secret_text in (user.password_hash, secret, totp_row.secret_encrypted, key["secret"], *codes):
        assert secret_text not in text

    kinds = [e["node"]["kind"] for e in ok(await gql(client, MY_EVENTS, token=ada["token"]))["me"]["auditEvents"]["edges"]]
    assert kinds[0] == "DATA_EXPORTED"
    for _ in range(4):
        ok(await gql(client, EXPORT, token=ada["token"]))
    assert error_code(await gql(client, EXPORT, token=ada["token"])) == "RATE_LIMITED"



async def test_two_owners_deleting_their_accounts_at_once_leave_one_owner(client):
    """Each sees another owner before it locks; under the organization's lock one of them
    must find itself the last."""
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    carol = await join(client, ada, org, "carol@example.com")
    ok(await gql(client, CHANGE_ROLE, {"input": {"organizationId": org, "userId": carol["user_id"], "role": "OWNER"}}, token=ada["token"]))
    results = await asyncio.gather(*(
        gql(client, DELETE_ACCOUNT, {"i": {"password": PASSWORD}}, token=account["token"]) for account in (ada, carol)
    ))
    outcomes = sorted("ok" if not r.get("errors") else r["errors"][0]["extensions"]["code"] for r in results)
    assert outcomes == ["CONFLICT", "ok"]
    assert await Membership.filter(organization_id=org, role="OWNER").count() == 1
