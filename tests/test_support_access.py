from datetime import timedelta

from accountql import clock
from accountql.models import AuditEvent, User
from tests.api import error_code, gql, log_in, nodes, ok, sign_up
from tests.test_api_keys import ADD_CONTACT, CREATE_KEY
from tests.test_organizations import ORGANIZATION, create_org, invite

GRANT = "mutation($i: GrantSupportAccessInput!) { grantSupportAccess(input: $i) { id reason expiresAt active } }"
REVOKE = "mutation($id: ID!) { revokeSupportAccess(input: {id: $id}) { id active revokedAt } }"


async def staff_member(client, email="sam@staff.example") -> dict:
    account = await sign_up(client, email)
    await User.filter(email=email).update(is_staff=True)  # as `accountql staff grant` does
    return account


async def test_staff_act_as_a_manager_only_while_a_grant_is_active(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    sam = await staff_member(client)
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=sam["token"])) == "NOT_FOUND"
    grant = ok(await gql(client, GRANT, {"i": {"organizationId": org, "reason": "TROUBLESHOOTING", "hours": 2}}, token=ada["token"]))["grantSupportAccess"]
    assert grant["active"] is True and grant["reason"] == "TROUBLESHOOTING"
    ok(await gql(client, ORGANIZATION, {"id": org}, token=sam["token"]))
    reserve = "mutation($i: ReserveQuotaInput!) { reserveQuota(input: $i) { used } }"
    ok(await gql(client, reserve, {"i": {"organizationId": org, "product": "instances", "resource": "GP1-S"}}, token=sam["token"]))
    # As a MANAGER: no member management; and nothing that would outlive the grant.
    assert error_code(await invite(client, sam["token"], org, "x@example.com")) == "FORBIDDEN"
    contact = {"i": {"organizationId": org, "email": "sam@staff.example", "roles": ["PRIMARY"]}}
    assert error_code(await gql(client, ADD_CONTACT, contact, token=sam["token"])) == "FORBIDDEN"
    key = {"i": {"organizationId": org, "name": "mine", "access": "READ_WRITE"}}
    assert error_code(await gql(client, CREATE_KEY, key, token=sam["token"])) == "FORBIDDEN"
    # Marked as support, in the audit log and on the session.
    victim = await sign_up(client, "victim@example.net")
    ok(await gql(client, "mutation($i: ReportAbuseInput!) { reportAbuse(input: $i) }", {"i": {"organizationId": org, "resourceKind": "instance", "resourceId": "i-1", "reason": "SPAM", "details": "spam"}}, token=victim["token"]))
    cases = ok(await gql(client, "query($id: ID!) { organization(id: $id) { abuseCases { edges { node { id } } } } }", {"id": org}, token=sam["token"]))
    case_id = cases["organization"]["abuseCases"]["edges"][0]["node"]["id"]
    ok(await gql(client, "mutation($i: AnswerAbuseCaseInput!) { answerAbuseCase(input: $i) { id } }", {"i": {"id": case_id, "answer": "Support cleaned it."}}, token=sam["token"]))
    event = await AuditEvent.get(kind="ABUSE_CASE_ANSWERED")
    assert event.support is True and event.actor_user_id is not None
    sessions = nodes(ok(await gql(client, "{ me { sessions { edges { node { current support } } } } }", token=sam["token"]))["me"]["sessions"])
    assert {"current": True, "support": True} in sessions
    # After expiry: an outsider again.
    clock.travel(timedelta(hours=2, seconds=1))
    fresh = ok(await log_in(client, "sam@staff.example"))["logIn"]["token"]
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=fresh)) == "NOT_FOUND"


async def test_a_grant_can_be_revoked_at_once_and_is_bounded(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    sam = await staff_member(client)
    too_long = await gql(client, GRANT, {"i": {"organizationId": org, "reason": "TRAINING", "hours": 25}}, token=ada["token"])
    assert error_code(too_long) == "BAD_USER_INPUT" and too_long["errors"][0]["extensions"]["field"] == "input.hours"
    grant = ok(await gql(client, GRANT, {"i": {"organizationId": org, "reason": "SECURITY_CHECK"}}, token=ada["token"]))["grantSupportAccess"]
    ok(await gql(client, ORGANIZATION, {"id": org}, token=sam["token"]))
    revoked = ok(await gql(client, REVOKE, {"id": grant["id"]}, token=ada["token"]))["revokeSupportAccess"]
    assert revoked["active"] is False and revoked["revokedAt"] is not None
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=sam["token"])) == "NOT_FOUND"
    kinds = await AuditEvent.filter(organization_id=org).values_list("kind", flat=True)
    assert {"SUPPORT_ACCESS_GRANTED", "SUPPORT_ACCESS_REVOKED"} <= set(kinds)


async def test_only_owners_grant_and_non_staff_gain_nothing(client):
    from tests.test_organizations import join

    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    assert error_code(await gql(client, GRANT, {"i": {"organizationId": org, "reason": "TRAINING"}}, token=bob["token"])) == "FORBIDDEN"
    ok(await gql(client, GRANT, {"i": {"organizationId": org, "reason": "TRAINING"}}, token=ada["token"]))
    eve = await sign_up(client, "eve@example.com")
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=eve["token"])) == "NOT_FOUND"
