"""The relying party's settings: from ACCOUNTQL_APP_URL unless set, and refused at start-up
when the relying-party id does not cover the origins (browsers would refuse every
ceremony, and passkeys would just never work)."""

from __future__ import annotations

import os

import pytest

from accountql.config import ConfigError, load_settings
from accountql.models import Passkey
from tests.api import error_code, sign_up
from tests.conftest import make_client
from tests.passkey_helpers import (  # noqa: F401 - web is a fixture
    APP_URL,
    finish_log_in,
    finish_registration,
    log_in_options,
    register,
    registration_options,
    web,
)
from tests.webauthn_authenticator import Authenticator


def settings_with(monkeypatch, tmp_path, **values: str):
    for name in [n for n in os.environ if n.startswith("ACCOUNTQL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/w.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "w" * 48)
    for name, value in values.items():
        monkeypatch.setenv(f"ACCOUNTQL_{name}", value)
    return load_settings()


def test_the_relying_party_defaults_to_the_app_url(monkeypatch, tmp_path):
    settings = settings_with(monkeypatch, tmp_path, APP_URL="https://accounts.example.com/")
    assert (settings.rp_id, settings.rp_name, settings.rp_origins) == (
        "accounts.example.com", "AccountQL", ("https://accounts.example.com",)
    )


def test_a_parent_domain_serves_several_origins(monkeypatch, tmp_path):
    settings = settings_with(
        monkeypatch, tmp_path, APP_URL="https://accounts.example.com", WEBAUTHN_RP_ID="Example.com",
        WEBAUTHN_RP_NAME="Example", WEBAUTHN_ORIGINS="https://example.com,https://console.example.com",
    )
    assert (settings.rp_id, settings.rp_name) == ("example.com", "Example")
    assert settings.rp_origins == ("https://example.com", "https://console.example.com")


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"APP_URL": "https://accounts.example.com", "WEBAUTHN_RP_ID": "other.example"}, "does not cover the origin"),
        ({"WEBAUTHN_RP_ID": "example.com", "WEBAUTHN_ORIGINS": "https://evil-example.com"}, "does not cover the origin"),
        ({"WEBAUTHN_RP_ID": "https://example.com"}, "is not a domain"),
        ({"WEBAUTHN_ORIGINS": "https://example.com/login"}, "is not a web origin"),
    ],
)
def test_a_relying_party_that_cannot_work_is_refused(monkeypatch, tmp_path, values, says):
    with pytest.raises(ConfigError, match=says):
        settings_with(monkeypatch, tmp_path, **values)


async def test_ceremonies_follow_the_configured_origins(settings):
    async with make_client(
        settings, app_url="https://accounts.example.com", webauthn_rp_id="example.com",
        webauthn_origins=("https://console.example.com",),
    ) as client:
        ada = await sign_up(client, "ada@example.com")
        options = await registration_options(client, ada["token"])
        assert options["rp"]["id"] == "example.com"
        app_page = Authenticator(origin="https://accounts.example.com").create(options)
        assert error_code(await finish_registration(client, ada["token"], app_page)) == "BAD_USER_INPUT"
        await register(client, ada["token"], Authenticator(origin="https://console.example.com"))


async def test_the_same_passkey_cannot_be_registered_twice(web):
    ada = await sign_up(web, "ada@example.com")
    bob = await sign_up(web, "bob@example.com")
    authenticator = Authenticator()
    await register(web, ada["token"], authenticator)
    taken = authenticator.credentials[0].credential_id
    options = await registration_options(web, ada["token"])
    assert len(options["excludeCredentials"]) == 1
    # An authenticator that ignores excludeCredentials and reuses the id, for Ada or for Bob.
    refused = await finish_registration(web, ada["token"], authenticator.create(options, credential_id=taken))
    assert error_code(refused) == "CONFLICT" and refused["errors"][0]["extensions"]["field"] == "input.credential"
    options = await registration_options(web, bob["token"])
    assert error_code(await finish_registration(web, bob["token"], authenticator.create(options, credential_id=taken))) == "CONFLICT"


JUNK = [None, 0, -1, True, "", "!!", "AAAA", "x" * 2000, [], {}, {"a": 1}, "e30", "bnVsbA"]


def mutations(credential: dict) -> list:
    """Ways to spoil a credential: one field at a time replaced by junk, or removed (each a
    function, to apply to a fresh credential with a live challenge)."""
    spoilers = []
    for key in [k for k in credential if k != "response"] + ["response"]:
        spoilers += [lambda c, key=key, junk=junk: {**c, key: junk} for junk in JUNK]
        spoilers.append(lambda c, key=key: {k: v for k, v in c.items() if k != key})
    for key in credential["response"]:
        spoilers += [lambda c, key=key, junk=junk: {**c, "response": {**c["response"], key: junk}} for junk in JUNK]
        spoilers.append(lambda c, key=key: {**c, "response": {k: v for k, v in c["response"].items() if k != key}})
    return spoilers


def _outcome(before: dict, after: dict, answer: dict) -> tuple[str, str]:
    """Which field was spoiled, and the answer's code (OK for none)."""
    changed = [k for k in set(before) | set(after) if before.get(k) != after.get(k)]
    inner = after.get("response")
    if changed == ["response"] and isinstance(inner, dict):
        changed = [f"response.{k}" for k in set(before["response"]) | set(inner) if before["response"].get(k) != inner.get(k)]
    return (changed or ["nothing"])[0], (error_code(answer) if answer.get("errors") else "OK")


async def test_a_mangled_credential_is_a_clear_refusal_never_a_crash(settings):
    """Every spoiled field, each against a live challenge: a stable code, never a 500."""
    async with make_client(settings, app_url=APP_URL, login_failures_per_ip=10_000) as web:
        await _spoil_every_field(web)


async def _spoil_every_field(web) -> None:
    outcomes = set()
    ada = await sign_up(web, "ada@example.com")
    authenticator = Authenticator()
    sample = authenticator.create(await registration_options(web, ada["token"]))
    for spoil in mutations(sample):
        made = authenticator.create(await registration_options(web, ada["token"]))
        answer = await finish_registration(web, ada["token"], spoil(made))
        outcomes.add(_outcome(made, spoil(made), answer))
        await Passkey.filter(user_id=ada["user_id"]).delete()  # a harmless spoil registered: stay under the cap
    await register(web, ada["token"], authenticator)
    sample = authenticator.get(await log_in_options(web))
    for spoil in mutations(sample):
        signed = authenticator.get(await log_in_options(web))
        answer = await finish_log_in(web, spoil(signed))
        outcomes.add(_outcome(signed, spoil(signed), answer))
    codes = {code for _, code in outcomes}
    assert codes <= {"OK", "BAD_USER_INPUT", "INVALID_CODE", "INVALID_CREDENTIALS"}, outcomes
    # Only the hints outside what is signed may be spoiled and still pass.
    assert {field for field, code in outcomes if code == "OK"} <= {
        "nothing", "authenticatorAttachment", "clientExtensionResults", "response.transports", "response.userHandle"
    }, outcomes
