"""How many SQL statements a list costs, as Saleor's benchmark tests count them: a page of
one item and a page of a hundred must cost the same, whatever each item points at (its
user, organization, actor, API key). A relation read once per item would show here as 99
more statements.

Statements are counted where they leave for the database: SQLite's trace callback sees
every statement the library runs, asyncpg's query loggers every one sent to PostgreSQL
(connection resets included), on every connection of the pool."""

from __future__ import annotations

import hashlib
import itertools
import threading
import uuid
from datetime import timedelta

import pytest
from tortoise import connections

from accountql.clock import now
from accountql.models import (
    AbuseCase,
    ApiKey,
    AuditEvent,
    Contact,
    Invitation,
    LoginAttempt,
    Membership,
    Organization,
    Session,
    SshKey,
    SupportGrant,
    User,
)
from tests.api import gql, ok, sign_up
from tests.test_organizations import CREATE

_serial = itertools.count()


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()  # SQLite's callback runs on aiosqlite's thread

    def sqlite(self, statement: str) -> None:
        with self._lock:
            self.count += 1

    def postgres(self, record) -> None:
        self.count += 1


@pytest.fixture
async def statements():
    counter = StatementCounter()
    client = connections.get("default")
    if client.capabilities.dialect == "sqlite":
        await client.create_connection(with_db=True)
        connection = client._connection
        await connection.set_trace_callback(counter.sqlite)
        yield counter
        await connection.set_trace_callback(None)
        return
    # Open every connection the pool may hand out, so that a statement on any of them
    # is seen; then give them back.
    if client._pool is None:
        await client.create_connection(with_db=True)
    pool = client._pool
    proxies = [await pool.acquire() for _ in range(pool.get_max_size())]
    held = [proxy._con for proxy in proxies]  # the connections themselves, past the pool's proxy
    for connection in held:
        connection.add_query_logger(counter.postgres)
    for proxy in proxies:
        await pool.release(proxy)
    yield counter
    for connection in held:
        connection.remove_query_logger(counter.postgres)


async def count_statements(client, counter, query, variables, token) -> int:
    ok(await gql(client, query, variables, token=token))  # settles last_seen_at and the like
    before = counter.count
    data = ok(await gql(client, query, variables, token=token))
    counter.last_data = data
    return counter.count - before


# --------------------------------------------------------------------------- seeding


async def users(n: int) -> list[User]:
    rows = [
        User(email=f"u{next(_serial)}@count.example", name="Member", password_hash="-", email_verified=True)
        for _ in range(n)
    ]
    await User.bulk_create(rows)
    return rows


async def seed_members(state, n):
    await Membership.bulk_create(
        [Membership(user_id=user.id, organization_id=state.org, role="MANAGER") for user in await users(n)]
    )


async def seed_sessions(state, n):
    await Session.bulk_create(
        [Session(user_id=state.ada, expires_at=now() + timedelta(hours=1)) for _ in range(n)]
    )


async def seed_login_attempts(state, n):
    await LoginAttempt.bulk_create([LoginAttempt(user_id=state.ada, succeeded=True) for _ in range(n)])


async def seed_memberships(state, n):
    organizations = [Organization(name=f"Org {next(_serial)}") for _ in range(n)]
    await Organization.bulk_create(organizations)
    await Membership.bulk_create(
        [Membership(user_id=state.ada, organization_id=org.id, role="OWNER") for org in organizations]
    )


async def seed_ssh_keys(state, n):
    await SshKey.bulk_create([
        SshKey(user_id=state.ada, name="laptop", public_key="ssh-ed25519 AAAA", key_type="ssh-ed25519",
               bits=256, fingerprint=f"SHA256:{next(_serial)}")
        for _ in range(n)
    ])


async def seed_audit_events(state, n):
    actors = await users(n)
    key = await ApiKey.create(organization_id=state.org, name="ci", access="READ_ONLY", prefix="aq_x",
                              secret_hash=hashlib.sha256(uuid.uuid4().bytes).hexdigest())
    await AuditEvent.bulk_create([
        AuditEvent(kind="ROLE_CHANGED", actor_user_id=actor.id, subject_user_id=state.ada, organization_id=state.org,
                   actor_api_key_id=key.id)
        for actor in actors
    ])


async def seed_api_keys(state, n):
    await ApiKey.bulk_create([
        ApiKey(organization_id=state.org, name="ci", access="READ_ONLY", prefix="aq_x", created_by_id=state.ada,
               secret_hash=hashlib.sha256(uuid.uuid4().bytes).hexdigest())
        for _ in range(n)
    ])


async def seed_contacts(state, n):
    await Contact.bulk_create([
        Contact(organization_id=state.org, email=f"c{next(_serial)}@count.example", roles="TECHNICAL")
        for _ in range(n)
    ])


async def seed_invitations(state, n):
    await Invitation.bulk_create([
        Invitation(organization_id=state.org, email=f"i{next(_serial)}@count.example", role="MANAGER",
                   invited_by_id=state.ada, expires_at=now() + timedelta(days=1))
        for _ in range(n)
    ])


async def seed_my_invitations(state, n):
    organizations = [Organization(name=f"Org {next(_serial)}") for _ in range(n)]
    await Organization.bulk_create(organizations)
    await Invitation.bulk_create([
        Invitation(organization_id=org.id, email="ada@example.com", role="MANAGER", expires_at=now() + timedelta(days=1))
        for org in organizations
    ])


async def seed_support_grants(state, n):
    await SupportGrant.bulk_create([
        SupportGrant(organization_id=state.org, granted_by_id=state.ada, reason="TROUBLESHOOTING",
                     expires_at=now() + timedelta(hours=1))
        for _ in range(n)
    ])


async def seed_abuse_cases(state, n):
    await AbuseCase.bulk_create([
        AbuseCase(organization_id=state.org, resource_kind="instance", resource_id=f"i-{next(_serial)}",
                  reason="SPAM")
        for _ in range(n)
    ])


ORG = "query($id: ID!) { organization(id: $id) { name %s } }"
ME = "{ me { email %s } }"
PAGE = "(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { %s } } }"

LISTS = {
    "organization.members": (seed_members, ORG % ("members" + PAGE % "role createdAt user { email name } organization { name }")),
    "organization.invitations": (seed_invitations, ORG % ("invitations" + PAGE % "email role organization { name }")),
    "organization.apiKeys": (seed_api_keys, ORG % ("apiKeys" + PAGE % "name prefix createdAt")),
    "organization.contacts": (seed_contacts, ORG % ("contacts" + PAGE % "email roles canLogIn")),
    "organization.sshKeys": (seed_ssh_keys, ORG % ("sshKeys" + PAGE % "fingerprint user { email }")),
    "organization.auditEvents": (seed_audit_events, ORG % ("auditEvents" + PAGE % "kind at actor { email } subject { email } actorApiKeyPrefix")),
    "organization.abuseCases": (seed_abuse_cases, ORG % ("abuseCases" + PAGE % "resourceId reason")),
    "organization.supportGrants": (seed_support_grants, ORG % ("supportGrants" + PAGE % "reason active")),
    "me.sessions": (seed_sessions, ME % ("sessions" + PAGE % "id current createdAt")),
    "me.loginAttempts": (seed_login_attempts, ME % ("loginAttempts" + PAGE % "at succeeded method")),
    "me.memberships": (seed_memberships, ME % ("memberships" + PAGE % "role organization { id name }")),
    "me.sshKeys": (seed_ssh_keys, ME % ("sshKeys" + PAGE % "fingerprint user { email }")),
    "me.auditEvents": (seed_audit_events, ME % ("auditEvents" + PAGE % "kind actor { email } subject { email } actorApiKeyPrefix")),
    "myInvitations": (seed_my_invitations, "{ myInvitations" + PAGE % "email organization { id name }" + " }"),
}


class State:
    ada: uuid.UUID
    org: uuid.UUID


@pytest.mark.parametrize("name", sorted(LISTS))
async def test_a_page_costs_the_same_statements_for_1_and_100_items(client, statements, name):
    seed, query = LISTS[name]
    ada = await sign_up(client, "ada@example.com")
    org = ok(await gql(client, CREATE, {"name": "Acme"}, token=ada["token"]))["createOrganization"]["id"]
    await AuditEvent.all().delete()  # sign-up's and creation's own: the seed decides how many there are
    state = State()
    state.ada, state.org = uuid.UUID(ada["user_id"]), uuid.UUID(org)
    variables = {"id": org} if query.startswith("query($id") else {}

    await seed(state, 1)
    few = await count_statements(client, statements, query, variables, ada["token"])
    small_page = _first_page(statements.last_data)
    await seed(state, 99)
    many = await count_statements(client, statements, query, variables, ada["token"])
    large_page = _first_page(statements.last_data)

    assert len(large_page) >= 100 > len(small_page), (len(small_page), len(large_page))
    assert many == few, f"{name}: {few} statements for a page of {len(small_page)}, {many} for {len(large_page)}"


def _first_page(data: dict) -> list:
    """The edges of the one connection the query asks for."""
    node = data
    while "edges" not in node:
        node = next(value for value in node.values() if isinstance(value, dict))
    return node["edges"]
