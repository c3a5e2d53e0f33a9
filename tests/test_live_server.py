"""The real `accountql serve` process: start, sign up, log in, stop; several workers on one
SQLite file; settings that stop start-up with one clear line."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.api import LOG_IN, PASSWORD, SIGN_UP, nodes

ACCOUNTQL = [sys.executable, "-m", "accountql"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(**values: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCOUNTQL_")}
    env.update(values)
    return env


class Server:
    def __init__(self, tmp_path: Path, *args: str, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / f"server-{self.port}.log"
        self.process = subprocess.Popen(
            [*ACCOUNTQL, "serve", "--port", str(self.port), *args],
            cwd=tmp_path,
            env=environment(**env),
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    async def wait_until_healthy(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient() as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise AssertionError(f"server exited early:\n{self.log.read_text()}")
                try:
                    if (await client.get(f"{self.url}/healthz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError(f"server did not become healthy:\n{self.log.read_text()}")

    def stop(self) -> bool:
        """SIGTERM, as a service manager sends it; True when the server shut down cleanly
        (uvicorn finishes its requests, then re-raises the signal as its exit status)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"server ignored SIGTERM:\n{self.log.read_text()}") from None
        return self.process.returncode in (0, -signal.SIGTERM) and (
            "Application shutdown complete" in self.log.read_text()
        )


async def verify_from_log(client: httpx.AsyncClient, server: "Server", email: str, token: str) -> None:
    """Follow the verification link that sign-up sent (development mode logs it), signed in
    with the account's session `token`."""
    pattern = re.compile(
        rf"e-mail to {re.escape(email)} [^\n]*\nSubject: Confirm your e-mail address\n.*?verify-email#token=([\w-]+)", re.S
    )
    deadline = time.monotonic() + 15
    while not (match := pattern.search(server.log.read_text())):
        assert time.monotonic() < deadline, f"no verification link for {email}:\n{server.log.read_text()}"
        await asyncio.sleep(0.2)
    verified = await post(client, server.url, "mutation($t: String!) { verifyEmail(input: {token: $t}) { emailVerified } }", {"t": match.group(1)}, token=token)
    assert verified["data"]["verifyEmail"]["emailVerified"], verified


async def post(client: httpx.AsyncClient, url: str, query: str, variables=None, token=None) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post(f"{url}/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_serve_migrates_signs_up_logs_in_and_stops(tmp_path):
    server = Server(tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/live.sqlite3")
    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient() as client:
            signed_up = await post(client, server.url, SIGN_UP, {"input": {"email": "live@example.com", "password": PASSWORD, "name": "Live"}})
            assert "errors" not in signed_up, signed_up
            logged_in = await post(client, server.url, LOG_IN, {"input": {"email": "live@example.com", "password": PASSWORD}})
            token = logged_in["data"]["logIn"]["token"]
            me = await post(client, server.url, "{ me { email sessions { edges { node { current ipAddress } } } } }", token=token)
            assert me["data"]["me"]["email"] == "live@example.com"
            assert {"current": True, "ipAddress": "127.0.0.1"} in nodes(me["data"]["me"]["sessions"])
            graphiql = await client.get(f"{server.url}/graphql", headers={"accept": "text/html"})
            assert "graphiql" in graphiql.text.lower()
    finally:
        assert server.stop(), server.log.read_text()
    log = server.log.read_text()
    assert "applied migration" in log
    # No secret key was set: one was generated beside the database, private, and logged.
    key_file = tmp_path / ".accountql-secret-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "ACCOUNTQL_SECRET_KEY is not set" in log
    assert key_file.read_text().strip() not in log


async def test_two_workers_share_one_sqlite_file_and_its_limits(tmp_path):
    server = Server(
        tmp_path, "--workers", "2",
        ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/workers.sqlite3",
        ACCOUNTQL_SECRET_KEY="w" * 48,
    )
    try:
        await server.wait_until_healthy()
        limits = httpx.Limits(max_connections=16)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:
            signups = await asyncio.gather(*[
                post(client, server.url, SIGN_UP, {"input": {"email": f"w{n}@example.com", "password": PASSWORD, "name": "W"}})
                for n in range(12)
            ])
            assert all("errors" not in r for r in signups), signups
            # A burst of wrong passwords across both processes still meets one limit.
            guesses = await asyncio.gather(*[
                post(client, server.url, LOG_IN, {"input": {"email": "w0@example.com", "password": f"wrong guess {n}"}})
                for n in range(30)
            ])
            codes = [g["errors"][0]["extensions"]["code"] for g in guesses]
            assert codes.count("INVALID_CREDENTIALS") == 10, codes
            assert codes.count("RATE_LIMITED") == 20
            assert "database is locked" not in server.log.read_text()
    finally:
        assert server.stop(), server.log.read_text()


async def test_owner_race_across_worker_processes_on_sqlite(tmp_path):
    from tests.test_organizations import ACCEPT, CHANGE_ROLE, CREATE, INVITE

    server = Server(
        tmp_path, "--workers", "2",
        ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/race.sqlite3",
        ACCOUNTQL_SECRET_KEY="r" * 48,
    )
    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient(timeout=30) as client:
            for round_ in range(4):
                ada = (await post(client, server.url, SIGN_UP, {"input": {"email": f"ada{round_}@example.com", "password": PASSWORD, "name": "A"}}))["data"]["signUp"]
                bob = (await post(client, server.url, SIGN_UP, {"input": {"email": f"bob{round_}@example.com", "password": PASSWORD, "name": "B"}}))["data"]["signUp"]
                org = (await post(client, server.url, CREATE, {"name": "Race"}, token=ada["token"]))["data"]["createOrganization"]["id"]
                invitation = (await post(client, server.url, INVITE, {"input": {"organizationId": org, "email": bob["user"]["email"], "role": "OWNER"}}, token=ada["token"]))["data"]["inviteMember"]
                await verify_from_log(client, server, bob["user"]["email"], bob["token"])
                await post(client, server.url, ACCEPT, {"id": invitation["id"]}, token=bob["token"])
                results = await asyncio.gather(*[
                    post(client, server.url, CHANGE_ROLE, {"input": {"organizationId": org, "userId": who["user"]["id"], "role": "MANAGER"}}, token=who["token"])
                    for who in (ada, bob)
                ])
                outcomes = sorted(r["errors"][0]["extensions"]["code"] if r.get("errors") else "ok" for r in results)
                assert outcomes == ["CONFLICT", "ok"], results
    finally:
        assert server.stop(), server.log.read_text()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ACCOUNTQL_DATABASE_URL": "mysql://root@localhost/db"}, "ACCOUNTQL_DATABASE_URL"),
        ({"ACCOUNTQL_ENV": "production"}, "ACCOUNTQL_SECRET_KEY is not set"),
        ({"ACCOUNTQL_ENV": "staging"}, "ACCOUNTQL_ENV"),
        ({"ACCOUNTQL_MAX_ALIASES": "many"}, "ACCOUNTQL_MAX_ALIASES"),
        ({"ACCOUNTQL_TRUSTED_PROXIES": "10.0.0.0/8,proxy.local"}, "ACCOUNTQL_TRUSTED_PROXIES"),
        ({"ACCOUNTQL_SECRET_KEY": "short"}, "ACCOUNTQL_SECRET_KEY"),
        ({"ACCOUNTQL_DATABASE_URL": "sqlite:///nonexistent/dir/x.sqlite3"}, "does not exist"),
        ({"ACCOUNTQL_DATABASE_URL": "postgres://postgres@127.0.0.1:1/none"}, "cannot use the database"),
        ({"ACCOUNTQL_SMTP_URL": "mail.example.com"}, "ACCOUNTQL_SMTP_URL"),
    ],
)
def test_a_wrong_setting_stops_start_up_with_one_line(tmp_path, env, message):
    env.setdefault("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/x.sqlite3")
    result = subprocess.run(
        [*ACCOUNTQL, "serve", "--port", str(free_port())],
        cwd=tmp_path, env=environment(**env), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    # One line says what is wrong (log lines of what was tried may come before it).
    errors = [line for line in result.stderr.splitlines() if line.startswith("accountql: ")]
    assert len(errors) == 1, result.stderr
    assert message in errors[0] and result.stderr.strip().endswith(errors[0])
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", ["", "abc\n"])
def test_a_broken_development_key_file_stops_start_up(tmp_path, content):
    key_file = tmp_path / ".accountql-secret-key"
    key_file.write_text(content)
    key_file.chmod(0o600)
    env = environment(ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/k.sqlite3")
    result = subprocess.run([*ACCOUNTQL, "migrate"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "does not hold a key" in result.stderr and "Traceback" not in result.stderr


def test_serve_on_the_suites_postgresql(tmp_path, database_url):
    if not database_url.startswith("postgres"):
        pytest.skip("runs when the suite runs on PostgreSQL (ACCOUNTQL_TEST_DATABASE_URL)")

    async def scenario() -> None:
        server = Server(tmp_path, ACCOUNTQL_DATABASE_URL=database_url, ACCOUNTQL_SECRET_KEY="g" * 48)
        try:
            await server.wait_until_healthy()
            async with httpx.AsyncClient() as client:
                await post(client, server.url, SIGN_UP, {"input": {"email": "pg@example.com", "password": PASSWORD, "name": "P"}})
                logged_in = await post(client, server.url, LOG_IN, {"input": {"email": "pg@example.com", "password": PASSWORD}})
                assert logged_in["data"]["logIn"]["__typename"] == "AuthSession"
        finally:
            assert server.stop(), server.log.read_text()

    asyncio.run(scenario())


def test_export_schema_prints_the_committed_sdl(tmp_path):
    result = subprocess.run([*ACCOUNTQL, "export-schema"], env=environment(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout == (Path(__file__).parent.parent / "schema.graphql").read_text()


def test_migrate_applies_then_finds_nothing_to_do(tmp_path):
    env = environment(ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/m.sqlite3", ACCOUNTQL_SECRET_KEY="m" * 48)
    first = subprocess.run([*ACCOUNTQL, "migrate"], env=env, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    assert "applied migration models.0001_initial" in first.stderr
    second = subprocess.run([*ACCOUNTQL, "migrate"], env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 0
    assert "applied migration" not in second.stderr
    assert "up to date" in second.stderr


def test_models_and_migrations_agree():
    result = subprocess.run([*ACCOUNTQL, "makemigrations", "--check"], env=environment(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


async def test_the_server_delivers_the_outbox_and_the_cli_lists_it(tmp_path):
    import pyotp

    from tests.mfa_helpers import BEGIN, CONFIRM
    from tests.test_organizations import ACCEPT, CREATE, INVITE

    env = dict(ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/mail.sqlite3", ACCOUNTQL_SECRET_KEY="o" * 48)
    server = Server(tmp_path, **env)
    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient(timeout=30) as client:
            async def account(email):
                data = await post(client, server.url, SIGN_UP, {"input": {"email": email, "password": PASSWORD, "name": "N"}})
                return data["data"]["signUp"]

            ada, bob = await account("ada@example.com"), await account("bob@example.com")
            secret = (await post(client, server.url, BEGIN, token=ada["token"]))["data"]["beginMfaEnrollment"]["secret"]
            confirmed = await post(client, server.url, CONFIRM, {"code": pyotp.TOTP(secret).now()}, token=ada["token"])
            assert "errors" not in confirmed, confirmed
            org = (await post(client, server.url, CREATE, {"name": "Acme"}, token=ada["token"]))["data"]["createOrganization"]["id"]
            invitation = (await post(client, server.url, INVITE, {"input": {"organizationId": org, "email": "bob@example.com", "role": "MANAGER"}}, token=ada["token"]))["data"]["inviteMember"]
            await verify_from_log(client, server, "bob@example.com", bob["token"])
            await post(client, server.url, ACCEPT, {"id": invitation["id"]}, token=bob["token"])
            enforce = "mutation($id: ID!) { setMfaEnforcement(input: {organizationId: $id, enforced: true}) { mfaEnforced } }"
            assert (await post(client, server.url, enforce, {"id": org}, token=ada["token"]))["data"]["setMfaEnforcement"]["mfaEnforced"]
        deadline = time.monotonic() + 15
        while "Acme requires multi-factor authentication" not in server.log.read_text() and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert "Acme requires multi-factor authentication" in server.log.read_text()
    finally:
        assert server.stop(), server.log.read_text()
    listed = subprocess.run([*ACCOUNTQL, "outbox"], env=environment(**env), capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert "SENT  to bob@example.com" in listed.stdout
    assert "Subject: Acme requires multi-factor authentication" in listed.stdout


async def test_newcomer_logs_in_with_a_magic_link_from_the_outbox(tmp_path):
    import re

    from tests.messaging import SmsProvider
    from tests.test_magic_links_and_resets import (
        LINK_LOG_IN,
        REQUEST_LINK,
        REQUEST_RESET,
        RESET,
    )
    from tests.test_phone_and_sms import SET_PHONE, VERIFY_PHONE

    sms = SmsProvider()
    env = dict(
        ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/magic.sqlite3",
        ACCOUNTQL_SECRET_KEY="m" * 48,
        ACCOUNTQL_SMS_URL=sms.url,
        # A number may reset the password at once here (the default waits 72 hours).
        ACCOUNTQL_SMS_RESET_DELAY_HOURS="0",
    )
    server = Server(tmp_path, **env)

    async def outbox_listing() -> str:
        result = subprocess.run([*ACCOUNTQL, "outbox"], env=environment(**env), capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout

    async def eventually(check, what: str):
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if (found := await check()):
                return found
            await asyncio.sleep(0.3)
        raise AssertionError(f"{what} never came:\n{server.log.read_text()}")

    try:
        await server.wait_until_healthy()
        async with httpx.AsyncClient(timeout=30) as client:
            ada = (await post(client, server.url, SIGN_UP, {"input": {"email": "ada@example.com", "password": PASSWORD, "name": "A"}}))["data"]["signUp"]
            await verify_from_log(client, server, "ada@example.com", ada["token"])
            assert (await post(client, server.url, REQUEST_LINK, {"e": "ada@example.com"}))["data"]["requestMagicLink"]

            async def link_in_outbox():
                match = re.search(r"magic-link#token=([\w-]+)", await outbox_listing())
                return match and match.group(1)

            token = await eventually(link_in_outbox, "the magic link")
            first = await post(client, server.url, LINK_LOG_IN, {"t": token})
            assert first["data"]["logInWithMagicLink"]["__typename"] == "AuthSession"
            second = await post(client, server.url, LINK_LOG_IN, {"t": token})
            assert second["errors"][0]["extensions"]["code"] == "INVALID_CODE"

            # A reset by SMS code, end to end through the test provider.
            await post(client, server.url, SET_PHONE, {"n": "+33612345678"}, token=ada["token"])

            async def code_at_provider():
                return bool(sms.received) and sms.last_code("+33612345678")

            code = await eventually(code_at_provider, "the verification SMS")
            await post(client, server.url, VERIFY_PHONE, {"c": code}, token=ada["token"])
            sms.received.clear()
            await post(client, server.url, REQUEST_RESET, {"i": {"phoneNumber": "+33612345678", "channel": "SMS"}})
            code = await eventually(code_at_provider, "the reset SMS")
            reset = await post(client, server.url, RESET, {"i": {"code": code, "phoneNumber": "+33612345678", "newPassword": "a fresh passphrase"}})
            assert reset["data"]["resetPassword"] is True, reset
            logged_in = await post(client, server.url, LOG_IN, {"input": {"email": "ada@example.com", "password": "a fresh passphrase"}})
            assert logged_in["data"]["logIn"]["__typename"] == "AuthSession"
    finally:
        sms.stop()
        assert server.stop(), server.log.read_text()
