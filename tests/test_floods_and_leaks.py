"""No unbounded oracles or floods, and no rule that leaks around its check: abuse reports,
per-challenge code limits under a race, MFA enforcement on every path to an
organization's data, API keys that outlive their creator's membership, contacts that stay
behind an e-mail change."""

from __future__ import annotations

import asyncio

from accountql.models import (
    AbuseReport,
    ApiKey,
    AuditEvent,
    OneTimeToken,
    OutboxMessage,
)
from tests.api import confirm_contact, error_code, gql, log_in, nodes, ok, sign_up
from tests.mfa_helpers import challenge, enroll, verify
from tests.test_api_keys import ADD_CONTACT, CREATE_KEY
from tests.test_organizations import LEAVE, REMOVE, create_org, join

REPORT = "mutation($i: ReportAbuseInput!) { reportAbuse(input: $i) }"


def report(org: str, details: str = "It sends spam.", resource: str = "i-1") -> dict:
    return {"i": {"organizationId": org, "resourceKind": "instance", "resourceId": resource, "reason": "SPAM", "details": details}}


async def test_a_request_full_of_aliased_reports_is_limited_and_mails_once(client, settings):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": "abuse@example.com", "roles": ["ABUSE"]}}, token=ada["token"]))
    await confirm_contact(client, "abuse@example.com")
    mallory = await sign_up(client, "mallory@example.com")
    aliases = " ".join(
        f'r{n}: reportAbuse(input: {{organizationId: "{org}", resourceKind: "instance", resourceId: "i-1", '
        f'reason: SPAM, details: "report {n}"}})'
        for n in range(settings.max_aliases)
    )
    result = await gql(client, f"mutation {{ {aliases} }}", token=mallory["token"])
    # The eleventh report is refused (and, its field being non-null, ends the operation).
    assert [e["extensions"]["code"] for e in result["errors"]] == ["RATE_LIMITED"]
    assert result["errors"][0]["path"] == [f"r{settings.abuse_reports_per_reporter}"]
    assert await AbuseReport.all().count() == settings.abuse_reports_per_reporter
    again = await gql(client, REPORT, report(org), token=mallory["token"])
    assert error_code(again) == "RATE_LIMITED"
    # One case, so one e-mail to each of its recipients, however many reports joined it.
    told = sorted(await OutboxMessage.filter(kind="abuse_report").values_list("recipient", flat=True))
    assert told == ["abuse@example.com", "ada@example.com"]
    long = await gql(client, REPORT, report(org, "x" * 2001), token=ada["token"])
    assert error_code(long) == "BAD_USER_INPUT"


async def test_reports_against_one_organization_are_limited_whoever_sends_them(client, settings):
    from dataclasses import replace

    from tests.conftest import make_client

    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    async with make_client(replace(settings, abuse_reports_per_organization=3)) as strict:
        outcomes = []
        for n in range(5):
            reporter = await sign_up(strict, f"r{n}@example.com")
            outcomes.append(await gql(strict, REPORT, report(org, resource=f"i-{n}"), token=reporter["token"]))
    codes = ["ok" if not r.get("errors") else error_code(r) for r in outcomes]
    assert codes == ["ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]


async def test_parallel_wrong_codes_cannot_overshoot_one_challenge(client, settings):
    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    token = await challenge(client, "ada@example.com")
    results = await asyncio.gather(*[verify(client, token, f"{n:06d}") for n in range(30)])
    codes = [error_code(r) for r in results]
    # Five tries for this login, however many arrive at once.
    assert codes.count("INVALID_CODE") == 5, codes
    assert codes.count("RATE_LIMITED") == 25


async def test_parallel_wrong_sms_codes_are_counted_once_each(client, messaging):
    from tests.test_phone_and_sms import NUMBER, VERIFY_PHONE

    ada = await sign_up(client, "ada@example.com")
    ok(await gql(client, "mutation($n: String!) { setPhoneNumber(input: {phoneNumber: $n}) }", {"n": NUMBER}, token=ada["token"]))
    await messaging.deliver()
    right = messaging.sms.last_code(NUMBER)
    wrong = [f"{n:06d}" for n in range(40) if f"{n:06d}" != right][:30]
    results = await asyncio.gather(*[gql(client, VERIFY_PHONE, {"c": code}, token=ada["token"]) for code in wrong])
    judged = [r for r in results if "tries left" in r["errors"][0]["message"] or "now used up" in r["errors"][0]["message"]]
    assert len(judged) == 5  # five guesses were compared; the rest found no tries left
    row = await OneTimeToken.get(purpose="PHONE_VERIFICATION")
    assert row.failures == 5
    assert error_code(await gql(client, VERIFY_PHONE, {"c": right}, token=ada["token"])) == "INVALID_CODE"


def every_field(schema: dict, type_name: str, depth: int, seen: tuple = ()) -> str:
    """A selection of every field of a type without required arguments, to `depth`."""
    types = {t["name"]: t for t in schema["types"]}
    parts = []
    for field in types[type_name]["fields"]:
        if any(arg["type"]["kind"] == "NON_NULL" for arg in field["args"]):
            continue
        named = field["type"]
        while named.get("ofType"):
            named = named["ofType"]
        kind = types[named["name"]]["kind"]
        if kind in ("SCALAR", "ENUM"):
            parts.append(field["name"])
        elif depth > 0 and kind == "OBJECT" and named["name"] not in seen:
            parts.append(f'{field["name"]} {{ {every_field(schema, named["name"], depth - 1, (*seen, type_name))} }}')
        elif depth > 0 and kind == "UNION":
            continue
    return " ".join(parts) or "__typename"


INTROSPECT = """{ __schema { types { name kind fields { name args { type { kind } }
  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }"""


async def test_enforcement_holds_on_every_path_from_me(client, settings):
    from dataclasses import replace

    from tests.conftest import make_client
    from tests.test_mfa_enforcement import enforce

    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    ok(await enforce(client, ada["token"], org))
    schema = ok(await gql(client, INTROSPECT))["__schema"]
    document = "{ me { " + every_field(schema, "User", depth=4) + " } }"
    async with make_client(replace(settings, max_query_cost=100_000, max_query_depth=20, max_query_tokens=20_000, max_query_bytes=200_000)) as roomy:
        result = await gql(roomy, document, token=bob["token"])
    organizations = [m["organization"] for m in nodes(result["data"]["me"]["memberships"])]
    assert len(organizations) == 1
    visible = {name: value for name, value in organizations[0].items() if value is not None}
    # The blocked view: which organization, and why (what counts as MFA there); nothing of its data.
    assert set(visible) <= {"id", "name", "mfaEnforced", "mfaGraceUntil", "mfaLevel"}, visible
    assert visible["mfaEnforced"] is True
    blocked = {tuple(e["path"]) for e in result["errors"] if e["extensions"]["code"] == "MFA_REQUIRED"}
    assert any("kycStatus" in path for path in blocked) and any("supportPlan" in path for path in blocked)
    assert {e["extensions"]["code"] for e in result["errors"]} == {"MFA_REQUIRED"}


async def test_an_api_key_dies_with_the_membership_that_made_it(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    for leaving in ("removed", "left"):
        bob = await join(client, ada, org, f"bob-{leaving}@example.com")
        key = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": f"bob's {leaving}"}}, token=bob["token"]))["createApiKey"]
        ok(await gql(client, "query($id: ID!) { organization(id: $id) { id } }", {"id": org}, token=key["secret"]))
        if leaving == "removed":
            ok(await gql(client, REMOVE, {"input": {"organizationId": org, "userId": bob["user_id"]}}, token=ada["token"]))
        else:
            ok(await gql(client, LEAVE, {"id": org}, token=bob["token"]))
        answer = await gql(client, "query($id: ID!) { organization(id: $id) { id } }", {"id": org}, token=key["secret"])
        assert error_code(answer) == "UNAUTHENTICATED"
        assert (await ApiKey.get(id=key["apiKey"]["id"])).revoked_at is not None
        event = await AuditEvent.filter(kind="API_KEY_REVOKED", organization_id=org).order_by("-at").first()
        assert event.details["reason"] == f"its creator {leaving} the organization"


async def test_a_primary_contact_follows_its_owner_s_new_address(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    ok(await gql(client, "mutation($i: ChangeEmailInput!) { changeEmail(input: $i) }", {"i": {"newEmail": "ada@new.example"}}, token=ada["token"]))
    await messaging.deliver()
    ok(await gql(client, "mutation($t: String!) { confirmEmailChange(input: {token: $t}) { id } }", {"t": messaging.inbox.last_token("ada@new.example")}))
    session = ok(await log_in(client, "ada@new.example"))["logIn"]["token"]
    contacts = ok(await gql(client, "query($id: ID!) { organization(id: $id) { contacts { edges { node { email roles confirmed } } } } }", {"id": org}, token=session))
    assert nodes(contacts["organization"]["contacts"]) == [{"email": "ada@new.example", "roles": ["PRIMARY"], "confirmed": True}]


async def test_a_blocked_member_reads_who_blocks_them_through_organization_too(client):
    from tests.test_mfa_enforcement import enforce

    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    ok(await enforce(client, ada["token"], org))
    query = "query($id: ID!) { organization(id: $id) { id name mfaEnforced kycStatus members { totalCount } } }"
    result = await gql(client, query, {"id": org}, token=bob["token"])
    assert result["data"]["organization"] == {"id": org, "name": "Acme", "mfaEnforced": True, "kycStatus": None, "members": None}
    assert {e["extensions"]["code"] for e in result["errors"]} == {"MFA_REQUIRED"}
    # An outsider still learns nothing, not even that it exists.
    eve = await sign_up(client, "eve@example.com")
    assert error_code(await gql(client, query, {"id": org}, token=eve["token"])) == "NOT_FOUND"
