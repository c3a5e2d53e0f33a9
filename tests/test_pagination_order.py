"""Keyset cursors as one row comparison `(time, id) > (t, i)`: paging forwards with
`first`/`after` and backwards with `last`/`before` visits every item once, in order, even
when many items share the same time (the id breaks the tie)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from accountql.models import Membership, User
from tests.api import gql, nodes, ok, sign_up
from tests.test_organizations import CREATE

MEMBERS = """query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  organization(id: $id) { members(first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id user { email } } } } } }"""


async def test_members_page_forwards_and_backwards_through_equal_times(client):
    ada = await sign_up(client, "ada@example.com")
    org = ok(await gql(client, CREATE, {"name": "Acme"}, token=ada["token"]))["createOrganization"]["id"]
    same_time = datetime(2026, 1, 1, tzinfo=UTC)
    users = [User(email=f"tie{i}@example.com", name="Tie", password_hash="-") for i in range(7)]
    await User.bulk_create(users)
    await Membership.bulk_create([
        Membership(user_id=user.id, organization_id=uuid.UUID(org), role="MANAGER", created_at=same_time)
        for user in users
    ])
    expected = [
        str(row.id) for row in await Membership.filter(organization_id=org).order_by("created_at", "id")
    ]
    assert len(expected) == 8

    async def page(**arguments) -> dict:
        data = ok(await gql(client, MEMBERS, {"id": org, **arguments}, token=ada["token"]))
        return data["organization"]["members"]

    forwards, after = [], None
    while True:
        current = await page(first=3, after=after)
        forwards += [node["id"] for node in nodes(current)]
        assert current["pageInfo"]["hasPreviousPage"] == (after is not None)
        if not current["pageInfo"]["hasNextPage"]:
            break
        after = current["pageInfo"]["endCursor"]
    assert forwards == expected

    backwards, before = [], None
    while True:
        current = await page(last=3, before=before)
        backwards = [node["id"] for node in nodes(current)] + backwards
        assert current["pageInfo"]["hasNextPage"] == (before is not None)
        if not current["pageInfo"]["hasPreviousPage"]:
            break
        before = current["pageInfo"]["startCursor"]
    assert backwards == expected
