import asyncio
import uuid
from datetime import timedelta

import pytest

from accountql import clock
from accountql.models import Membership
from tests.api import error_code, gql, log_in, nodes, ok, sign_up

CREATE = "mutation($name: String!) { createOrganization(input: {name: $name}) { id name mfaEnforced } }"
INVITE = """mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { id email role expiresAt organization { id name } } }"""
MY_INVITATIONS = "{ myInvitations { edges { node { id email role organization { id name } } } } }"
ACCEPT = "mutation($id: ID!) { acceptInvitation(input: {id: $id}) { id role user { email } organization { id } } }"
CHANGE_ROLE = """mutation($input: ChangeMemberRoleInput!) {
  changeMemberRole(input: $input) { role user { id } } }"""
REMOVE = "mutation($input: RemoveMemberInput!) { removeMember(input: $input) }"
LEAVE = "mutation($id: ID!) { leaveOrganization(input: {organizationId: $id}) }"
ORGANIZATION = """query($id: ID!) { organization(id: $id) {
  id name members { edges { node { role user { id email } } } pageInfo { hasNextPage } } } }"""


async def create_org(client, token, name="Acme") -> str:
    return ok(await gql(client, CREATE, {"name": name}, token=token))["createOrganization"]["id"]


async def invite(client, token, org, email, role="MANAGER"):
    return await gql(
        client, INVITE, {"input": {"organizationId": org, "email": email, "role": role}}, token=token
    )


async def join(client, owner, org, email, role="MANAGER") -> dict:
    """Invite `email`, sign it up, accept; returns the new member's account."""
    invitation = ok(await invite(client, owner["token"], org, email, role))["inviteMember"]
    member = await sign_up(client, email)
    ok(await gql(client, ACCEPT, {"id": invitation["id"]}, token=member["token"]))
    return member


async def roles(client, token, org) -> dict:
    data = ok(await gql(client, ORGANIZATION, {"id": org}, token=token))
    return {e["node"]["user"]["email"]: e["node"]["role"] for e in data["organization"]["members"]["edges"]}


async def test_creator_becomes_owner(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"], "  Analytical   Engines ")
    data = ok(await gql(client, ORGANIZATION, {"id": org}, token=ada["token"]))["organization"]
    assert data["name"] == "Analytical Engines"
    assert await roles(client, ada["token"], org) == {"ada@example.com": "OWNER"}
    memberships = ok(await gql(client, "{ me { memberships { edges { node { role organization { id } } } } } }", token=ada["token"]))
    assert nodes(memberships["me"]["memberships"]) == [{"role": "OWNER", "organization": {"id": org}}]


async def test_organization_name_must_not_be_empty(client):
    ada = await sign_up(client, "ada@example.com")
    result = await gql(client, CREATE, {"name": "   "}, token=ada["token"])
    assert error_code(result) == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["field"] == "input.name"


async def test_invitation_flow(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    invitation = ok(await invite(client, ada["token"], org, "Bob@Example.com"))["inviteMember"]
    assert invitation["email"] == "bob@example.com"
    bob = await sign_up(client, "bob@example.com")
    pending = nodes(ok(await gql(client, MY_INVITATIONS, token=bob["token"]))["myInvitations"])
    assert [(p["id"], p["role"], p["organization"]["name"]) for p in pending] == [
        (invitation["id"], "MANAGER", "Acme")
    ]
    membership = ok(await gql(client, ACCEPT, {"id": invitation["id"]}, token=bob["token"]))
    assert membership["acceptInvitation"]["role"] == "MANAGER"
    assert await roles(client, bob["token"], org) == {"ada@example.com": "OWNER", "bob@example.com": "MANAGER"}
    assert nodes(ok(await gql(client, MY_INVITATIONS, token=bob["token"]))["myInvitations"]) == []
    # Single use.
    assert error_code(await gql(client, ACCEPT, {"id": invitation["id"]}, token=bob["token"])) == "NOT_FOUND"


async def test_invitation_is_only_for_its_address(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    invitation = ok(await invite(client, ada["token"], org, "bob@example.com"))["inviteMember"]
    eve = await sign_up(client, "eve@example.com")
    assert nodes(ok(await gql(client, MY_INVITATIONS, token=eve["token"]))["myInvitations"]) == []
    assert error_code(await gql(client, ACCEPT, {"id": invitation["id"]}, token=eve["token"])) == "NOT_FOUND"


async def test_invitation_expires(client, settings):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    invitation = ok(await invite(client, ada["token"], org, "late@example.com"))["inviteMember"]
    clock.travel(timedelta(days=settings.invitation_days, minutes=1))
    late = await sign_up(client, "late@example.com")
    assert nodes(ok(await gql(client, MY_INVITATIONS, token=late["token"]))["myInvitations"]) == []
    assert error_code(await gql(client, ACCEPT, {"id": invitation["id"]}, token=late["token"])) == "NOT_FOUND"
    # Once expired, the owner (signed in again: a week outlives any session) can re-invite.
    ada_again = ok(await log_in(client, "ada@example.com"))["logIn"]["token"]
    ok(await invite(client, ada_again, org, "late@example.com"))


async def test_inviting_a_member_or_a_pending_address_conflicts(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    await join(client, ada, org, "bob@example.com")
    assert error_code(await invite(client, ada["token"], org, "bob@example.com")) == "CONFLICT"
    ok(await invite(client, ada["token"], org, "carol@example.com"))
    assert error_code(await invite(client, ada["token"], org, "carol@example.com")) == "CONFLICT"
    assert error_code(await invite(client, ada["token"], org, "not an address")) == "BAD_USER_INPUT"


async def test_manager_cannot_manage_members(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    carol = await join(client, ada, org, "carol@example.com")
    assert error_code(await invite(client, bob["token"], org, "dan@example.com")) == "FORBIDDEN"
    change = {"input": {"organizationId": org, "userId": carol["user_id"], "role": "OWNER"}}
    assert error_code(await gql(client, CHANGE_ROLE, change, token=bob["token"])) == "FORBIDDEN"
    remove = {"input": {"organizationId": org, "userId": carol["user_id"]}}
    assert error_code(await gql(client, REMOVE, remove, token=bob["token"])) == "FORBIDDEN"
    # A manager still reads the organization and its members.
    assert len(await roles(client, bob["token"], org)) == 3


async def test_outsiders_get_not_found(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    eve = await sign_up(client, "eve@example.com")
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=eve["token"])) == "NOT_FOUND"
    assert error_code(await invite(client, eve["token"], org, "x@example.com")) == "NOT_FOUND"
    change = {"input": {"organizationId": org, "userId": ada["user_id"], "role": "MANAGER"}}
    assert error_code(await gql(client, CHANGE_ROLE, change, token=eve["token"])) == "NOT_FOUND"
    assert error_code(await gql(client, LEAVE, {"id": org}, token=eve["token"])) == "NOT_FOUND"
    # Indistinguishable from an organization that does not exist.
    missing = await gql(client, ORGANIZATION, {"id": str(uuid.uuid4())}, token=eve["token"])
    assert error_code(missing) == "NOT_FOUND"
    outsider = await gql(client, ORGANIZATION, {"id": org}, token=eve["token"])
    assert missing["errors"][0]["message"] == outsider["errors"][0]["message"]
    # And without a session, UNAUTHENTICATED comes first.
    assert error_code(await gql(client, ORGANIZATION, {"id": org})) == "UNAUTHENTICATED"


async def test_owner_promotes_and_the_new_owner_cannot_be_demoted_by_others(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    promote = {"input": {"organizationId": org, "userId": bob["user_id"], "role": "OWNER"}}
    assert ok(await gql(client, CHANGE_ROLE, promote, token=ada["token"]))["changeMemberRole"]["role"] == "OWNER"
    demote_bob = {"input": {"organizationId": org, "userId": bob["user_id"], "role": "MANAGER"}}
    assert error_code(await gql(client, CHANGE_ROLE, demote_bob, token=ada["token"])) == "FORBIDDEN"
    remove_bob = {"input": {"organizationId": org, "userId": bob["user_id"]}}
    assert error_code(await gql(client, REMOVE, remove_bob, token=ada["token"])) == "FORBIDDEN"
    # Bob steps down himself while Ada remains an owner.
    assert ok(await gql(client, CHANGE_ROLE, demote_bob, token=bob["token"]))["changeMemberRole"]["role"] == "MANAGER"


async def test_last_owner_cannot_step_down_or_leave(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    await join(client, ada, org, "bob@example.com")
    step_down = {"input": {"organizationId": org, "userId": ada["user_id"], "role": "MANAGER"}}
    result = await gql(client, CHANGE_ROLE, step_down, token=ada["token"])
    assert error_code(result) == "CONFLICT"
    assert "last owner" in result["errors"][0]["message"]
    assert error_code(await gql(client, LEAVE, {"id": org}, token=ada["token"])) == "CONFLICT"
    remove_self = {"input": {"organizationId": org, "userId": ada["user_id"]}}
    assert error_code(await gql(client, REMOVE, remove_self, token=ada["token"])) == "CONFLICT"
    assert (await roles(client, ada["token"], org))["ada@example.com"] == "OWNER"


async def test_owner_removes_a_manager_and_a_manager_leaves(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    carol = await join(client, ada, org, "carol@example.com")
    remove = {"input": {"organizationId": org, "userId": bob["user_id"]}}
    assert ok(await gql(client, REMOVE, remove, token=ada["token"]))["removeMember"] is True
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=bob["token"])) == "NOT_FOUND"
    assert ok(await gql(client, LEAVE, {"id": org}, token=carol["token"]))["leaveOrganization"] is True
    assert await roles(client, ada["token"], org) == {"ada@example.com": "OWNER"}
    missing = {"input": {"organizationId": org, "userId": carol["user_id"]}}
    assert error_code(await gql(client, REMOVE, missing, token=ada["token"])) == "NOT_FOUND"


async def test_members_page_with_cursors(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    for n in range(3):
        clock.travel(timedelta(seconds=1))
        await join(client, ada, org, f"m{n}@example.com")
    query = """query($id: ID!, $after: String) { organization(id: $id) {
      members(first: 2, after: $after) { edges { node { user { email } } } pageInfo { hasNextPage endCursor } } } }"""
    emails, after = [], None
    for _ in range(3):
        page = ok(await gql(client, query, {"id": org, "after": after}, token=ada["token"]))["organization"]["members"]
        emails += [e["node"]["user"]["email"] for e in page["edges"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert emails == ["ada@example.com", "m0@example.com", "m1@example.com", "m2@example.com"]


def step_down(org, owner):
    return CHANGE_ROLE, {"input": {"organizationId": org, "userId": owner["user_id"], "role": "MANAGER"}}


def leave(org, owner):
    return LEAVE, {"id": org}


@pytest.mark.parametrize("action", [step_down, leave], ids=["stepping down", "leaving"])
async def test_two_owners_giving_up_ownership_at_once_leave_one_owner(client, action):
    """On SQLite in one process the transactions queue anyway; the PostgreSQL run and the
    two-worker live test are the ones that catch a missing lock."""
    for round_ in range(5):
        ada = await sign_up(client, f"ada{round_}@example.com")
        org = await create_org(client, ada["token"])
        bob = await join(client, ada, org, f"bob{round_}@example.com", role="OWNER")
        results = await asyncio.gather(
            *[gql(client, *action(org, owner), token=owner["token"]) for owner in (ada, bob)]
        )
        outcomes = sorted("ok" if not r.get("errors") else error_code(r) for r in results)
        assert outcomes == ["CONFLICT", "ok"], results
        owners = await Membership.filter(organization_id=org, role="OWNER").count()
        assert owners == 1


async def test_two_owners_demoting_each_other_at_once_are_both_refused(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com", role="OWNER")
    results = await asyncio.gather(
        gql(client, CHANGE_ROLE, {"input": {"organizationId": org, "userId": bob["user_id"], "role": "MANAGER"}}, token=ada["token"]),
        gql(client, CHANGE_ROLE, {"input": {"organizationId": org, "userId": ada["user_id"], "role": "MANAGER"}}, token=bob["token"]),
    )
    assert [error_code(r) for r in results] == ["FORBIDDEN", "FORBIDDEN"]
    assert set((await roles(client, ada["token"], org)).values()) == {"OWNER"}


async def test_invitation_accepted_twice_at_once_makes_one_membership(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    invitation = ok(await invite(client, ada["token"], org, "bob@example.com"))["inviteMember"]
    bob = await sign_up(client, "bob@example.com")
    results = await asyncio.gather(
        *[gql(client, ACCEPT, {"id": invitation["id"]}, token=bob["token"]) for _ in range(4)]
    )
    assert sum(1 for r in results if not r.get("errors")) == 1
    assert len(await roles(client, ada["token"], org)) == 2


PENDING = "query($id: ID!) { organization(id: $id) { invitations { edges { node { id email role } } } } }"
CANCEL = "mutation($id: ID!) { cancelInvitation(input: {id: $id}) }"


async def test_owner_lists_and_cancels_pending_invitations(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    invitation = ok(await invite(client, ada["token"], org, "bob@example.com"))["inviteMember"]
    pending = nodes(ok(await gql(client, PENDING, {"id": org}, token=ada["token"]))["organization"]["invitations"])
    assert [(p["id"], p["email"], p["role"]) for p in pending] == [(invitation["id"], "bob@example.com", "MANAGER")]
    assert ok(await gql(client, CANCEL, {"id": invitation["id"]}, token=ada["token"]))["cancelInvitation"] is True
    assert nodes(ok(await gql(client, PENDING, {"id": org}, token=ada["token"]))["organization"]["invitations"]) == []
    bob = await sign_up(client, "bob@example.com")
    assert nodes(ok(await gql(client, MY_INVITATIONS, token=bob["token"]))["myInvitations"]) == []
    assert error_code(await gql(client, ACCEPT, {"id": invitation["id"]}, token=bob["token"])) == "NOT_FOUND"
    assert error_code(await gql(client, CANCEL, {"id": invitation["id"]}, token=ada["token"])) == "NOT_FOUND"


async def test_only_owners_see_and_cancel_invitations(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    invitation = ok(await invite(client, ada["token"], org, "carol@example.com"))["inviteMember"]
    assert error_code(await gql(client, PENDING, {"id": org}, token=bob["token"])) == "FORBIDDEN"
    assert error_code(await gql(client, CANCEL, {"id": invitation["id"]}, token=bob["token"])) == "FORBIDDEN"
    eve = await sign_up(client, "eve@example.com")
    assert error_code(await gql(client, CANCEL, {"id": invitation["id"]}, token=eve["token"])) == "NOT_FOUND"
    assert error_code(await gql(client, CANCEL, {"id": str(uuid.uuid4())}, token=ada["token"])) == "NOT_FOUND"


async def test_the_same_invitation_sent_twice_at_once_makes_one(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    results = await asyncio.gather(*[invite(client, ada["token"], org, "bob@example.com") for _ in range(4)])
    assert sum(1 for r in results if not r.get("errors")) == 1
    assert sorted(error_code(r) for r in results if r.get("errors")) == ["CONFLICT"] * 3
