from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric import ed25519

from accountql import clock
from accountql.models import AuditKind
from tests.api import PASSWORD, confirm_contact, error_code, gql, log_in, ok, sign_up
from tests.mfa_helpers import enroll
from tests.test_api_keys import ADD_CONTACT, CREATE_KEY, REVOKE_KEY
from tests.test_organizations import (
    CANCEL,
    CHANGE_ROLE,
    LEAVE,
    REMOVE,
    create_org,
    invite,
    join,
)
from tests.test_ssh_keys import public_line

ORGANIZATION_KINDS = {
    "ORGANIZATION_CREATED", "MEMBER_INVITED", "MEMBER_JOINED", "INVITATION_CANCELLED", "ROLE_CHANGED",
    "MEMBER_REMOVED", "MEMBER_LEFT", "MFA_ENFORCEMENT_CHANGED", "API_KEY_CREATED", "CONTACT_ADDED",
    "CONTACT_UPDATED", "CONTACT_REMOVED", "API_KEY_REVOKED", "CONTACT_CONFIRMED", "ORGANIZATION_RENAMED",
}
ACCOUNT_KINDS = {
    "LOGIN_SUCCEEDED", "LOGIN_FAILED", "SESSION_REVOKED", "MFA_ENABLED", "BACKUP_CODES_REGENERATED",
    "MFA_DISABLED", "SSH_KEY_ADDED", "SSH_KEY_DELETED", "PHONE_NUMBER_VERIFIED", "PHONE_NUMBER_REMOVED",
    "EMAIL_CHANGED", "PASSWORD_CHANGED", "PASSWORD_RESET", "LOGIN_NOTIFICATIONS_CHANGED",
    "EMAIL_VERIFIED", "REAUTHENTICATED", "PROFILE_UPDATED",
}
# Asserted by tests/test_staff_cli.py.
STAFF_KINDS = {"STAFF_GRANTED", "STAFF_REVOKED", "MFA_RESET_BY_STAFF", "EMAIL_CHANGED_BY_STAFF"}
# Asserted by tests/test_support_access.py.
SUPPORT_KINDS = {"SUPPORT_ACCESS_GRANTED", "SUPPORT_ACCESS_REVOKED"}
# Asserted by tests/test_quotas_and_plans.py.
QUOTA_KINDS = {"SUPPORT_PLAN_CHANGED", "QUOTA_LIMIT_SET"}
# Asserted by tests/test_abuse.py.
ABUSE_KINDS = {"ABUSE_REPORTED", "ABUSE_CASE_ANSWERED", "ABUSE_CASE_RESOLVED"}
# Asserted by tests/test_kyc.py.
KYC_KINDS = {"KYC_SUBMITTED", "KYC_APPROVED", "KYC_REJECTED", "KYC_DOCUMENT_VIEWED"}
# Asserted by tests/test_account_deletion.py.
from tests.test_account_deletion import LIFECYCLE_KINDS  # noqa: E402

# Asserted by tests/test_passkey_management.py.
from tests.test_passkey_management import PASSKEY_KINDS  # noqa: E402

ORG_EVENTS = """query($id: ID!, $kinds: [AuditKind!], $since: DateTime, $until: DateTime, $first: Int, $after: String) {
  organization(id: $id) { auditEvents(kinds: $kinds, since: $since, until: $until, first: $first, after: $after) {
    edges { node { kind at ipAddress actor { email } subject { email } actorApiKeyPrefix details } }
    pageInfo { hasNextPage endCursor } } } }"""
MY_EVENTS = """query($kinds: [AuditKind!]) { me { auditEvents(kinds: $kinds, first: 100) {
  edges { node { kind ipAddress actor { email } subject { email } details } } } } }"""


async def org_kinds(client, token, org) -> list[str]:
    data = ok(await gql(client, ORG_EVENTS, {"id": org, "first": 100}, token=token))
    return [e["node"]["kind"] for e in data["organization"]["auditEvents"]["edges"]]


async def my_kinds(client, token) -> list[str]:
    data = ok(await gql(client, MY_EVENTS, token=token))
    return [e["node"]["kind"] for e in data["me"]["auditEvents"]["edges"]]


async def test_every_organization_event_kind_lands_in_the_log(client):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    carol = await join(client, ada, org, "carol@example.com")
    pending = ok(await invite(client, ada["token"], org, "dan@example.com"))["inviteMember"]
    ok(await gql(client, CANCEL, {"id": pending["id"]}, token=ada["token"]))
    ok(await gql(client, CHANGE_ROLE, {"input": {"organizationId": org, "userId": bob["user_id"], "role": "OWNER"}}, token=ada["token"]))
    ok(await gql(client, REMOVE, {"input": {"organizationId": org, "userId": carol["user_id"]}}, token=ada["token"]))
    ok(await gql(client, CHANGE_ROLE, {"input": {"organizationId": org, "userId": bob["user_id"], "role": "MANAGER"}}, token=bob["token"]))
    ok(await gql(client, LEAVE, {"id": org}, token=bob["token"]))
    enforce = "mutation($i: SetMfaEnforcementInput!) { setMfaEnforcement(input: $i) { id } }"
    ok(await gql(client, enforce, {"i": {"organizationId": org, "enforced": True}}, token=ada["token"]))
    key = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "ci", "access": "READ_WRITE"}}, token=ada["token"]))["createApiKey"]
    added = ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": "ops@example.com", "roles": ["TECHNICAL"]}}, token=key["secret"]))["addContact"]
    await confirm_contact(client, "ops@example.com")
    ok(await gql(client, "mutation($i: UpdateContactInput!) { updateContact(input: $i) { id } }", {"i": {"id": added["id"], "roles": ["ABUSE"]}}, token=ada["token"]))
    ok(await gql(client, "mutation($id: ID!) { removeContact(input: {id: $id}) }", {"id": added["id"]}, token=ada["token"]))
    ok(await gql(client, REVOKE_KEY, {"id": key["apiKey"]["id"]}, token=ada["token"]))
    rename = "mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { name } }"
    assert ok(await gql(client, rename, {"i": {"organizationId": org, "name": "Acme Corp"}}, token=ada["token"]))["renameOrganization"]["name"] == "Acme Corp"

    kinds = await org_kinds(client, ada["token"], org)
    assert set(kinds) == ORGANIZATION_KINDS
    assert kinds[0] == "ORGANIZATION_RENAMED"  # newest first
    events = ok(await gql(client, ORG_EVENTS, {"id": org, "kinds": ["CONTACT_ADDED", "ROLE_CHANGED"]}, token=ada["token"]))
    nodes = [e["node"] for e in events["organization"]["auditEvents"]["edges"]]
    by_key = next(n for n in nodes if n["kind"] == "CONTACT_ADDED")
    assert by_key["actorApiKeyPrefix"] == key["apiKey"]["prefix"] and by_key["actor"] is None
    assert by_key["ipAddress"] == "203.0.113.7"
    promoted = [n for n in nodes if n["kind"] == "ROLE_CHANGED"][-1]
    assert promoted["actor"] == {"email": "ada@example.com"} and promoted["subject"] == {"email": "bob@example.com"}
    assert promoted["details"] == {"previous": "MANAGER", "role": "OWNER"}


async def test_account_events_land_in_my_log(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    await log_in(client, "ada@example.com", "a wrong password here")
    again = ok(await log_in(client, "ada@example.com"))["logIn"]
    ok(await gql(client, "mutation($id: ID!) { revokeSession(input: {id: $id}) }", {"id": again["session"]["id"]}, token=ada["token"]))
    secret, _ = await enroll(client, ada["token"])
    ok(await gql(client, "mutation { regenerateBackupCodes { codes } }", token=ada["token"]))
    clock.travel(timedelta(seconds=30))
    ok(await gql(client, "mutation($i: DisableMfaInput!) { disableMfa(input: $i) { id } }", {"i": {"confirmation": "DISABLE"}}, token=ada["token"]))
    line = public_line(ed25519.Ed25519PrivateKey.generate())
    key = ok(await gql(client, "mutation($i: AddSshKeyInput!) { addSshKey(input: $i) { id } }", {"i": {"name": "laptop", "publicKey": line}}, token=ada["token"]))["addSshKey"]
    ok(await gql(client, "mutation($id: ID!) { deleteSshKey(input: {id: $id}) }", {"id": key["id"]}, token=ada["token"]))
    ok(await gql(client, "mutation($n: String!) { setPhoneNumber(input: {phoneNumber: $n}) }", {"n": "+33612345678"}, token=ada["token"]))
    await messaging.deliver()
    ok(await gql(client, "mutation($c: String!) { verifyPhoneNumber(input: {code: $c}) { id } }", {"c": messaging.sms.last_code("+33612345678")}, token=ada["token"]))
    reauthenticate = "mutation($i: ReauthenticateInput!) { reauthenticate(input: $i) { id } }"
    ok(await gql(client, reauthenticate, {"i": {"password": PASSWORD}}, token=ada["token"]))
    profile = "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { name } }"
    assert ok(await gql(client, profile, {"i": {"name": "Ada L."}}, token=ada["token"]))["updateProfile"]["name"] == "Ada L."
    ok(await gql(client, "mutation($i: ChangeEmailInput!) { changeEmail(input: $i) }", {"i": {"newEmail": "ada@new.example"}}, token=ada["token"]))
    await messaging.deliver()
    ok(await gql(client, "mutation($t: String!) { confirmEmailChange(input: {token: $t}) { id } }", {"t": messaging.inbox.last_token("ada@new.example")}))
    ok(await gql(client, "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }", {"i": {"currentPassword": PASSWORD, "newPassword": "my second passphrase"}}, token=ada["token"]))
    ok(await gql(client, "mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }", {"i": {"email": "ada@new.example"}}))
    await messaging.deliver()
    ok(await gql(client, "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }", {"i": {"token": messaging.inbox.last_token("ada@new.example"), "newPassword": "my third passphrase"}}))
    token = ok(await log_in(client, "ada@new.example", "my third passphrase"))["logIn"]["token"]
    ok(await gql(client, "mutation { removePhoneNumber { id } }", token=token))
    ok(await gql(client, "mutation { setLoginNotifications(input: {enabled: true}) { id } }", token=token))
    kinds = await my_kinds(client, token)
    assert set(kinds) == ACCOUNT_KINDS
    failed = ok(await gql(client, MY_EVENTS, {"kinds": ["LOGIN_FAILED"]}, token=token))["me"]["auditEvents"]["edges"]
    assert failed[0]["node"]["subject"] == {"email": "ada@new.example"} and failed[0]["node"]["actor"] is None
    assert failed[0]["node"]["details"] == {"method": "PASSWORD", "second_factor": None}


async def test_every_kind_is_covered_by_these_tests():
    """The two scenarios above assert exactly these sets: a new kind fails here until one
    of them produces it."""
    covered = ORGANIZATION_KINDS | ACCOUNT_KINDS | STAFF_KINDS | SUPPORT_KINDS | QUOTA_KINDS | ABUSE_KINDS | KYC_KINDS | LIFECYCLE_KINDS | PASSKEY_KINDS
    assert covered == {kind.value for kind in AuditKind}


async def test_the_organization_log_is_for_owners_and_filters_by_time(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    start = clock.now()
    clock.travel(timedelta(minutes=10))
    bob = await join(client, ada, org, "bob@example.com")
    assert error_code(await gql(client, ORG_EVENTS, {"id": org}, token=bob["token"])) == "FORBIDDEN"
    early = ok(await gql(client, ORG_EVENTS, {"id": org, "until": (start + timedelta(minutes=1)).isoformat()}, token=ada["token"]))
    assert [e["node"]["kind"] for e in early["organization"]["auditEvents"]["edges"]] == ["ORGANIZATION_CREATED"]
    late = ok(await gql(client, ORG_EVENTS, {"id": org, "since": (start + timedelta(minutes=1)).isoformat()}, token=ada["token"]))
    assert [e["node"]["kind"] for e in late["organization"]["auditEvents"]["edges"]] == ["MEMBER_JOINED", "MEMBER_INVITED"]
    page = ok(await gql(client, ORG_EVENTS, {"id": org, "first": 1}, token=ada["token"]))["organization"]["auditEvents"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = ok(await gql(client, ORG_EVENTS, {"id": org, "first": 5, "after": page["pageInfo"]["endCursor"]}, token=ada["token"]))
    assert len(rest["organization"]["auditEvents"]["edges"]) == 2
    swapped = await gql(client, ORG_EVENTS, {"id": org, "since": clock.now().isoformat(), "until": start.isoformat()}, token=ada["token"])
    assert error_code(swapped) == "BAD_USER_INPUT"


async def test_my_log_hides_the_address_of_whoever_acted_on_me(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    ok(await gql(client, REMOVE, {"input": {"organizationId": org, "userId": bob["user_id"]}}, token=ada["token"]))
    events = ok(await gql(client, MY_EVENTS, {"kinds": ["MEMBER_REMOVED", "MEMBER_JOINED"]}, token=bob["token"]))
    nodes = {e["node"]["kind"]: e["node"] for e in events["me"]["auditEvents"]["edges"]}
    assert nodes["MEMBER_REMOVED"]["ipAddress"] is None and nodes["MEMBER_REMOVED"]["actor"] == {"email": "ada@example.com"}
    assert nodes["MEMBER_JOINED"]["ipAddress"] == "203.0.113.7"  # Bob's own act


async def test_dates_without_a_time_zone_are_refused(client):
    ada = await sign_up(client, "ada@example.com")
    result = await gql(client, "{ me { auditEvents(since: \"2026-01-01T00:00:00\") { edges { node { kind } } } } }", token=ada["token"])
    # Refused by the DateTime scalar itself (RFC 3339 needs the offset), before anything runs.
    assert error_code(result) == "BAD_USER_INPUT" and "no time zone" in result["errors"][0]["message"]
