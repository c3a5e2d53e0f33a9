"""Passkey ceremonies as a front end runs them, with the software authenticator of
tests/webauthn_authenticator.py in place of the browser's."""

from __future__ import annotations

import pytest

from tests.api import gql, ok
from tests.conftest import make_client

APP_URL = "https://accounts.example.com"  # the relying party id is its host

BEGIN_REGISTRATION = "mutation { beginPasskeyRegistration { options expiresAt } }"
FINISH_REGISTRATION = """mutation($i: FinishPasskeyRegistrationInput!) {
  finishPasskeyRegistration(input: $i) { id name deviceType backedUp createdAt lastUsedAt cloneSuspectedAt } }"""
BEGIN_LOG_IN = "mutation($i: BeginPasskeyLogInInput!) { beginPasskeyLogIn(input: $i) { options expiresAt } }"
FINISH_LOG_IN = """mutation($i: FinishPasskeyLogInInput!) {
  finishPasskeyLogIn(input: $i) { token session { id reauthenticatedUntil } user { email mfaEnabled } } }"""
PASSKEYS = """{ me { mfaEnabled passkeys { totalCount edges { node {
  id name deviceType backedUp createdAt lastUsedAt cloneSuspectedAt } } } } }"""


@pytest.fixture
async def web(settings):
    """A client of an app whose relying party is accounts.example.com."""
    async with make_client(settings, app_url=APP_URL) as client:
        yield client


async def registration_options(client, token: str) -> dict:
    return ok(await gql(client, BEGIN_REGISTRATION, token=token))["beginPasskeyRegistration"]["options"]


async def finish_registration(client, token: str, credential: dict, name: str | None = "Laptop") -> dict:
    return await gql(client, FINISH_REGISTRATION, {"i": {"credential": credential, "name": name}}, token=token)


async def register(client, token: str, authenticator, name: str = "Laptop") -> dict:
    """A new passkey on the account, made by `authenticator`."""
    credential = authenticator.create(await registration_options(client, token))
    return ok(await finish_registration(client, token, credential, name))["finishPasskeyRegistration"]


async def log_in_options(client, mfa_challenge: str | None = None) -> dict:
    variables = {"i": {"mfaChallenge": mfa_challenge} if mfa_challenge else {}}
    return ok(await gql(client, BEGIN_LOG_IN, variables))["beginPasskeyLogIn"]["options"]


async def finish_log_in(client, credential: dict, mfa_challenge: str | None = None) -> dict:
    variables = {"i": {"credential": credential, **({"mfaChallenge": mfa_challenge} if mfa_challenge else {})}}
    return await gql(client, FINISH_LOG_IN, variables)


async def passkey_log_in(client, authenticator, **assertion) -> dict:
    """Sign in with a passkey alone; the answer of finishPasskeyLogIn."""
    return await finish_log_in(client, authenticator.get(await log_in_options(client), **assertion))
