from dataclasses import replace
from datetime import timedelta

from accountql import clock
from accountql.delivery import Deliverer
from accountql.models import OutboxMessage, OutboxStatus
from tests.api import error_code, gql, ok, sign_up
from tests.conftest import make_client
from tests.mfa_helpers import BEGIN, CONFIRM, code_now, enroll
from tests.test_organizations import ORGANIZATION, create_org, join

ENFORCE = """mutation($input: SetMfaEnforcementInput!) {
  setMfaEnforcement(input: $input) { id mfaEnforced mfaGraceUntil } }"""
REMIND = "mutation($id: ID!) { sendMfaReminder(input: {organizationId: $id}) }"
MEMBERS = """query($id: ID!) { organization(id: $id) {
  members { edges { node { role user { email mfaEnabled } } } } } }"""
DISABLE = "mutation($input: DisableMfaInput!) { disableMfa(input: $input) { mfaEnabled } }"


async def enforce(client, token, org, enforced=True, grace=0):
    return await gql(client, ENFORCE, {"input": {"organizationId": org, "enforced": enforced, "gracePeriodDays": grace}}, token=token)


async def mails(kind: str) -> list[str]:
    return sorted(await OutboxMessage.filter(kind=kind).values_list("recipient", flat=True))


async def org_with_member(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    return ada, bob, org


async def test_only_owners_with_mfa_can_enforce(client):
    ada, bob, org = await org_with_member(client)
    assert error_code(await enforce(client, ada["token"], org)) == "FORBIDDEN"
    await enroll(client, bob["token"])
    assert error_code(await enforce(client, bob["token"], org)) == "FORBIDDEN"  # a manager
    await enroll(client, ada["token"])
    result = ok(await enforce(client, ada["token"], org))["setMfaEnforcement"]
    assert result["mfaEnforced"] is True and result["mfaGraceUntil"] is None
    eve = await sign_up(client, "eve@example.com")
    assert error_code(await enforce(client, eve["token"], org)) == "NOT_FOUND"


async def test_members_without_mfa_are_blocked_and_told(client):
    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    ok(await enforce(client, ada["token"], org))
    assert await mails("mfa_required") == ["bob@example.com"]
    blocked = await gql(client, ORGANIZATION, {"id": org}, token=bob["token"])
    assert error_code(blocked) == "MFA_REQUIRED"
    assert "Acme requires multi-factor authentication" in blocked["errors"][0]["message"]
    assert error_code(await gql(client, "mutation($id: ID!) { sendMfaReminder(input: {organizationId: $id}) }", {"id": org}, token=bob["token"])) == "MFA_REQUIRED"
    # Still allowed: me, enrolling, logging out.
    ok(await gql(client, "{ me { email memberships { edges { node { role } } } } }", token=bob["token"]))
    # Owners see who is not compliant.
    members = ok(await gql(client, MEMBERS, {"id": org}, token=ada["token"]))["organization"]["members"]["edges"]
    assert {m["node"]["user"]["email"]: m["node"]["user"]["mfaEnabled"] for m in members} == {
        "ada@example.com": True, "bob@example.com": False,
    }
    secret = ok(await gql(client, BEGIN, token=bob["token"]))["beginMfaEnrollment"]["secret"]
    ok(await gql(client, CONFIRM, {"code": code_now(secret)}, token=bob["token"]))
    ok(await gql(client, ORGANIZATION, {"id": org}, token=bob["token"]))
    assert ok(await gql(client, "mutation { logOut }", token=bob["token"]))["logOut"] is True


async def test_log_out_works_while_blocked(client):
    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    ok(await enforce(client, ada["token"], org))
    assert ok(await gql(client, "mutation { logOut }", token=bob["token"]))["logOut"] is True


async def test_a_member_of_an_enforcing_organization_cannot_disable_mfa(client):
    ada, bob, org = await org_with_member(client)
    secret, _ = await enroll(client, ada["token"])
    ok(await enforce(client, ada["token"], org))
    result = await gql(client, DISABLE, {"input": {"confirmation": "DISABLE"}}, token=ada["token"])
    assert error_code(result) == "CONFLICT"
    assert "Acme" in result["errors"][0]["message"]
    assert result["errors"][0]["extensions"]["organizations"] == ["Acme"]


async def test_turning_enforcement_off_tells_the_owners(client):
    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    ok(await enforce(client, ada["token"], org))
    result = ok(await enforce(client, ada["token"], org, enforced=False))["setMfaEnforcement"]
    assert result["mfaEnforced"] is False
    assert await mails("mfa_enforcement_off") == ["ada@example.com"]
    ok(await gql(client, ORGANIZATION, {"id": org}, token=bob["token"]))


async def test_grace_period_lets_members_work_then_blocks(client):
    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    result = ok(await enforce(client, ada["token"], org, grace=7))["setMfaEnforcement"]
    assert result["mfaGraceUntil"] is not None
    ok(await gql(client, ORGANIZATION, {"id": org}, token=bob["token"]))
    assert await mails("mfa_required") == ["bob@example.com"]
    assert ok(await gql(client, REMIND, {"id": org}, token=ada["token"]))["sendMfaReminder"] is True
    assert await mails("mfa_required") == ["bob@example.com", "bob@example.com"]
    clock.travel(timedelta(days=7, minutes=1))
    fresh = (await gql(client, "mutation($i: LogInInput!) { logIn(input: $i) { ... on AuthSession { token } } }",
                       {"i": {"email": "bob@example.com", "password": "correct horse battery staple"}}))["data"]["logIn"]["token"]
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=fresh)) == "MFA_REQUIRED"


async def test_grace_period_is_bounded(client):
    ada, _, org = await org_with_member(client)
    await enroll(client, ada["token"])
    result = await enforce(client, ada["token"], org, grace=365)
    assert error_code(result) == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["field"] == "input.gracePeriodDays"


async def test_reminder_needs_enforcement_on(client):
    ada, _, org = await org_with_member(client)
    assert error_code(await gql(client, REMIND, {"id": org}, token=ada["token"])) == "CONFLICT"


async def test_a_blocked_member_may_still_leave(client):
    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    ok(await enforce(client, ada["token"], org))
    assert ok(await gql(client, "mutation($id: ID!) { leaveOrganization(input: {organizationId: $id}) }", {"id": org}, token=bob["token"]))["leaveOrganization"]


async def test_instance_rule_requires_mfa_of_new_accounts(settings):
    strict = replace(settings, require_mfa=True)
    async with make_client(strict) as client:
        ada = await sign_up(client, "ada@example.com")
        create = 'mutation { createOrganization(input: {name: "Acme"}) { id } }'
        assert error_code(await gql(client, create, token=ada["token"])) == "MFA_REQUIRED"
        assert error_code(await gql(client, "{ myInvitations { edges { node { id } } } }", token=ada["token"])) == "MFA_REQUIRED"
        ok(await gql(client, "{ me { email mfaEnabled } }", token=ada["token"]))
        await enroll(client, ada["token"])
        ok(await gql(client, create, token=ada["token"]))
        assert ok(await gql(client, "mutation { logOut }", token=ada["token"]))["logOut"] is True


async def test_outbox_delivery_without_smtp_logs_and_marks_sent(client, caplog):
    caplog.set_level("INFO", logger="accountql.delivery")
    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    await Deliverer(None, "x").deliver_due()  # what came before (verification links, the invitation)
    ok(await enforce(client, ada["token"], org))
    assert await Deliverer(None, "AccountQL <no-reply@localhost>").deliver_due() == 1
    message = await OutboxMessage.get(kind="mfa_required")
    assert message.status == OutboxStatus.SENT and message.sent_at is not None
    assert "bob@example.com" in caplog.text and "Acme requires multi-factor authentication" in caplog.text
    assert await Deliverer(None, "x").deliver_due() == 0


async def test_a_member_joining_an_enforcing_organization_is_told(client):
    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    org = await create_org(client, ada["token"])
    ok(await enforce(client, ada["token"], org))
    await join(client, ada, org, "late@example.com")
    assert await mails("mfa_required") == ["late@example.com"]


async def test_reminders_are_limited(client):
    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    ok(await enforce(client, ada["token"], org, grace=7))
    for _ in range(3):
        ok(await gql(client, REMIND, {"id": org}, token=ada["token"]))
    assert error_code(await gql(client, REMIND, {"id": org}, token=ada["token"])) == "RATE_LIMITED"


async def test_a_last_reminder_goes_out_a_day_before_the_grace_period_ends(client):
    from accountql.domain.mfa_enforcement import send_last_calls

    ada, bob, org = await org_with_member(client)
    await enroll(client, ada["token"])
    ok(await enforce(client, ada["token"], org, grace=7))
    assert await mails("mfa_required") == ["bob@example.com"]
    assert await send_last_calls() == 0  # not yet
    clock.travel(timedelta(days=6, minutes=1))
    assert await send_last_calls() == 1
    assert await send_last_calls() == 0  # once
    assert await mails("mfa_required") == ["bob@example.com", "bob@example.com"]
