import asyncio
import base64
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pyotp

from accountql import clock
from accountql.auth import totp
from tests.api import PASSWORD, error_code, gql, log_in, ok, sign_up
from tests.mfa_helpers import (
    BEGIN,
    CONFIRM,
    challenge,
    code_now,
    enroll,
    next_step,
    verify,
)

ME = "{ me { mfaEnabled backupCodesRemaining } }"
ATTEMPTS = "{ me { loginAttempts { edges { node { succeeded method secondFactor } } } } }"
REGENERATE = "mutation { regenerateBackupCodes { codes } }"
DISABLE = "mutation($input: DisableMfaInput!) { disableMfa(input: $input) { mfaEnabled } }"


def test_rfc_6238_sha1_test_vectors():
    secret = base64.b32encode(b"12345678901234567890").decode()
    vectors = {
        59: "94287082",
        1111111109: "07081804",
        1111111111: "14050471",
        1234567890: "89005924",
        2000000000: "69279037",
        20000000000: "65353130",
    }
    for seconds, code in vectors.items():
        moment = datetime.fromtimestamp(seconds, UTC)
        assert totp.matching_step(secret, code, moment, digits=8) == seconds // 30
        wrong = f"{(int(code) + 1) % 10**8:08d}"
        assert totp.matching_step(secret, wrong, moment, digits=8) is None


async def test_enrollment_is_inactive_until_confirmed(client):
    ada = await sign_up(client, "ada@example.com")
    enrollment = ok(await gql(client, BEGIN, token=ada["token"]))["beginMfaEnrollment"]
    uri = urlsplit(enrollment["otpauthUri"])
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    assert "ada%40example.com" in uri.path or "ada@example.com" in uri.path
    query = parse_qs(uri.query)
    assert query["issuer"] == ["AccountQL"] and query["secret"] == [enrollment["secret"]]
    assert enrollment["qrCodeSvg"].startswith("<svg") and "<path" in enrollment["qrCodeSvg"]
    assert enrollment["qrCodeDataUri"].startswith("data:image/svg+xml")
    assert ok(await gql(client, ME, token=ada["token"]))["me"] == {"mfaEnabled": False, "backupCodesRemaining": 0}
    # Not yet active: logging in still gives a session straight away.
    assert ok(await log_in(client, "ada@example.com"))["logIn"]["__typename"] == "AuthSession"
    wrong = await gql(client, CONFIRM, {"code": "000000" if code_now(enrollment["secret"]) != "000000" else "111111"}, token=ada["token"])
    assert error_code(wrong) == "INVALID_CODE"
    codes = ok(await gql(client, CONFIRM, {"code": code_now(enrollment["secret"])}, token=ada["token"]))
    assert len(codes["confirmMfaEnrollment"]["codes"]) == 10
    assert len(set(codes["confirmMfaEnrollment"]["codes"])) == 10
    assert ok(await gql(client, ME, token=ada["token"]))["me"] == {"mfaEnabled": True, "backupCodesRemaining": 10}


async def test_confirm_without_enrollment_conflicts(client):
    ada = await sign_up(client, "ada@example.com")
    assert error_code(await gql(client, CONFIRM, {"code": "123456"}, token=ada["token"])) == "CONFLICT"


async def test_log_in_with_a_totp_code_once(client):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    first = await challenge(client, "ada@example.com")
    # The challenge is not a session.
    assert error_code(await gql(client, "{ me { id } }", token=first)) == "UNAUTHENTICATED"
    code = code_now(secret)
    session = ok(await verify(client, first, code))["verifyMfa"]
    assert session["user"] == {"email": "ada@example.com", "mfaEnabled": True}
    ok(await gql(client, "{ me { id } }", token=session["token"]))
    # The same code again, on a new challenge: refused (replay).
    assert error_code(await verify(client, await challenge(client, "ada@example.com"), code)) == "INVALID_CODE"
    # The challenge is spent too.
    next_step()
    assert error_code(await verify(client, first, code_now(secret))) == "INVALID_CODE"
    # The next step's code works.
    ok(await verify(client, await challenge(client, "ada@example.com"), code_now(secret)))
    attempts = ok(await gql(client, ATTEMPTS, token=session["token"]))["me"]["loginAttempts"]["edges"]
    nodes = [e["node"] for e in attempts]
    assert {"succeeded": True, "method": "PASSWORD", "secondFactor": "TOTP"} in nodes
    assert {"succeeded": False, "method": "PASSWORD", "secondFactor": "TOTP"} in nodes


async def test_previous_step_is_accepted_but_not_older(client):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    next_step()  # so that the previous step is not the one the enrollment used up
    previous = pyotp.TOTP(secret).at(clock.now() - timedelta(seconds=30))
    older = pyotp.TOTP(secret).at(clock.now() - timedelta(seconds=90))
    if older != code_now(secret) and older != previous:
        assert error_code(await verify(client, await challenge(client, "ada@example.com"), older)) == "INVALID_CODE"
    ok(await verify(client, await challenge(client, "ada@example.com"), previous))


async def test_backup_code_works_once(client):
    ada = await sign_up(client, "ada@example.com")
    _, codes = await enroll(client, ada["token"])
    session = ok(await verify(client, await challenge(client, "ada@example.com"), codes[0].upper()))["verifyMfa"]
    me = ok(await gql(client, ME, token=session["token"]))["me"]
    assert me["backupCodesRemaining"] == 9
    assert error_code(await verify(client, await challenge(client, "ada@example.com"), codes[0])) == "INVALID_CODE"
    attempts = ok(await gql(client, ATTEMPTS, token=session["token"]))["me"]["loginAttempts"]["edges"]
    assert attempts[0]["node"] == {"succeeded": False, "method": "PASSWORD", "secondFactor": "BACKUP_CODE"}


async def test_backup_code_works_once_under_a_race(client):
    ada = await sign_up(client, "ada@example.com")
    _, codes = await enroll(client, ada["token"])
    challenges = [await challenge(client, "ada@example.com") for _ in range(4)]
    results = await asyncio.gather(*[verify(client, c, codes[1]) for c in challenges])
    assert sum(1 for r in results if not r.get("errors")) == 1
    assert sorted(error_code(r) for r in results if r.get("errors")) == ["INVALID_CODE"] * 3


async def test_totp_code_works_once_under_a_race(client):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    challenges = [await challenge(client, "ada@example.com") for _ in range(4)]
    code = code_now(secret)
    results = await asyncio.gather(*[verify(client, c, code) for c in challenges])
    assert sum(1 for r in results if not r.get("errors")) == 1


async def test_one_challenge_finished_twice_at_once_gives_one_session(client):
    ada = await sign_up(client, "ada@example.com")
    _, codes = await enroll(client, ada["token"])
    token = await challenge(client, "ada@example.com")
    results = await asyncio.gather(verify(client, token, codes[2]), verify(client, token, codes[3]))
    assert sum(1 for r in results if not r.get("errors")) == 1


async def test_challenge_expires_after_five_minutes(client):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    token = await challenge(client, "ada@example.com")
    clock.travel(timedelta(minutes=5, seconds=1))
    assert error_code(await verify(client, token, code_now(secret))) == "INVALID_CODE"


async def test_wrong_codes_are_limited_per_challenge_and_per_account(client, settings):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    wrong = "000000" if code_now(secret) != "000000" else "111111"
    token = await challenge(client, "ada@example.com")
    for _ in range(5):
        assert error_code(await verify(client, token, wrong)) == "INVALID_CODE"
    assert error_code(await verify(client, token, code_now(secret))) == "RATE_LIMITED"
    # Across fresh challenges, the account's limit holds.
    for _ in range(settings.mfa_failures_per_account - 5):
        assert error_code(await verify(client, await challenge(client, "ada@example.com"), wrong)) == "INVALID_CODE"
    limited = await verify(client, await challenge(client, "ada@example.com"), code_now(secret))
    assert error_code(limited) == "RATE_LIMITED"
    assert limited["errors"][0]["extensions"]["retryAfter"] > 0


async def test_regenerate_backup_codes_replaces_them_all(client):
    ada = await sign_up(client, "ada@example.com")
    secret, old = await enroll(client, ada["token"])
    new = ok(await gql(client, REGENERATE, token=ada["token"]))["regenerateBackupCodes"]["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert error_code(await verify(client, await challenge(client, "ada@example.com"), old[5])) == "INVALID_CODE"
    ok(await verify(client, await challenge(client, "ada@example.com"), new[5]))


async def test_moving_mfa_to_a_new_phone_needs_both_factors_again(client):
    from tests.test_sudo_mode import REAUTHENTICATE, minutes_pass

    ada = await sign_up(client, "ada@example.com")
    old_secret, _ = await enroll(client, ada["token"])
    minutes_pass(11)
    assert error_code(await gql(client, BEGIN, token=ada["token"])) == "REAUTHENTICATION_REQUIRED"
    proof = {"i": {"password": PASSWORD, "code": code_now(old_secret)}}
    ok(await gql(client, REAUTHENTICATE, proof, token=ada["token"]))
    fresh = ok(await gql(client, BEGIN, token=ada["token"]))["beginMfaEnrollment"]
    next_step()
    # Until the new phone is confirmed, the old one keeps working.
    ok(await verify(client, await challenge(client, "ada@example.com"), code_now(old_secret)))
    ok(await gql(client, CONFIRM, {"code": code_now(fresh["secret"])}, token=ada["token"]))
    next_step()
    assert error_code(await verify(client, await challenge(client, "ada@example.com"), code_now(old_secret))) == "INVALID_CODE"
    ok(await verify(client, await challenge(client, "ada@example.com"), code_now(fresh["secret"])))


async def test_disable_mfa_needs_the_confirmation_typed_out(client):
    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    nope = await gql(client, DISABLE, {"input": {"confirmation": "disable"}}, token=ada["token"])
    assert error_code(nope) == "BAD_USER_INPUT"
    assert nope["errors"][0]["extensions"]["field"] == "input.confirmation"
    result = ok(await gql(client, DISABLE, {"input": {"confirmation": "DISABLE"}}, token=ada["token"]))
    assert result["disableMfa"]["mfaEnabled"] is False
    assert ok(await log_in(client, "ada@example.com"))["logIn"]["__typename"] == "AuthSession"


async def test_two_steps_back_is_too_old(client):
    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    for _ in range(3):
        next_step()
    two_back = pyotp.TOTP(secret).at(clock.now() - timedelta(seconds=60))
    recent = {pyotp.TOTP(secret).at(clock.now() - timedelta(seconds=s)) for s in (0, 30)}
    if two_back not in recent:
        assert error_code(await verify(client, await challenge(client, "ada@example.com"), two_back)) == "INVALID_CODE"


async def test_the_issuer_name_is_configurable(settings):
    from dataclasses import replace

    from tests.conftest import make_client

    async with make_client(replace(settings, issuer="Example Cloud")) as client:
        ada = await sign_up(client, "ada@example.com")
        uri = ok(await gql(client, BEGIN, token=ada["token"]))["beginMfaEnrollment"]["otpauthUri"]
        assert "issuer=Example%20Cloud" in uri and uri.startswith("otpauth://totp/Example%20Cloud:")


async def test_codes_in_other_digits_are_wrong_not_a_crash(client):
    ada = await sign_up(client, "ada@example.com")
    ok(await gql(client, BEGIN, token=ada["token"]))
    assert error_code(await gql(client, CONFIRM, {"code": "١٢٣٤٥٦"}, token=ada["token"])) == "INVALID_CODE"
