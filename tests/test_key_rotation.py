"""Rotating ACCOUNTQL_SECRET_KEY: with the new key first and the old one after it, nobody is
logged out and every secret made under the old key still works; `accountql rotate-keys`
seals again what the old key sealed, so that it can then be dropped."""

from __future__ import annotations

import hashlib
import hmac
import subprocess

import jwt
import pytest

from accountql.config import ConfigError
from accountql.models import ApiKey, TotpCredential
from tests.api import error_code, gql, last_link_token, ok, sign_up
from tests.conftest import make_client
from tests.mfa_helpers import challenge, code_now, enroll, next_step, verify
from tests.test_api_keys import ADD_CONTACT, CREATE_KEY
from tests.test_live_server import ACCOUNTQL, environment
from tests.test_magic_links_and_resets import REQUEST_RESET, RESET
from tests.test_organizations import create_org

OLD, NEW = "o" * 48, "n" * 48
ME = "{ me { email } }"
ORG = "query($id: ID!) { organization(id: $id) { name } }"


async def test_rotating_the_key_logs_nobody_out_and_keeps_every_secret_working(settings):
    # Before: everything made under the old key alone.
    async with make_client(settings, secret_key=OLD) as before:
        ada = await sign_up(before, "ada@example.com")
        secret, backup_codes = await enroll(before, ada["token"])
        org = await create_org(before, ada["token"])
        key = ok(await gql(before, CREATE_KEY, {"i": {"organizationId": org, "name": "ci", "access": "READ_WRITE"}}, token=ada["token"]))["createApiKey"]
        ok(await gql(before, ADD_CONTACT, {"i": {"organizationId": org, "email": "ops@example.com", "roles": ["TECHNICAL"]}}, token=ada["token"]))
        ok(await gql(before, REQUEST_RESET, {"i": {"email": "ada@example.com", "channel": "EMAIL"}}))

    rotated = dict(secret_key=NEW, previous_secret_keys=(OLD,))
    async with make_client(settings, **rotated) as after:
        # The session signed by the old key, and the API key hashed under it, still work.
        assert ok(await gql(after, ME, token=ada["token"]))["me"]["email"] == "ada@example.com"
        assert ok(await gql(after, ORG, {"id": org}, token=key["secret"]))["organization"]["name"] == "Acme"
        # ...and the API key was hashed again under the new key as it was used.
        stored = (await ApiKey.get(id=key["apiKey"]["id"])).secret_hash
        assert stored == hmac.new(NEW.encode(), key["secret"].encode(), hashlib.sha256).hexdigest()
        # The TOTP secret sealed under the old key, and a backup code hashed under it.
        next_step()
        signed_in = ok(await verify(after, await challenge(after, "ada@example.com"), code_now(secret)))["verifyMfa"]
        claims = jwt.decode(signed_in["token"], NEW, algorithms=["HS256"], audience="accountql-api", options={"verify_exp": False, "verify_iat": False})
        assert claims["typ"] == "session"  # new sessions are signed by the new key
        ok(await verify(after, await challenge(after, "ada@example.com"), backup_codes[0]))
        # Links mailed before the rotation (their bodies sealed, their tokens hashed under the old key).
        contact_token = await last_link_token("ops@example.com", "contact_confirmation")
        assert ok(await gql(after, "mutation($t: String!) { confirmContact(input: {token: $t}) }", {"t": contact_token}))["confirmContact"]
        reset_token = await last_link_token("ada@example.com", "password_reset")
        ok(await gql(after, RESET, {"i": {"token": reset_token, "newPassword": "ada's rotated passphrase"}}))

    # rotate-keys seals the TOTP secret again under the new key, with progress.
    credential = await TotpCredential.get(user_id=(await ApiKey.get(id=key["apiKey"]["id"])).created_by_id)
    done = subprocess.run(
        [*ACCOUNTQL, "rotate-keys"], capture_output=True, text=True, timeout=120,
        env=environment(ACCOUNTQL_DATABASE_URL=settings.database_url, ACCOUNTQL_SECRET_KEY=f"{NEW}, {OLD}"),
    )
    assert done.returncode == 0, done.stderr
    assert "TOTP secrets: 1 read, 1 sealed again" in done.stdout and "Done:" in done.stdout
    assert (await TotpCredential.get(id=credential.id)).secret_encrypted != credential.secret_encrypted

    # Then the old key can go: the second factor and the API key work on the new key alone,
    # and a token signed by the old key does not.
    async with make_client(settings, secret_key=NEW) as alone:
        next_step()
        signed_in = ok(await verify(alone, await challenge_with(alone, "ada@example.com", "ada's rotated passphrase"), code_now(secret)))
        assert signed_in["verifyMfa"]["token"]
        assert ok(await gql(alone, ORG, {"id": org}, token=key["secret"]))["organization"]["name"] == "Acme"
        assert error_code(await gql(alone, ME, token=ada["token"])) == "UNAUTHENTICATED"


async def challenge_with(client, email: str, password: str) -> str:
    login = "mutation($i: LogInInput!) { logIn(input: $i) { ... on MfaChallenge { challenge } } }"
    return ok(await gql(client, login, {"i": {"email": email, "password": password}}))["logIn"]["challenge"]


def test_rotate_keys_with_one_key_says_what_to_do(tmp_path):
    done = subprocess.run(
        [*ACCOUNTQL, "rotate-keys"], capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env=environment(ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/r.sqlite3", ACCOUNTQL_SECRET_KEY=NEW),
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "put the new key first and the old one after it (new,old)" in done.stderr


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (f"{NEW},short", "key 2 of 2 in ACCOUNTQL_SECRET_KEY is shorter than 32 characters"),
        (f"{NEW},{NEW}", "ACCOUNTQL_SECRET_KEY names the same key twice"),
        (f"{NEW},", "key 2 of 2 in ACCOUNTQL_SECRET_KEY is shorter than 32 characters"),
    ],
)
def test_a_bad_key_list_is_refused_without_showing_a_key(tmp_path, monkeypatch, value, problem):
    from accountql.config import load_settings

    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/k.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", value)
    with pytest.raises(ConfigError) as refused:
        load_settings()
    assert problem in str(refused.value) and NEW not in str(refused.value)


def test_the_first_key_signs_and_the_others_are_previous(tmp_path, monkeypatch):
    from accountql.config import load_settings

    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/k.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", f" {NEW} , {OLD} ")
    settings = load_settings()
    assert (settings.secret_key, settings.previous_secret_keys, settings.secret_keys) == (NEW, (OLD,), (NEW, OLD))
