import asyncio

from accountql.models import User
from tests.api import error_code, gql, ok, sign_up
from tests.test_api_keys import CREATE_KEY
from tests.test_organizations import create_org, join

QUOTAS = "query($id: ID!) { organization(id: $id) { quotas { product resource limit used } } }"
RESERVE = "mutation($i: ReserveQuotaInput!) { reserveQuota(input: $i) { product resource limit used } }"
RELEASE = "mutation($i: ReleaseQuotaInput!) { releaseQuota(input: $i) { used } }"
SET_LIMIT = "mutation($i: SetQuotaLimitInput!) { setQuotaLimit(input: $i) { limit used } }"
PLAN = "mutation($i: ChangeSupportPlanInput!) { changeSupportPlan(input: $i) { supportPlan supportResponseMinutes } }"


def amount(org, n=1, product="instances", resource="GP1-L"):
    return {"i": {"organizationId": org, "product": product, "resource": resource, "amount": n}}


async def test_quotas_show_defaults_and_usage(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    quotas = ok(await gql(client, QUOTAS, {"id": org}, token=ada["token"]))["organization"]["quotas"]
    assert {"product": "instances", "resource": "GP1-L", "limit": 2, "used": 0} in quotas
    ok(await gql(client, RESERVE, amount(org), token=ada["token"]))
    quotas = ok(await gql(client, QUOTAS, {"id": org}, token=ada["token"]))["organization"]["quotas"]
    assert {"product": "instances", "resource": "GP1-L", "limit": 2, "used": 1} in quotas


async def test_reserve_and_release_with_a_read_write_key(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    rw = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "compute", "access": "READ_WRITE"}}, token=ada["token"]))["createApiKey"]["secret"]
    ro = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "viewer"}}, token=ada["token"]))["createApiKey"]["secret"]
    assert ok(await gql(client, RESERVE, amount(org, 2), token=rw))["reserveQuota"]["used"] == 2
    exceeded = await gql(client, RESERVE, amount(org), token=rw)
    assert error_code(exceeded) == "QUOTA_EXCEEDED"
    assert exceeded["errors"][0]["extensions"]["limit"] == 2
    assert error_code(await gql(client, RESERVE, amount(org), token=ro)) == "FORBIDDEN"
    assert ok(await gql(client, RELEASE, amount(org), token=rw))["releaseQuota"]["used"] == 1
    assert error_code(await gql(client, RELEASE, amount(org, 5), token=rw)) == "BAD_USER_INPUT"
    assert error_code(await gql(client, RESERVE, amount(org, 0), token=rw)) == "BAD_USER_INPUT"
    assert error_code(await gql(client, RESERVE, amount(org, product="nope"), token=rw)) == "NOT_FOUND"


async def test_concurrent_reservations_never_exceed_the_limit(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    results = await asyncio.gather(*[gql(client, RESERVE, amount(org, resource="GP1-S"), token=ada["token"]) for _ in range(25)])
    succeeded = [r for r in results if not r.get("errors")]
    assert len(succeeded) == 10
    assert {error_code(r) for r in results if r.get("errors")} == {"QUOTA_EXCEEDED"}
    quotas = ok(await gql(client, QUOTAS, {"id": org}, token=ada["token"]))["organization"]["quotas"]
    assert {"product": "instances", "resource": "GP1-S", "limit": 10, "used": 10} in quotas


async def test_staff_override_a_limit(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    assert error_code(await gql(client, SET_LIMIT, {"i": {"organizationId": org, "product": "instances", "resource": "GP1-L", "limit": 50}}, token=ada["token"])) == "FORBIDDEN"
    sam = await sign_up(client, "sam@staff.example")
    await User.filter(email="sam@staff.example").update(is_staff=True)
    raised = ok(await gql(client, SET_LIMIT, {"i": {"organizationId": org, "product": "instances", "resource": "GP1-L", "limit": 50}}, token=sam["token"]))
    assert raised["setQuotaLimit"] == {"limit": 50, "used": 0}
    for _ in range(3):
        ok(await gql(client, RESERVE, amount(org), token=ada["token"]))


async def test_owners_change_the_support_plan(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    plan = ok(await gql(client, "query($id: ID!) { organization(id: $id) { supportPlan supportResponseMinutes } }", {"id": org}, token=ada["token"]))
    assert plan["organization"] == {"supportPlan": "BASIC", "supportResponseMinutes": 1440}
    changed = ok(await gql(client, PLAN, {"i": {"organizationId": org, "plan": "GOLD"}}, token=ada["token"]))["changeSupportPlan"]
    assert changed == {"supportPlan": "GOLD", "supportResponseMinutes": 60}
    assert error_code(await gql(client, PLAN, {"i": {"organizationId": org, "plan": "PLATINUM"}}, token=bob["token"])) == "FORBIDDEN"


async def test_plan_and_limit_changes_are_audited(client):
    from accountql.models import AuditEvent

    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    ok(await gql(client, PLAN, {"i": {"organizationId": org, "plan": "SILVER"}}, token=ada["token"]))
    sam = await sign_up(client, "sam@staff.example")
    await User.filter(email="sam@staff.example").update(is_staff=True)
    ok(await gql(client, SET_LIMIT, {"i": {"organizationId": org, "product": "ips", "resource": "flexible", "limit": 9}}, token=sam["token"]))
    kinds = set(await AuditEvent.filter(organization_id=org).values_list("kind", flat=True))
    assert {"SUPPORT_PLAN_CHANGED", "QUOTA_LIMIT_SET"} <= kinds
