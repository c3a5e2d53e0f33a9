"""MFA steps as a front end takes them, with real codes from pyotp at the app's clock."""

from datetime import timedelta

import pyotp

from accountql import clock
from tests.api import gql, log_in, ok

BEGIN = "mutation { beginMfaEnrollment { secret otpauthUri qrCodeSvg qrCodeDataUri } }"
CONFIRM = "mutation($code: String!) { confirmMfaEnrollment(input: {code: $code}) { codes } }"
VERIFY = """mutation($input: VerifyMfaInput!) {
  verifyMfa(input: $input) { token session { id } user { email mfaEnabled } } }"""


def code_now(secret: str) -> str:
    return pyotp.TOTP(secret).at(clock.now())


def next_step() -> None:
    """Move to the next 30-second step, so the app shows a fresh code."""
    clock.travel(timedelta(seconds=30))


async def enroll(client, token: str) -> tuple[str, list[str]]:
    secret = ok(await gql(client, BEGIN, token=token))["beginMfaEnrollment"]["secret"]
    codes = ok(await gql(client, CONFIRM, {"code": code_now(secret)}, token=token))
    next_step()
    return secret, codes["confirmMfaEnrollment"]["codes"]


async def challenge(client, email: str) -> str:
    result = ok(await log_in(client, email))["logIn"]
    assert result["__typename"] == "MfaChallenge", result
    return result["challenge"]


async def verify(client, challenge_token: str, code: str) -> dict:
    return await gql(client, VERIFY, {"input": {"challenge": challenge_token, "code": code}})
