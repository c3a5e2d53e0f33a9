#!/usr/bin/env python
"""Throughput benchmark of the real AccountQL server against a bare Strawberry app.

One run:
  1. starts `accountql serve --workers 1` on a fresh SQLite database in a temporary folder;
  2. starts a bare Strawberry app (`type Query { hello: String! }`) on the same uvicorn,
     also one process;
  3. signs up, creates an organization and gives it 10,000 members by bulk SQL;
  4. measures, with one shared httpx.AsyncClient (HTTP/1.1, keep-alive, a pool sized to
     the concurrency), for a fixed duration each:
       - password logins per second (the `logIn` mutation, right password),
       - authenticated `{ me { id email } }` requests per second,
       - `{ me { email sessions { edges { node { id } } } } }` (the issue's "me sessions"),
       - the first 100-member page of the 10,000-member organization (role, createdAt,
         the user's email and name),
       - the bare app's `{ hello }` requests per second,
       - the bare app's member page: the same shape from memory, no database (the cost
         of the GraphQL engine alone, a ceiling for the member page's ratio);
  5. prints a summary with the targets, each PASS or FAIL: me sessions >= 80 % of hello,
     the member page >= 20 % of hello, logins >= 0.85 of the argon2 floor, and the
     server's resident memory after the load <= 120 MB.

The argon2 floor is the most logins a second the server's hashing threads can do: their
number (ACCOUNTQL_ARGON2_THREADS, by default one per core) divided by the median
time of one argon2id verify at the server's parameters, measured in the same run.

It exits 0 whether the targets pass or not; 1 only when a server (or the sign-up that
every later phase needs) fails.

    python bench/bench_server.py --duration 5 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import string
import sys
import tempfile
import time
from pathlib import Path

import httpx
from bench_processes import (
    Server,
    SetupError,
    accountql_command,
    free_port,
    machine_busy_seconds,
    say,
    start_server,
    wait_healthy,
)
from bench_report import Phase, report_phase, summary
from bench_support import seed_members, worker_rss_megabytes

PASSWORD = "correct horse battery staple"

SIGN_UP = """
mutation($input: SignUpInput!) {
  signUp(input: $input) { token user { id email } }
}"""

LOG_IN = """
mutation($input: LogInInput!) {
  logIn(input: $input) {
    __typename
    ... on AuthSession { token user { id } }
    ... on MfaChallenge { challenge }
  }
}"""

ME = "{ me { id email } }"
ME_SESSIONS = "{ me { email sessions { edges { node { id } } } } }"
HELLO = "{ hello }"
CREATE_ORGANIZATION = 'mutation { createOrganization(input: {name: "Bench"}) { id } }'
MEMBER_PAGE = """query($id: ID!) { organization(id: $id) { members(first: 100) {
  edges { node { role createdAt user { email name } } } } } }"""

BARE_MEMBER_PAGE = "{ members(first: 100) { edges { node { role createdAt user { email name } } } } }"


def diagnose_accountql(server: Server) -> str:
    """The server runs but /healthz says the database does not answer: send one request
    that needs the database (a login for an address that does not exist, harmless) so the
    server logs the underlying exception, and report what came back."""
    probe = graphql_body(
        LOG_IN, {"input": {"email": "nobody@bench.invalid", "password": "not the password"}}
    )
    try:
        with httpx.Client(base_url=server.base_url, timeout=10.0) as client:
            response = client.post(
                "/graphql", content=probe, headers={"content-type": "application/json"}
            )
        answer = f"HTTP {response.status_code}: {response.text[:300]}"
    except httpx.HTTPError as error:
        answer = f"{type(error).__name__}: {error}"
    time.sleep(0.3)  # let the server flush its traceback to the log
    return (
        "\n  The process is running but its health check reports the database as unavailable."
        f"\n  Probe (logIn for an unknown address, needs the database): {answer}"
    )


# --------------------------------------------------------------------------- load


def graphql_body(query: str, variables: dict | None = None) -> bytes:
    return json.dumps({"query": query, "variables": variables or {}}).encode()


def error_kind(payload: dict) -> str:
    first = payload["errors"][0] if payload.get("errors") else {}
    code = (first.get("extensions") or {}).get("code", "?")
    return f"GraphQL {code}: {str(first.get('message', ''))[:120]}"


async def run_phase(
    client: httpx.AsyncClient,
    name: str,
    url: str,
    body: bytes,
    headers: dict,
    duration: float,
    concurrency: int,
    max_requests: int,
    server: Server,
    record: bool = True,
) -> Phase:
    """`concurrency` tasks POST `body` back to back until the time is up; an answer counts
    as a success when it is HTTP 200 with JSON that has no "errors" key."""
    phase = Phase(name)
    all_headers = {"content-type": "application/json", **headers}
    issued = 0
    start = time.perf_counter()
    deadline = start + duration

    async def worker() -> None:
        nonlocal issued
        while issued < max_requests and time.perf_counter() < deadline:
            issued += 1
            sent = time.perf_counter()
            try:
                response = await client.post(url, content=body, headers=all_headers)
            except httpx.HTTPError as error:
                phase.note_error(f"{type(error).__name__}: {str(error)[:120]}")
                continue
            took = time.perf_counter() - sent
            if response.status_code != 200:
                phase.note_error(f"HTTP {response.status_code}: {response.text[:120]}")
                continue
            try:
                payload = json.loads(response.content)
            except ValueError:
                phase.note_error(f"not JSON: {response.text[:120]}")
                continue
            if "errors" in payload:
                phase.note_error(error_kind(payload))
                continue
            phase.ok += 1
            if record:
                phase.latencies.append(took)

    machine_before = machine_busy_seconds()
    cpu_before, client_before = server.cpu_seconds(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    phase.elapsed = time.perf_counter() - start
    cpu_after = server.cpu_seconds()
    phase.client_cpu = time.process_time() - client_before
    machine_after = machine_busy_seconds()
    if cpu_before is not None and cpu_after is not None:
        phase.server_cpu = cpu_after - cpu_before
        if machine_before is not None and machine_after is not None:
            phase.other_cpu = max(
                0.0, machine_after - machine_before - phase.server_cpu - phase.client_cpu
            )
    return phase


async def measure(args, accountql: Server, bare: Server) -> dict:
    limits = httpx.Limits(
        max_connections=args.concurrency, max_keepalive_connections=args.concurrency
    )
    timeout = httpx.Timeout(args.request_timeout)
    async with httpx.AsyncClient(limits=limits, timeout=timeout, http1=True, http2=False) as client:
        email = f"bench-{secrets.token_hex(6)}@example.com"
        say(f"signing up {email}")
        response = await client.post(
            f"{accountql.base_url}/graphql",
            content=graphql_body(
                SIGN_UP, {"input": {"email": email, "password": PASSWORD, "name": "Bench"}}
            ),
            headers={"content-type": "application/json"},
        )
        try:
            payload = response.json()
        except ValueError:
            payload = {"errors": [{"message": response.text[:300]}]}
        if response.status_code != 200 or payload.get("errors") or not payload.get("data"):
            raise SetupError(f"signUp failed (HTTP {response.status_code}): {payload}")
        token = payload["data"]["signUp"]["token"]
        say("signed up; the session token is used for the `me` phases")
        bearer = {"authorization": f"Bearer {token}"}
        graphql = f"{accountql.base_url}/graphql"

        response = await client.post(
            graphql, content=graphql_body(CREATE_ORGANIZATION),
            headers={"content-type": "application/json", **bearer},
        )
        organization_id = response.json()["data"]["createOrganization"]["id"]
        seconds = seed_members(args.database, organization_id, args.members)
        say(f"organization {organization_id}: {args.members} members added by bulk SQL in {seconds:.1f} s")

        login_body = graphql_body(LOG_IN, {"input": {"email": email, "password": PASSWORD}})
        me_body = graphql_body(ME)
        sessions_body = graphql_body(ME_SESSIONS)
        page_body = graphql_body(MEMBER_PAGE, {"id": organization_id})
        hello_body = graphql_body(HELLO)
        common = dict(concurrency=args.concurrency, max_requests=args.max_requests)

        plan = [
            ("logins", graphql, login_body, {}, accountql, "logins"),
            ("me", graphql, me_body, bearer, accountql, "req"),
            ("me sessions", graphql, sessions_body, bearer, accountql, "req"),
            ("member page", graphql, page_body, bearer, accountql, "pages"),
            ("hello (bare)", f"{bare.base_url}/graphql", hello_body, {}, bare, "req"),
            ("page (bare)", f"{bare.base_url}/graphql", graphql_body(BARE_MEMBER_PAGE), {}, bare, "pages"),
        ]
        results = {}
        for name, url, body, headers, server, unit in plan:
            if args.warmup > 0:
                say(f"{name}: warming up for {args.warmup:.1f} s")
                await run_phase(
                    client, name, url, body, headers, args.warmup, server=server,
                    record=False, **common,
                )
            say(f"{name}: measuring for {args.duration:.1f} s at concurrency {args.concurrency}")
            phase = await run_phase(
                client, name, url, body, headers, args.duration, server=server, **common
            )
            report_phase(phase, unit)
            results[name] = phase
            if server.process.poll() is not None:
                raise SetupError(
                    f"{server.name} exited (code {server.process.returncode}) during the "
                    f"{name} phase.\n{server.log_tail()}"
                )
        return results


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per phase (5)")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent requests (16)")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds per phase (1)")
    parser.add_argument(
        "--max-requests", type=int, default=1_000_000, help="cap on requests per phase"
    )
    parser.add_argument(
        "--startup-timeout", type=float, default=30.0, help="seconds to wait for each server"
    )
    parser.add_argument("--request-timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument(
        "--log-level",
        default=None,
        help="uvicorn log level for both servers (default: their default, info)",
    )
    parser.add_argument("--keep-tmp", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--members", type=int, default=10_000, help="members of the paged organization (10000)"
    )
    args = parser.parse_args(argv)
    if args.duration <= 0 or args.concurrency < 1 or args.max_requests < 1:
        parser.error("--duration must be > 0, --concurrency and --max-requests >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    say(f"os.cpu_count() = {os.cpu_count()}; python {sys.version.split()[0]}")
    workdir = Path(tempfile.mkdtemp(prefix="accountql-bench-"))
    args.database = workdir / "bench.sqlite3"
    say(f"temporary folder {workdir}")
    servers: list[Server] = []
    try:
        env = dict(os.environ)
        env.update(
            ACCOUNTQL_DATABASE_URL=f"sqlite://{args.database}",
            ACCOUNTQL_SECRET_KEY="".join(
                secrets.choice(string.ascii_letters + string.digits) for _ in range(48)
            ),
            ACCOUNTQL_ENV="development",
            ACCOUNTQL_LOGIN_FAILURES_PER_IP="1000000",
            ACCOUNTQL_LOGIN_FAILURES_PER_ACCOUNT="1000000",
            PYTHONUNBUFFERED="1",
        )
        log_level = ["--log-level", args.log_level] if args.log_level else []

        port = free_port()
        command = accountql_command()
        accountql = start_server(
            "accountql",
            command
            + ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
            + log_level,
            env,
            port,
            workdir,
        )
        servers.append(accountql)

        shutil.copy(Path(__file__).with_name("bare_app.py"), workdir / "bench_hello_app.py")
        bare_port = free_port()
        bare_env = {k: v for k, v in env.items() if not k.startswith("ACCOUNTQL_")}
        bare = start_server(
            "bare-strawberry",
            [
                sys.executable, "-m", "uvicorn", "bench_hello_app:app",
                "--app-dir", str(workdir), "--host", "127.0.0.1", "--port", str(bare_port),
                "--workers", "1", "--no-server-header",
            ]
            + log_level,
            bare_env,
            bare_port,
            workdir,
        )
        servers.append(bare)

        wait_healthy(accountql, "/healthz", args.startup_timeout, diagnose=diagnose_accountql)
        wait_healthy(
            bare, "/graphql", args.startup_timeout, method="POST", body={"query": HELLO}
        )
        for server in servers:
            say(f"{server.name}: pid {server.process.pid}, {server.threads()} threads")

        results = asyncio.run(measure(args, accountql, bare))
        rss = worker_rss_megabytes(accountql.process.pid)
        say(f"accountql after the run: {accountql.threads()} threads, RSS {rss} MB")
        summary(args, results, accountql, rss)
        return 0
    except SetupError as error:
        print(f"bench_server: FAILED: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        for server in reversed(servers):
            server.stop()
        if args.keep_tmp:
            say(f"kept {workdir} (server logs: *.log)")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
