"""Two `accountql serve` processes on one PostgreSQL under a mixed load (logins, `me`,
member pages, mutations), while every kind of single-use secret is raced across the two:
no answer may be a 5xx, and each secret must win exactly once.

The short run (15 s) is part of the suite on PostgreSQL. The two-minute run is marked
`load` and left out of the default run; run it with

    ACCOUNTQL_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB \\
        python -m pytest -m load tests/test_load.py -s

which prints the request count, the status codes and p50/p99 latency.
"""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import time
from collections import Counter

import httpx
import pyotp
import pytest

from accountql import outbox
from accountql.models import OutboxMessage
from tests.api import LOG_IN, PASSWORD, SIGN_UP, VERIFY_EMAIL
from tests.mfa_helpers import BEGIN, CONFIRM, VERIFY
from tests.test_live_server import Server
from tests.test_magic_links_and_resets import (
    LINK_LOG_IN,
    REQUEST_LINK,
    REQUEST_RESET,
    RESET,
)
from tests.test_organizations import ACCEPT, CREATE, INVITE

CLIENTS = 6  # concurrent load loops
MEMBERS = 8
ME = "query Me { me { id email name memberships { edges { node { role organization { id name } } } } } }"
MEMBER_PAGE = """query MemberPage($id: ID!) { organization(id: $id) { name
  members(first: 20) { totalCount edges { node { role user { email name } } } } } }"""
UPDATE_PROFILE = "mutation UpdateProfile($n: String!) { updateProfile(input: {name: $n}) { name } }"
RENAME = "mutation Rename($id: ID!, $n: String!) { renameOrganization(input: {organizationId: $id, name: $n}) { name } }"
# Limits that a load from one address would meet long before it means anything.
LOAD_SETTINGS = {
    "ACCOUNTQL_SIGNUPS_PER_IP": "100000",
    "ACCOUNTQL_MESSAGES_PER_IP": "100000",
    "ACCOUNTQL_MESSAGES_PER_RECIPIENT": "100000",
    "ACCOUNTQL_MFA_FAILURES_PER_ACCOUNT": "100000",
}


class Traffic:
    """Every request sent, its status and latency, and the error codes answered."""

    def __init__(self, servers: list[Server]) -> None:
        self.servers = servers
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.codes: Counter = Counter()

    async def call(self, client, on: int, query: str, variables=None, token=None) -> dict:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        started = time.perf_counter()
        response = await client.post(
            f"{self.servers[on % 2].url}/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        self.latencies.append(time.perf_counter() - started)
        self.statuses[response.status_code] += 1
        body = response.json()
        for error in body.get("errors", []):
            self.codes[error["extensions"]["code"]] += 1
        return body

    def summary(self) -> dict:
        cuts = statistics.quantiles(self.latencies, n=100)
        return {
            "requests": len(self.latencies),
            "statuses": dict(self.statuses),
            "5xx": sum(n for status, n in self.statuses.items() if status >= 500),
            "p50_ms": round(cuts[49] * 1000, 1),
            "p99_ms": round(cuts[98] * 1000, 1),
        }


async def newest_token(address: str, kind: str) -> str:
    message = await OutboxMessage.filter(recipient=address, kind=kind).order_by("-created_at").first()
    assert message is not None, f"no {kind} message to {address}"
    return re.search(r"token=([\w-]+)", outbox.body_of(message)).group(1)


def ok(result: dict) -> dict:
    assert not result.get("errors"), result
    return result["data"]


class Cast:
    """The accounts of the run, made through server A."""

    async def make(self, traffic: Traffic, client) -> None:
        self.traffic, self.client = traffic, client
        self.owner = await self.account("owner@load.example.com")
        self.org = ok(await traffic.call(client, 0, CREATE, {"name": "Load"}, self.owner))["createOrganization"]["id"]
        self.members = [await self.account(f"member{n}@load.example.com") for n in range(MEMBERS)]
        for n, token in enumerate(self.members):
            await self.join(f"member{n}@load.example.com", token, on=n)
        self.reset_address, self.magic_address = "reset@load.example.com", "magic@load.example.com"
        await self.account(self.reset_address)
        await self.account(self.magic_address)
        mfa_token = await self.account("mfa@load.example.com")
        self.totp = pyotp.TOTP(ok(await traffic.call(client, 0, BEGIN, token=mfa_token))["beginMfaEnrollment"]["secret"])
        # Enrolled with the previous step's code (still accepted), so the current one is free.
        confirmed = await traffic.call(client, 0, CONFIRM, {"code": self.totp.at(time.time() - 30)}, mfa_token)
        self.backup_codes = ok(confirmed)["confirmMfaEnrollment"]["codes"]
        self.last_totp_step = int(time.time() // 30) - 1

    async def account(self, email: str, verify: bool = True) -> str:
        data = ok(await self.traffic.call(self.client, 0, SIGN_UP, {"input": {"email": email, "password": PASSWORD, "name": "L"}}))
        token = data["signUp"]["token"]
        if verify:
            ok(await self.traffic.call(self.client, 1, VERIFY_EMAIL, {"t": await newest_token(email, "email_verification")}, token))
        return token

    async def join(self, email: str, token: str, on: int) -> None:
        invitation = ok(await self.traffic.call(
            self.client, on, INVITE, {"input": {"organizationId": self.org, "email": email, "role": "MANAGER"}}, self.owner
        ))["inviteMember"]["id"]
        ok(await self.traffic.call(self.client, on + 1, ACCEPT, {"id": invitation}, token))


async def load_loop(traffic: Traffic, cast: Cast, client, until: float, seed: int) -> None:
    chance = random.Random(seed)
    n = seed
    while time.monotonic() < until:
        n += 1
        member = chance.randrange(MEMBERS)
        token = cast.members[member]
        pick = chance.random()
        if pick < 0.30:
            result = await traffic.call(client, n, ME, token=token)
        elif pick < 0.55:
            result = await traffic.call(client, n, MEMBER_PAGE, {"id": cast.org}, token)
        elif pick < 0.75:
            result = await traffic.call(client, n, LOG_IN, {"input": {"email": f"member{member}@load.example.com", "password": PASSWORD}})
            assert result["data"]["logIn"]["__typename"] == "AuthSession", result
        elif pick < 0.92:
            result = await traffic.call(client, n, UPDATE_PROFILE, {"n": f"Member {n}"}, token)
        else:
            result = await traffic.call(client, n, RENAME, {"id": cast.org, "n": f"Load {n}"}, cast.owner)
        assert not result.get("errors"), result


async def race(traffic: Traffic, client, query: str, variables: list[dict], token=None) -> int:
    """Send the same use of one secret to both processes at once, twice each (a list of
    variables: one per request, for uses that need one each); how many succeeded."""
    calls = [traffic.call(client, n, query, variables[n % len(variables)], token) for n in range(4)]
    results = await asyncio.gather(*calls)
    return sum(1 for result in results if not result.get("errors"))


async def challenges(traffic: Traffic, client, count: int) -> list[dict]:
    logins = [traffic.call(client, n, LOG_IN, {"input": {"email": "mfa@load.example.com", "password": PASSWORD}}) for n in range(count)]
    return [ok(result)["logIn"]["challenge"] for result in await asyncio.gather(*logins)]


async def race_round(traffic: Traffic, cast: Cast, client, round_: int, wins: dict) -> None:
    """One race of each kind of single-use secret (TOTP only when a fresh step has begun)."""
    ok(await traffic.call(client, round_, REQUEST_RESET, {"i": {"email": cast.reset_address, "channel": "EMAIL"}}))
    token = await newest_token(cast.reset_address, "password_reset")
    wins["password reset"].append(await race(traffic, client, RESET, [{"i": {"token": token, "newPassword": f"a new passphrase {round_}"}}]))

    ok(await traffic.call(client, round_, REQUEST_LINK, {"e": cast.magic_address}))
    token = await newest_token(cast.magic_address, "magic_link")
    wins["magic link"].append(await race(traffic, client, LINK_LOG_IN, [{"t": token}]))

    email = f"new{round_}@load.example.com"
    session = await cast.account(email, verify=False)
    token = await newest_token(email, "email_verification")
    wins["email verification"].append(await race(traffic, client, VERIFY_EMAIL, [{"t": token}], session))
    invitation = ok(await traffic.call(
        client, round_, INVITE, {"input": {"organizationId": cast.org, "email": email, "role": "MANAGER"}}, cast.owner
    ))["inviteMember"]["id"]
    wins["invitation"].append(await race(traffic, client, ACCEPT, [{"id": invitation}], session))

    if cast.backup_codes:
        code = cast.backup_codes.pop()
        found = await challenges(traffic, client, 4)
        wins["backup code"].append(await race(traffic, client, VERIFY, [{"input": {"challenge": c, "code": code}} for c in found]))

    step = int(time.time() // 30)
    if step > cast.last_totp_step and time.time() % 30 < 25:  # not at the very end of a step
        cast.last_totp_step = step
        found = await challenges(traffic, client, 4)
        code = cast.totp.at(step * 30)
        wins["TOTP code"].append(await race(traffic, client, VERIFY, [{"input": {"challenge": c, "code": code}} for c in found]))


async def race_loop(traffic: Traffic, cast: Cast, client, until: float, wins: dict) -> None:
    round_ = 0
    while time.monotonic() < until or not wins["TOTP code"]:
        await race_round(traffic, cast, client, round_, wins)
        round_ += 1
        if not wins["TOTP code"] and time.monotonic() >= until:
            await asyncio.sleep(1)  # wait for the next 30-second step


async def run_load(tmp_path, database_url: str, seconds: float) -> dict:
    env = {"ACCOUNTQL_DATABASE_URL": database_url, "ACCOUNTQL_SECRET_KEY": "t" * 48, **LOAD_SETTINGS}
    servers = [Server(tmp_path, **env), Server(tmp_path, "--no-migrate", **env)]
    traffic = Traffic(servers)
    try:
        for server in servers:
            await server.wait_until_healthy()
        limits = httpx.Limits(max_connections=CLIENTS + 8)
        async with httpx.AsyncClient(limits=limits, timeout=60) as client:
            cast = Cast()
            await cast.make(traffic, client)
            traffic.latencies.clear(), traffic.statuses.clear(), traffic.codes.clear()  # measure the load only
            wins: dict[str, list[int]] = {k: [] for k in ("password reset", "magic link", "email verification", "invitation", "backup code", "TOTP code")}
            until = time.monotonic() + seconds
            await asyncio.gather(
                *(load_loop(traffic, cast, client, until, seed) for seed in range(CLIENTS)),
                race_loop(traffic, cast, client, until, wins),
            )
    finally:
        for server in servers:
            assert server.stop(), server.log.read_text()
    summary = {**traffic.summary(), "seconds": seconds, "races": {kind: Counter(won) for kind, won in wins.items()}}
    print(f"\nload on two processes: {summary}")
    for server in servers:
        log = server.log.read_text()
        assert "Traceback" not in log and "ERROR" not in log, log[-3000:]
    assert summary["5xx"] == 0, summary
    assert not {"INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE"} & set(traffic.codes), traffic.codes
    for kind, won in wins.items():
        assert won and all(n == 1 for n in won), f"{kind}: {won}"
    return summary


def needs_postgres(database_url: str) -> None:
    if not database_url.startswith("postgres"):
        pytest.skip("two server processes on one database: runs on PostgreSQL (ACCOUNTQL_TEST_DATABASE_URL)")


async def test_two_processes_under_load_answer_without_5xx_and_secrets_win_once(tmp_path, database_url):
    needs_postgres(database_url)
    await run_load(tmp_path, database_url, seconds=15)


@pytest.mark.load
async def test_two_processes_under_two_minutes_of_load(tmp_path, database_url):
    needs_postgres(database_url)
    await run_load(tmp_path, database_url, seconds=120)
