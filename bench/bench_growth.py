#!/usr/bin/env python
"""Growth benchmark: does a page cost the same when the tables grow a thousandfold?

On the PostgreSQL server of --server-url it creates two databases of its own (dropped at
the end), migrates them, and seeds them in bulk (generate_series, with progress output):

  large: 100,000 users, a 10,000-member organization, 1,000,000 login attempts (60,000 of
         them the measured user's), 1,000,000 audit events (60,000 of them the
         organization's) and 100,000 sessions (20,000 of them the measured user's);
  small: 1,000 rows in each list.

Through the real API (the ASGI app over httpx, in this process) it then times, as the
fastest of --repeat requests, pages of 20 (the default size) of four lists: the
organization's members, the user's login attempts, the organization's audit events and
the user's sessions. On the large set: the first page and the 500th (rows 9,981 to
10,000, reached by its cursor); on the small set: the first page and the last (the 50th).
A page passes when it costs at most 1.5 times the same page of the small set (the 500th is
compared with the small set's deepest, the 50th). The page before the 500th is also asked
for backwards (last: 20, before:), and must end where the 500th begins.

For each list it prints EXPLAIN ANALYZE of the very statement the API sent for the 500th
page (captured from asyncpg), and says whether the plan reads an index range without
sorting.

    python bench/bench_growth.py --server-url postgres://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accountql import db, migrating  # noqa: E402
from accountql.app import create_app  # noqa: E402
from accountql.auth import sealing  # noqa: E402
from accountql.config import Settings  # noqa: E402
from accountql.schema.pagination import _encode  # noqa: E402

PASSWORD = "correct horse battery staple"
PAGE = 20
DEEP_PAGE = 500
GROWTH_TARGET = 1.5

SIZES = {
    "large": dict(users=100_000, members=10_000, attempts=1_000_000, my_attempts=60_000,
                  events=1_000_000, org_events=60_000, sessions=100_000, my_sessions=20_000),
    "small": dict(users=1_000, members=1_000, attempts=1_000, my_attempts=1_000,
                  events=1_000, org_events=1_000, sessions=1_000, my_sessions=1_000),
}

NODE = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { %s } }"
ARGS = "(first: $first, after: $after, last: $last, before: $before)"
VARS = "$first: Int, $after: String, $last: Int, $before: String"
# name: (query, the SQL of its order: table, owner column, time column, newest first)
LISTS = {
    "members": (
        f"query($id: ID!, {VARS}) {{ organization(id: $id) {{ members{ARGS} {{ "
        + NODE % "role createdAt user { email name }" + " } } }",
        ("membership", "organization_id", "created_at", False),
    ),
    "login attempts": (
        f"query({VARS}) {{ me {{ loginAttempts{ARGS} {{ " + NODE % "at succeeded method ipAddress" + " } } }",
        ("login_attempt", "user_id", "at", True),
    ),
    "audit events": (
        f"query($id: ID!, {VARS}) {{ organization(id: $id) {{ auditEvents{ARGS} {{ "
        + NODE % "kind at actor { email }" + " } } }",
        ("audit_event", "organization_id", "at", True),
    ),
    "sessions": (
        f"query({VARS}) {{ me {{ sessions{ARGS} {{ " + NODE % "id createdAt current" + " } } }",
        ("session", "user_id", "created_at", True),
    ),
}


def say(message: str) -> None:
    print(f"[growth {time.strftime('%H:%M:%S')}] {message}", flush=True)


def database_url(server_url: str, name: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


# --------------------------------------------------------------------------- seeding


async def bulk(connection, label: str, total: int, sql: str, *args, chunk: int = 200_000) -> None:
    """Run `sql` (which inserts rows $1 + 1 .. $2 of generate_series) in chunks, saying
    how far it got."""
    started = time.perf_counter()
    for low in range(0, total, chunk):
        high = min(total, low + chunk)
        await connection.execute(sql, low + 1, high, *args)
        say(f"  {label}: {high:,}/{total:,} ({time.perf_counter() - started:.1f} s)")


async def seed(url: str, size: dict, user_id: uuid.UUID, organization_id: uuid.UUID) -> None:
    """Rows around the measured user (signed up through the API) and their organization.
    Times are one second apart, so that every page holds a known slice."""
    connection = await asyncpg.connect(url.replace("asyncpg://", "postgres://"))
    try:
        await bulk(connection, "users", size["users"] - 1, """
            INSERT INTO user_account (id, email, email_verified, name, password_hash, created_at,
                password_changed_at, mfa_enabled, mfa_required, mfa_method, login_notifications, is_staff)
            SELECT gen_random_uuid(), 'user' || i || '@growth.invalid', true, 'User ' || i, '-',
                now(), now(), false, false, 'TOTP', false, false
            FROM generate_series($1::int, $2::int) i""")
        await connection.execute("""
            CREATE TEMP TABLE numbered AS
            SELECT id, row_number() OVER (ORDER BY email) AS k FROM user_account WHERE id <> $1""", user_id)
        await connection.execute("CREATE INDEX ON numbered (k)")
        await bulk(connection, "members", size["members"] - 1, """
            INSERT INTO membership (id, user_id, organization_id, role, created_at)
            SELECT gen_random_uuid(), n.id, $3, 'MANAGER', now() - interval '1 day' + i * interval '1 second'
            FROM generate_series($1::int, $2::int) i JOIN numbered n ON n.k = i""", organization_id)
        await bulk(connection, "login attempts (the user's)", size["my_attempts"], """
            INSERT INTO login_attempt (id, user_id, at, ip_address, user_agent, succeeded, method)
            SELECT gen_random_uuid(), $3, now() - i * interval '1 second', '203.0.113.9', 'growth', i % 3 <> 0, 'PASSWORD'
            FROM generate_series($1::int, $2::int) i""", user_id)
        others = size["attempts"] - size["my_attempts"]
        await bulk(connection, "login attempts (others')", others, """
            INSERT INTO login_attempt (id, user_id, at, ip_address, user_agent, succeeded, method)
            SELECT gen_random_uuid(), n.id, now() - i * interval '1 second', '203.0.113.9', 'growth', true, 'PASSWORD'
            FROM generate_series($1::int, $2::int) i JOIN numbered n ON n.k = 1 + i % $3""", size["users"] - 1)
        await bulk(connection, "audit events (the organization's)", size["org_events"], """
            INSERT INTO audit_event (id, kind, at, actor_user_id, subject_user_id, organization_id, details, support)
            SELECT gen_random_uuid(), 'ROLE_CHANGED', now() - i * interval '1 second', $3, $3, $4, '{}', false
            FROM generate_series($1::int, $2::int) i""", user_id, organization_id)
        others = size["events"] - size["org_events"]
        await bulk(connection, "audit events (others')", others, """
            INSERT INTO audit_event (id, kind, at, actor_user_id, subject_user_id, details, support)
            SELECT gen_random_uuid(), 'LOGGED_IN', now() - i * interval '1 second', n.id, n.id, '{}', false
            FROM generate_series($1::int, $2::int) i JOIN numbered n ON n.k = 1 + i % $3""", size["users"] - 1)
        await bulk(connection, "sessions (the user's)", size["my_sessions"], """
            INSERT INTO session (id, user_id, created_at, expires_at, last_seen_at, support)
            SELECT gen_random_uuid(), $3, now() - i * interval '1 second', now() + interval '1 day', now(), false
            FROM generate_series($1::int, $2::int) i""", user_id)
        others = size["sessions"] - size["my_sessions"]
        await bulk(connection, "sessions (others')", others, """
            INSERT INTO session (id, user_id, created_at, expires_at, last_seen_at, support)
            SELECT gen_random_uuid(), n.id, now() - i * interval '1 second', now() + interval '1 day', now(), false
            FROM generate_series($1::int, $2::int) i JOIN numbered n ON n.k = 1 + i % $3""", size["users"] - 1)
        # Settled before measuring: statistics, visibility, and no checkpoint or autovacuum
        # of the fresh rows running under the timings.
        say("  VACUUM ANALYZE, CHECKPOINT")
        await connection.execute("VACUUM ANALYZE")
        await connection.execute("CHECKPOINT")
    finally:
        await connection.close()


# --------------------------------------------------------------------------- measuring


async def cursor_at(connection, spec, owner: uuid.UUID, offset: int) -> str:
    """The API's cursor of the row at `offset` (0-based) in the list's order."""
    table, owner_column, time_column, newest_first = spec
    direction = "DESC" if newest_first else "ASC"
    extra = " AND revoked_at IS NULL AND expires_at > now()" if table == "session" else ""
    row = await connection.fetchrow(
        f"SELECT {time_column} AS t, id FROM {table} WHERE {owner_column} = $1{extra} "
        f"ORDER BY {time_column} {direction}, id {direction} OFFSET $2 LIMIT 1", owner, offset)
    return _encode(row["t"], row["id"])


class Captured:
    """Every statement the app's pool sends (asyncpg query loggers), to EXPLAIN them."""

    def __init__(self) -> None:
        self.statements: list = []

    def __call__(self, record) -> None:
        self.statements.append(record)


async def capture_all(captured: Captured) -> None:
    from tortoise import connections

    client = connections.get("default")
    if client._pool is None:
        await client.create_connection(with_db=True)
    pool = client._pool
    proxies = [await pool.acquire() for _ in range(pool.get_max_size())]
    for proxy in proxies:
        proxy._con.add_query_logger(captured)
    for proxy in proxies:
        await pool.release(proxy)


async def timed(client, query: str, variables: dict, token: str, repeat: int) -> tuple[float, dict]:
    """The fastest wall time of the request in `repeat` tries (ms), and its data. The
    fastest, not the median: on a shared machine other processes only ever add time, and
    what is compared here is the page's own cost."""
    times, data = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        response = await client.post("/graphql", json={"query": query, "variables": variables},
                                     headers={"authorization": f"Bearer {token}"})
        times.append(time.perf_counter() - started)
        payload = response.json()
        if payload.get("errors"):
            raise RuntimeError(f"{query[:60]}…: {payload['errors']}")
        data = payload["data"]
    return 1000 * min(times), data


def connection_of(data: dict) -> dict:
    node = data
    while "edges" not in node:
        node = next(value for value in node.values() if isinstance(value, dict))
    return node


async def measure(url: str, size_name: str, args) -> dict:
    """{list: {page: ms}} on one database, printing plans for the large one."""
    size = SIZES[size_name]
    settings = Settings(database_url=url, secret_key="g" * 48, env="test",
                        login_failures_per_ip=10**6, login_failures_per_account=10**6)
    sealing.configure(settings.secret_keys)
    say(f"{size_name}: migrating")
    await migrating.apply_migrations(url)
    await db.close_db()
    await db.init_db(url)
    app = create_app(settings, manage_database=False)
    results = {}
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://growth", timeout=60) as client:
        signed = (await client.post("/graphql", json={"query": """mutation($i: SignUpInput!) {
            signUp(input: $i) { token user { id } } }""", "variables": {"i": {
            "email": "ada@example.com", "password": PASSWORD, "name": "Ada"}}})).json()["data"]["signUp"]
        token, user_id = signed["token"], uuid.UUID(signed["user"]["id"])
        created = (await client.post("/graphql", json={"query": 'mutation { createOrganization(input: {name: "Growth"}) { id } }'},
                                     headers={"authorization": f"Bearer {token}"})).json()
        organization_id = uuid.UUID(created["data"]["createOrganization"]["id"])
        say(f"{size_name}: seeding")
        await seed(url, size, user_id, organization_id)
        captured = Captured()
        await capture_all(captured)
        raw = await asyncpg.connect(url)
        try:
            for name, (query, spec) in LISTS.items():
                owner = organization_id if spec[1] == "organization_id" else user_id
                base = {"id": str(organization_id)} if "$id" in query else {}
                deep = DEEP_PAGE if size_name == "large" else 50
                after = await cursor_at(raw, spec, owner, (deep - 1) * PAGE - 1)
                first_ms, _ = await timed(client, query, {**base, "first": PAGE}, token, args.repeat)
                deep_ms, data = await timed(client, query, {**base, "first": PAGE, "after": after}, token, args.repeat)
                captured.statements.clear()
                await timed(client, query, {**base, "first": PAGE, "after": after}, token, 1)
                request_statements = list(captured.statements)
                page = connection_of(data)
                assert len(page["edges"]) == PAGE and page["pageInfo"]["hasPreviousPage"], page["pageInfo"]
                statement = next(s for s in request_statements
                                 if "ORDER BY" in s.query and "LIMIT" in s.query and f'FROM "{spec[0]}"' in s.query)
                back_ms, back = await timed(client, query, {**base, "last": PAGE, "before": page["edges"][0]["cursor"]},
                                            token, args.repeat)
                back_page = connection_of(back)
                assert back_page["edges"][-1]["cursor"] == after, "the backward page does not end where the page begins"
                results[name] = {"first": first_ms, "deep": deep_ms, "back": back_ms}
                say(f"{size_name} {name}: first page {first_ms:.1f} ms, page {deep} {deep_ms:.1f} ms,"
                    f" page {deep - 1} backwards {back_ms:.1f} ms")
                if size_name == "large":
                    plan = await raw.fetch("EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) " + statement.query, *statement.args)
                    lines = [row[0] for row in plan]
                    ranged = any("Index" in line for line in lines) and not any(
                        line.strip().startswith(("Sort", "Seq Scan")) for line in lines)
                    results[name]["plan_ok"] = ranged
                    print(f"  statement of page {deep}: {statement.query}")
                    print("\n".join("    " + line for line in lines))
                    print(f"  -> {'an index range, no sort' if ranged else 'NOT an index range without sort'}")
                    print(f"  every statement of that request ({len(request_statements)}):")
                    for other in request_statements:
                        if not other.query.lstrip().upper().startswith("SELECT"):
                            print(f"    (not a SELECT) {other.query[:100]}")
                            continue
                        lines = [row[0] for row in await raw.fetch("EXPLAIN (ANALYZE, COSTS OFF) " + other.query, *other.args)]
                        scan = "SEQ SCAN " if any("Seq Scan" in line for line in lines) else ""
                        print(f"    {scan}{lines[-1].strip()}: {other.query[:110]}")
        finally:
            await raw.close()
    await db.close_db()
    return results


async def main(args) -> int:
    admin = await asyncpg.connect(args.server_url.replace("asyncpg://", "postgres://"))
    suffix = uuid.uuid4().hex[:8]
    names = {size: f"accountql_growth_{size}_{suffix}" for size in SIZES}
    results = {}
    try:
        for size, name in names.items():
            await admin.execute(f"CREATE DATABASE {name}")
            say(f"created database {name}")
            results[size] = await measure(database_url(args.server_url, name), size, args)
    finally:
        for name in names.values():
            await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            say(f"dropped database {name}")
        await admin.close()
    large, small = results["large"], results["small"]
    line = "=" * 78
    print(line)
    print(f"Growth summary: pages of {PAGE}; large = 1,000,000-row tables, small = 1,000 rows")
    print(f"{'list':<16}{'page':<22}{'large ms':>10}{'small ms':>10}{'ratio':>8}  verdict")
    passed = True
    for name in LISTS:
        for key, label in (("first", "first"), ("deep", f"{DEEP_PAGE} (small: 50)"), ("back", "before, last (499/49)")):
            ratio = large[name][key] / small[name][key]
            ok = ratio <= GROWTH_TARGET
            passed &= ok
            print(f"{name:<16}{label:<22}{large[name][key]:>10.1f}{small[name][key]:>10.1f}{ratio:>8.2f}"
                  f"  [{'PASS' if ok else 'FAIL'}]")
        plan_ok = large[name].get("plan_ok", False)
        passed &= plan_ok
        print(f"{name:<16}{'plan of page 500':<22}{'':>28}  [{'PASS' if plan_ok else 'FAIL'}] index range, no sort")
    print(line)
    print(f"[{'PASS' if passed else 'FAIL'}] every page within {GROWTH_TARGET}x of the small set's, on an index range")
    return 0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server-url", default="postgres://postgres@127.0.0.1:5432/postgres",
                        help="a PostgreSQL server to create (and drop) two databases on")
    parser.add_argument("--repeat", type=int, default=15, help="requests per page, the fastest counts (15)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args())))
