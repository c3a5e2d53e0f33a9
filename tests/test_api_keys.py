from datetime import UTC, datetime, timedelta

from accountql import clock
from accountql.models import ApiKey, OutboxMessage
from tests.api import confirm_contact, error_code, gql, nodes, ok, sign_up
from tests.mfa_helpers import enroll
from tests.test_organizations import ORGANIZATION, create_org, invite, join

CREATE_KEY = """mutation($i: CreateApiKeyInput!) {
  createApiKey(input: $i) { secret apiKey { id name access prefix lastUsedAt expiresAt revokedAt } } }"""
REVOKE_KEY = "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { id revokedAt } }"
KEYS = "query($id: ID!) { organization(id: $id) { apiKeys { edges { node { id prefix lastUsedAt } } } } }"
ADD_CONTACT = """mutation($i: AddContactInput!) { addContact(input: $i) { id email roles canLogIn } }"""


async def owner_org_and_key(client, access="READ_ONLY", **extra):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    created = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "ci", "access": access, **extra}}, token=ada["token"]))
    return ada, org, created["createApiKey"]


async def test_the_secret_is_shown_once_and_only_its_hash_is_kept(client):
    ada, org, created = await owner_org_and_key(client)
    secret, key = created["secret"], created["apiKey"]
    assert secret.startswith("aqk_") and len(secret) >= 4 + 43
    assert key["prefix"] == secret[:12] and key["access"] == "READ_ONLY"
    row = await ApiKey.get(id=key["id"])
    assert secret not in (row.secret_hash, row.prefix) and len(row.secret_hash) == 64
    listed = nodes(ok(await gql(client, KEYS, {"id": org}, token=ada["token"]))["organization"]["apiKeys"])
    assert [k["prefix"] for k in listed] == [key["prefix"]]
    assert "secret" not in str(listed)


async def test_a_read_only_key_reads_its_organization_and_nothing_else(client):
    ada, org, created = await owner_org_and_key(client)
    secret = created["secret"]
    ok(await gql(client, ORGANIZATION, {"id": org}, token=secret))
    ok(await gql(client, ORGANIZATION, {"id": org}, headers={"X-Auth-Token": secret}))
    assert error_code(await gql(client, "{ me { id } }", token=secret)) == "FORBIDDEN"
    other = await create_org(client, ada["token"], "Other")
    assert error_code(await gql(client, ORGANIZATION, {"id": other}, token=secret)) == "NOT_FOUND"
    add = {"i": {"organizationId": org, "email": "ops@example.com", "roles": ["TECHNICAL"]}}
    assert error_code(await gql(client, ADD_CONTACT, add, token=secret)) == "FORBIDDEN"
    assert error_code(await invite(client, secret, org, "x@example.com")) == "FORBIDDEN"
    assert error_code(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "more"}}, token=secret)) == "FORBIDDEN"
    assert error_code(await gql(client, 'mutation { createOrganization(input: {name: "k"}) { id } }', token=secret)) == "FORBIDDEN"


async def test_a_read_only_key_cannot_hide_a_mutation(client):
    ada, org, created = await owner_org_and_key(client)
    secret = created["secret"]
    hidden = f"""mutation {{
      harmless: __typename
      sneaky: addContact(input: {{organizationId: "{org}", email: "evil@example.com", roles: [PRIMARY]}}) {{ id }}
    }}"""
    assert error_code(await gql(client, hidden, token=secret)) == "FORBIDDEN"
    two_operations = f"""query Look {{ organization(id: "{org}") {{ id }} }}
    mutation Change {{ addContact(input: {{organizationId: "{org}", email: "evil@example.com", roles: [PRIMARY]}}) {{ id }} }}"""
    response = await client.post("/graphql", json={"query": two_operations, "operationName": "Change"},
                                 headers={"Authorization": f"Bearer {secret}"})
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    contacts = ok(await gql(client, "query($id: ID!) { organization(id: $id) { contacts { edges { node { email } } } } }", {"id": org}, token=ada["token"]))
    assert "evil@example.com" not in str(contacts)


async def test_a_read_write_key_changes_resources_but_never_people_or_keys(client):
    ada, org, created = await owner_org_and_key(client, access="READ_WRITE")
    secret = created["secret"]
    added = ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": "ops@example.com", "roles": ["TECHNICAL"]}}, token=secret))
    assert added["addContact"]["roles"] == ["TECHNICAL"]
    bob = await join(client, ada, org, "bob@example.com")
    change = "mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { role } }"
    assert error_code(await gql(client, change, {"i": {"organizationId": org, "userId": bob["user_id"], "role": "OWNER"}}, token=secret)) == "FORBIDDEN"
    remove = "mutation($i: RemoveMemberInput!) { removeMember(input: $i) }"
    assert error_code(await gql(client, remove, {"i": {"organizationId": org, "userId": bob["user_id"]}}, token=secret)) == "FORBIDDEN"
    enforce = "mutation($i: SetMfaEnforcementInput!) { setMfaEnforcement(input: $i) { id } }"
    assert error_code(await gql(client, enforce, {"i": {"organizationId": org, "enforced": True}}, token=secret)) == "FORBIDDEN"
    assert error_code(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "more"}}, token=secret)) == "FORBIDDEN"
    assert error_code(await gql(client, REVOKE_KEY, {"id": created["apiKey"]["id"]}, token=secret)) == "FORBIDDEN"
    assert error_code(await gql(client, KEYS, {"id": org}, token=secret)) == "FORBIDDEN"


async def test_managers_create_keys_outsiders_and_other_orgs_cannot_revoke(client):
    ada, org, created = await owner_org_and_key(client)
    bob = await join(client, ada, org, "bob@example.com")
    ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "bob's"}}, token=bob["token"]))
    eve = await sign_up(client, "eve@example.com")
    assert error_code(await gql(client, REVOKE_KEY, {"id": created["apiKey"]["id"]}, token=eve["token"])) == "NOT_FOUND"
    assert error_code(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "x"}}, token=eve["token"])) == "NOT_FOUND"


async def test_revoking_ends_a_key_at_once(client):
    ada, org, created = await owner_org_and_key(client)
    revoked = ok(await gql(client, REVOKE_KEY, {"id": created["apiKey"]["id"]}, token=ada["token"]))["revokeApiKey"]
    assert revoked["revokedAt"] is not None
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=created["secret"])) == "UNAUTHENTICATED"


async def test_keys_expire(client):
    expires = (clock.now() + timedelta(days=1)).isoformat()
    ada, org, created = await owner_org_and_key(client, expiresAt=expires)
    ok(await gql(client, ORGANIZATION, {"id": org}, token=created["secret"]))
    clock.travel(timedelta(days=1, seconds=1))
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=created["secret"])) == "UNAUTHENTICATED"


async def test_expiry_in_the_past_is_bad_input(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    past = datetime(2020, 1, 1, tzinfo=UTC).isoformat()
    result = await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "old", "expiresAt": past}}, token=ada["token"])
    assert error_code(result) == "BAD_USER_INPUT" and result["errors"][0]["extensions"]["field"] == "input.expiresAt"


async def test_last_used_is_kept_to_the_minute_without_a_write_per_request(client):
    ada, org, created = await owner_org_and_key(client)
    ok(await gql(client, ORGANIZATION, {"id": org}, token=created["secret"]))
    first = (await ApiKey.get(id=created["apiKey"]["id"])).last_used_at
    assert first is not None
    clock.travel(timedelta(seconds=30))
    ok(await gql(client, ORGANIZATION, {"id": org}, token=created["secret"]))
    assert (await ApiKey.get(id=created["apiKey"]["id"])).last_used_at == first
    clock.travel(timedelta(seconds=31))
    ok(await gql(client, ORGANIZATION, {"id": org}, token=created["secret"]))
    assert (await ApiKey.get(id=created["apiKey"]["id"])).last_used_at > first


async def test_keys_keep_working_under_mfa_enforcement(client):
    ada, org, created = await owner_org_and_key(client)
    await enroll(client, ada["token"])
    enforce = "mutation($i: SetMfaEnforcementInput!) { setMfaEnforcement(input: $i) { mfaEnforced } }"
    ok(await gql(client, enforce, {"i": {"organizationId": org, "enforced": True}}, token=ada["token"]))
    ok(await gql(client, ORGANIZATION, {"id": org}, token=created["secret"]))


async def test_technical_and_primary_contacts_hear_of_new_keys(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    for email, roles in [("ops@example.com", ["TECHNICAL"]), ("money@example.com", ["BILLING"])]:
        ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": email, "roles": roles}}, token=ada["token"]))
        await confirm_contact(client, email)
    ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "deploy"}}, token=ada["token"]))
    recipients = sorted(await OutboxMessage.filter(kind="api_key_created").values_list("recipient", flat=True))
    assert recipients == ["ada@example.com", "ops@example.com"]


async def test_a_read_only_key_runs_no_mutation_even_an_unguarded_one(client, messaging):
    ada, org, created = await owner_org_and_key(client)
    secret = created["secret"]
    for document in (
        'mutation { requestMagicLink(input: {email: "ada@example.com"}) }',
        'mutation { signUp(input: {email: "new@example.com", password: "long enough passphrase", name: "N"}) { token } }',
        'mutation { first: requestPasswordReset(input: {email: "ada@example.com"}) }',
    ):
        assert error_code(await gql(client, document, token=secret)) == "FORBIDDEN", document
    assert not await OutboxMessage.filter(kind__in=["magic_link", "password_reset"]).exists()
    assert error_code(await gql(client, 'mutation { requestMagicLink(input: {email: "x@example.com"}) }', token="aqk_unknown")) == "UNAUTHENTICATED"


async def test_a_read_write_key_stays_in_its_organization_and_out_of_owner_fields(client):
    ada, org, created = await owner_org_and_key(client, access="READ_WRITE")
    secret = created["secret"]
    other = await create_org(client, ada["token"], "Other")
    theirs = ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": other, "email": "t@example.com", "roles": ["BILLING"]}}, token=ada["token"]))["addContact"]
    update = "mutation($i: UpdateContactInput!) { updateContact(input: $i) { id } }"
    assert error_code(await gql(client, update, {"i": {"id": theirs["id"], "roles": ["PRIMARY"]}}, token=secret)) == "NOT_FOUND"
    assert error_code(await invite(client, secret, org, "x@example.com")) == "FORBIDDEN"
    owner_views = "query($id: ID!) { organization(id: $id) { invitations { edges { node { id } } } } }"
    assert error_code(await gql(client, owner_views, {"id": org}, token=secret)) == "FORBIDDEN"
