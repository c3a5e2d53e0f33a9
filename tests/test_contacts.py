from tests.api import confirm_contact, error_code, gql, nodes, ok, sign_up
from tests.test_organizations import create_org, join

CONTACTS = "query($id: ID!) { organization(id: $id) { contacts { edges { node { id email roles canLogIn } } } } }"
ADD = "mutation($i: AddContactInput!) { addContact(input: $i) { id email roles canLogIn } }"
UPDATE = "mutation($i: UpdateContactInput!) { updateContact(input: $i) { id email roles } }"
REMOVE = "mutation($id: ID!) { removeContact(input: {id: $id}) }"


async def test_the_creator_is_the_primary_contact(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    contacts = nodes(ok(await gql(client, CONTACTS, {"id": org}, token=ada["token"]))["organization"]["contacts"])
    assert [(c["email"], c["roles"], c["canLogIn"]) for c in contacts] == [("ada@example.com", ["PRIMARY"], True)]


async def test_contacts_are_added_updated_and_removed_by_members(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    added = ok(await gql(client, ADD, {"i": {"organizationId": org, "email": "Abuse@Example.com", "roles": ["ABUSE", "EMERGENCY", "ABUSE"]}}, token=bob["token"]))["addContact"]
    assert added == {"id": added["id"], "email": "abuse@example.com", "roles": ["ABUSE", "EMERGENCY"], "canLogIn": False}
    dup = await gql(client, ADD, {"i": {"organizationId": org, "email": "abuse@example.com", "roles": ["BILLING"]}}, token=ada["token"])
    assert error_code(dup) == "CONFLICT"
    assert error_code(await gql(client, ADD, {"i": {"organizationId": org, "email": "x@example.com", "roles": []}}, token=ada["token"])) == "BAD_USER_INPUT"
    updated = ok(await gql(client, UPDATE, {"i": {"id": added["id"], "roles": ["BILLING"]}}, token=ada["token"]))["updateContact"]
    assert updated["roles"] == ["BILLING"] and updated["email"] == "abuse@example.com"
    assert ok(await gql(client, REMOVE, {"id": added["id"]}, token=ada["token"]))["removeContact"] is True
    eve = await sign_up(client, "eve@example.com")
    assert error_code(await gql(client, REMOVE, {"id": added["id"]}, token=eve["token"])) == "NOT_FOUND"


async def test_there_is_always_a_primary_contact(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    primary = nodes(ok(await gql(client, CONTACTS, {"id": org}, token=ada["token"]))["organization"]["contacts"])[0]
    assert error_code(await gql(client, REMOVE, {"id": primary["id"]}, token=ada["token"])) == "CONFLICT"
    assert error_code(await gql(client, UPDATE, {"i": {"id": primary["id"], "roles": ["TECHNICAL"]}}, token=ada["token"])) == "CONFLICT"
    other = ok(await gql(client, ADD, {"i": {"organizationId": org, "email": "boss@example.com", "roles": ["PRIMARY"]}}, token=ada["token"]))["addContact"]
    ok(await gql(client, UPDATE, {"i": {"id": primary["id"], "roles": ["TECHNICAL"]}}, token=ada["token"]))
    assert error_code(await gql(client, REMOVE, {"id": other["id"]}, token=ada["token"])) == "CONFLICT"


async def test_notifications_are_routed_by_role(client):
    from accountql.domain.contacts import recipients
    from accountql.models import ContactRole

    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    for email, roles in [("tech@example.com", ["TECHNICAL"]), ("bill@example.com", ["BILLING"]),
                         ("abuse@example.com", ["ABUSE"]), ("both@example.com", ["ABUSE", "BILLING"])]:
        ok(await gql(client, ADD, {"i": {"organizationId": org, "email": email, "roles": roles}}, token=ada["token"]))
    # Nobody hears anything before confirming the address.
    assert await recipients(org, ContactRole.ABUSE) == ["ada@example.com"]
    for email in ("tech@example.com", "bill@example.com", "abuse@example.com", "both@example.com"):
        await confirm_contact(client, email)
    assert sorted(await recipients(org, ContactRole.ABUSE)) == ["abuse@example.com", "ada@example.com", "both@example.com"]
    assert sorted(await recipients(org, ContactRole.BILLING)) == ["ada@example.com", "bill@example.com", "both@example.com"]
    assert sorted(await recipients(org, ContactRole.EMERGENCY)) == ["ada@example.com"]


async def test_the_primary_rule_holds_under_concurrent_changes(client):
    import asyncio

    for round_ in range(3):
        ada = await sign_up(client, f"ada{round_}@example.com")
        org = await create_org(client, ada["token"])
        first = nodes(ok(await gql(client, CONTACTS, {"id": org}, token=ada["token"]))["organization"]["contacts"])[0]
        second = ok(await gql(client, ADD, {"i": {"organizationId": org, "email": f"boss{round_}@example.com", "roles": ["PRIMARY"]}}, token=ada["token"]))["addContact"]
        await asyncio.gather(
            gql(client, UPDATE, {"i": {"id": first["id"], "roles": ["TECHNICAL"]}}, token=ada["token"]),
            gql(client, UPDATE, {"i": {"id": second["id"], "roles": ["BILLING"]}}, token=ada["token"]),
            gql(client, UPDATE, {"i": {"id": second["id"], "email": f"boss{round_}@new.example"}}, token=ada["token"]),
        )
        contacts = nodes(ok(await gql(client, CONTACTS, {"id": org}, token=ada["token"]))["organization"]["contacts"])
        assert sum("PRIMARY" in c["roles"] for c in contacts) >= 1, contacts


async def test_turning_enforcement_off_is_routed_to_owners_and_contacts(client):
    from accountql.models import OutboxMessage
    from tests.mfa_helpers import enroll
    from tests.test_mfa_enforcement import enforce

    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    org = await create_org(client, ada["token"])
    for email, roles in [("tech@example.com", ["TECHNICAL"]), ("bill@example.com", ["BILLING"])]:
        ok(await gql(client, ADD, {"i": {"organizationId": org, "email": email, "roles": roles}}, token=ada["token"]))
        await confirm_contact(client, email)
    ok(await enforce(client, ada["token"], org))
    ok(await enforce(client, ada["token"], org, enforced=False))
    recipients = sorted(await OutboxMessage.filter(kind="mfa_enforcement_off").values_list("recipient", flat=True))
    assert recipients == ["ada@example.com", "tech@example.com"]  # the owner once, though also PRIMARY


async def test_names_with_control_characters_are_refused(client):
    ada = await sign_up(client, "ada@example.com")
    result = await gql(client, 'mutation { createOrganization(input: {name: "Acme\\u0007"}) { id } }', token=ada["token"])
    assert error_code(result) == "BAD_USER_INPUT"
    response = await client.post(
        "/graphql",
        json={"query": "mutation($n: String!) { createOrganization(input: {name: $n}) { id } }", "variables": {"n": "A\x00B"}},
        headers={"Authorization": f"Bearer {ada['token']}"},
    )
    assert response.status_code == 400
