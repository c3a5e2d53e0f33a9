import asyncio
from datetime import timedelta

from accountql import clock
from accountql.models import OutboxMessage, User
from tests.api import confirm_contact, error_code, gql, log_in, nodes, ok, sign_up
from tests.test_api_keys import ADD_CONTACT
from tests.test_organizations import create_org, join

REPORT = "mutation($i: ReportAbuseInput!) { reportAbuse(input: $i) }"
CASES = """query($id: ID!) { organization(id: $id) { abuseCases { edges { node {
  id reason resourceKind resourceId answer resolvedAt resolution
  reports { edges { node { details reporterEmail } } } } } } } }"""
ANSWER = "mutation($i: AnswerAbuseCaseInput!) { answerAbuseCase(input: $i) { answer answeredAt } }"
RESOLVE = "mutation($i: ResolveAbuseCaseInput!) { resolveAbuseCase(input: $i) { resolvedAt resolution } }"


def report(org, reason="SPAM", resource="i-123", details="sends spam to my mailbox"):
    return {"i": {"organizationId": org, "resourceKind": "instance", "resourceId": resource, "reason": reason, "details": details}}


async def cases(client, token, org) -> list[dict]:
    data = ok(await gql(client, CASES, {"id": org}, token=token))
    return [e["node"] for e in data["organization"]["abuseCases"]["edges"]]


async def setting(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    victim = await sign_up(client, "victim@example.net")
    return ada, org, victim


async def test_reports_of_one_resource_and_reason_join_one_case(client, settings):
    ada, org, victim = await setting(client)
    ok(await gql(client, REPORT, report(org), token=victim["token"]))
    ok(await gql(client, REPORT, report(org, details="again today"), token=victim["token"]))
    ok(await gql(client, REPORT, report(org, reason="PHISHING"), token=victim["token"]))
    ok(await gql(client, REPORT, report(org, resource="i-456"), token=victim["token"]))
    found = await cases(client, ada["token"], org)
    assert len(found) == 3
    spam = next(c for c in found if c["reason"] == "SPAM" and c["resourceId"] == "i-123")
    assert [r["node"]["details"] for r in spam["reports"]["edges"]] == ["sends spam to my mailbox", "again today"]
    assert {r["node"]["reporterEmail"] for r in spam["reports"]["edges"]} == {None}
    # After the grouping window, the same report opens a new case.
    clock.travel(timedelta(days=settings.abuse_case_window_days, minutes=1))
    fresh = ok(await log_in(client, "victim@example.net"))["logIn"]["token"]
    ok(await gql(client, REPORT, report(org), token=fresh))
    owner = ok(await log_in(client, "ada@example.com"))["logIn"]["token"]
    assert len(await cases(client, owner, org)) == 4


async def test_concurrent_reports_join_one_case(client):
    ada, org, victim = await setting(client)
    await asyncio.gather(*[gql(client, REPORT, report(org, details=f"report {n}"), token=victim["token"]) for n in range(5)])
    found = await cases(client, ada["token"], org)
    assert len(found) == 1 and len(found[0]["reports"]["edges"]) == 5


async def test_abuse_contacts_are_told(client):
    ada, org, victim = await setting(client)
    ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": "abuse@example.com", "roles": ["ABUSE"]}}, token=ada["token"]))
    ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": "bill@example.com", "roles": ["BILLING"]}}, token=ada["token"]))
    for address in ("abuse@example.com", "bill@example.com"):
        await confirm_contact(client, address)
    ok(await gql(client, REPORT, report(org), token=victim["token"]))
    told = sorted(await OutboxMessage.filter(kind="abuse_report").values_list("recipient", flat=True))
    assert told == ["abuse@example.com", "ada@example.com"]


async def test_members_answer_staff_resolve_outsiders_see_nothing(client):
    ada, org, victim = await setting(client)
    bob = await join(client, ada, org, "bob@example.com")
    ok(await gql(client, REPORT, report(org), token=victim["token"]))
    case = (await cases(client, bob["token"], org))[0]
    assert error_code(await gql(client, CASES, {"id": org}, token=victim["token"])) == "NOT_FOUND"
    assert error_code(await gql(client, ANSWER, {"i": {"id": case["id"], "answer": "x"}}, token=victim["token"])) == "NOT_FOUND"
    answered = ok(await gql(client, ANSWER, {"i": {"id": case["id"], "answer": "The instance was cleaned."}}, token=bob["token"]))
    assert answered["answerAbuseCase"]["answer"] == "The instance was cleaned."
    assert error_code(await gql(client, RESOLVE, {"i": {"id": case["id"], "resolution": "ok"}}, token=ada["token"])) == "FORBIDDEN"
    sam = await sign_up(client, "sam@staff.example")
    await User.filter(email="sam@staff.example").update(is_staff=True)
    resolved = ok(await gql(client, RESOLVE, {"i": {"id": case["id"], "resolution": "Confirmed cleaned."}}, token=sam["token"]))
    assert resolved["resolveAbuseCase"]["resolvedAt"] is not None
    assert error_code(await gql(client, RESOLVE, {"i": {"id": case["id"], "resolution": "again"}}, token=sam["token"])) == "CONFLICT"
    # A new report after resolution opens a new case.
    ok(await gql(client, REPORT, report(org), token=victim["token"]))
    assert len(await cases(client, ada["token"], org)) == 2


async def test_bad_reports_say_why(client):
    ada, org, victim = await setting(client)
    empty = await gql(client, REPORT, report(org, details="  "), token=victim["token"])
    assert error_code(empty) == "BAD_USER_INPUT" and empty["errors"][0]["extensions"]["field"] == "input.details"
    import uuid

    missing = await gql(client, REPORT, report(str(uuid.uuid4())), token=victim["token"])
    assert error_code(missing) == "NOT_FOUND"
    assert error_code(await gql(client, REPORT, report(org))) == "UNAUTHENTICATED"


async def test_abuse_events_are_audited(client):
    from accountql.models import AuditEvent

    ada, org, victim = await setting(client)
    ok(await gql(client, REPORT, report(org), token=victim["token"]))
    case = (await cases(client, ada["token"], org))[0]
    ok(await gql(client, ANSWER, {"i": {"id": case["id"], "answer": "Done."}}, token=ada["token"]))
    sam = await sign_up(client, "sam@staff.example")
    await User.filter(email="sam@staff.example").update(is_staff=True)
    ok(await gql(client, RESOLVE, {"i": {"id": case["id"], "resolution": "Closed."}}, token=sam["token"]))
    kinds = set(await AuditEvent.filter(organization_id=org).values_list("kind", flat=True))
    assert {"ABUSE_REPORTED", "ABUSE_CASE_ANSWERED", "ABUSE_CASE_RESOLVED"} <= kinds


async def test_staff_see_open_cases_and_who_reported(client):
    ada, org, victim = await setting(client)
    ok(await gql(client, REPORT, report(org), token=victim["token"]))
    query = "{ openAbuseCases { edges { node { id reports { edges { node { reporterEmail } } } } } } }"
    assert error_code(await gql(client, query, token=ada["token"])) == "FORBIDDEN"
    sam = await sign_up(client, "sam@staff.example")
    await User.filter(email="sam@staff.example").update(is_staff=True)
    found = nodes(ok(await gql(client, query, token=sam["token"]))["openAbuseCases"])
    assert found[0]["reports"]["edges"][0]["node"]["reporterEmail"] == "victim@example.net"
    # The reported organization never learns who reported.
    theirs = await cases(client, ada["token"], org)
    assert "victim" not in str(theirs)
