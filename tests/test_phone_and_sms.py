import asyncio
from datetime import timedelta

from accountql import clock
from tests.api import PASSWORD, error_code, gql, log_in, ok, sign_up
from tests.mfa_helpers import challenge, verify
from tests.test_magic_links_and_resets import NEW_PASSWORD, REQUEST_RESET, RESET

NUMBER = "+33612345678"
SET_PHONE = "mutation($n: String!) { setPhoneNumber(input: {phoneNumber: $n}) }"
VERIFY_PHONE = "mutation($c: String!) { verifyPhoneNumber(input: {code: $c}) { phoneNumber } }"
ENABLE_SMS = "mutation { enableSmsMfa { codes } }"


async def with_phone(client, messaging, email="ada@example.com", number=NUMBER) -> dict:
    account = await sign_up(client, email)
    ok(await gql(client, SET_PHONE, {"n": number}, token=account["token"]))
    await messaging.deliver()
    code = messaging.sms.last_code(number)
    assert ok(await gql(client, VERIFY_PHONE, {"c": code}, token=account["token"]))["verifyPhoneNumber"]["phoneNumber"] == number
    return account


async def test_phone_number_is_validated_and_verified_by_sms(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    bad = await gql(client, SET_PHONE, {"n": "12345"}, token=ada["token"])
    assert error_code(bad) == "BAD_USER_INPUT" and bad["errors"][0]["extensions"]["field"] == "input.phoneNumber"
    ok(await gql(client, SET_PHONE, {"n": "+33 6 12 34 56 78"}, token=ada["token"]))
    await messaging.deliver()
    code = messaging.sms.last_code(NUMBER)
    wrong = "000000" if code != "000000" else "111111"
    result = await gql(client, VERIFY_PHONE, {"c": wrong}, token=ada["token"])
    # The signed-in owner of the code is told how many tries are left.
    assert error_code(result) == "INVALID_CODE" and "4 tries left" in result["errors"][0]["message"]
    assert ok(await gql(client, "{ me { phoneNumber } }", token=ada["token"]))["me"]["phoneNumber"] is None
    ok(await gql(client, VERIFY_PHONE, {"c": code}, token=ada["token"]))
    assert ok(await gql(client, "{ me { phoneNumber } }", token=ada["token"]))["me"]["phoneNumber"] == NUMBER


async def test_a_number_belongs_to_one_account(client, messaging):
    await with_phone(client, messaging)
    bob = await sign_up(client, "bob@example.com")
    assert error_code(await gql(client, SET_PHONE, {"n": NUMBER}, token=bob["token"])) == "CONFLICT"


def number_grows_old() -> None:
    """Let the 72 hours pass after which a verified number may reset the password."""
    clock.travel(timedelta(hours=72, seconds=1))


async def test_a_number_verified_less_than_72_hours_ago_cannot_reset_the_password(client, messaging):
    await with_phone(client, messaging)
    sent = len(messaging.sms.received)
    # A stolen session could have put its own number there: it gets no code, only a pointer
    # to the e-mailed link; the API answers as always, telling an outsider nothing.
    assert ok(await gql(client, REQUEST_RESET, {"i": {"phoneNumber": NUMBER, "channel": "SMS"}}))["requestPasswordReset"]
    await messaging.deliver()
    texts = [m["text"] for m in messaging.sms.received[sent:]]
    assert len(texts) == 1 and "use the reset link by e-mail" in texts[0]
    assert not any(char.isdigit() for char in texts[0].replace("72", ""))
    clock.travel(timedelta(hours=71))
    ok(await gql(client, REQUEST_RESET, {"i": {"phoneNumber": NUMBER, "channel": "SMS"}}))
    await messaging.deliver()
    assert "use the reset link" in messaging.sms.received[-1]["text"]
    clock.travel(timedelta(hours=1, seconds=1))
    ok(await gql(client, REQUEST_RESET, {"i": {"phoneNumber": NUMBER, "channel": "SMS"}}))
    await messaging.deliver()
    assert "reset code" in messaging.sms.received[-1]["text"]


async def test_password_reset_by_sms_code_end_to_end(client, messaging):
    await with_phone(client, messaging)
    number_grows_old()
    ada = {"token": ok(await log_in(client, "ada@example.com"))["logIn"]["token"]}
    ok(await gql(client, REQUEST_RESET, {"i": {"phoneNumber": NUMBER, "channel": "SMS"}}))
    await messaging.deliver()
    code = messaging.sms.last_code(NUMBER)
    assert code not in PASSWORD
    ok(await gql(client, RESET, {"i": {"code": code, "phoneNumber": NUMBER, "newPassword": NEW_PASSWORD}}))
    assert error_code(await gql(client, "{ me { id } }", token=ada["token"])) == "UNAUTHENTICATED"
    ok(await log_in(client, "ada@example.com", NEW_PASSWORD))
    again = await gql(client, RESET, {"i": {"code": code, "phoneNumber": NUMBER, "newPassword": "and once more please"}})
    assert error_code(again) == "INVALID_CODE"


async def test_sms_reset_code_by_email_address_has_limited_tries_and_expires(client, messaging):
    await with_phone(client, messaging)
    number_grows_old()
    ok(await gql(client, REQUEST_RESET, {"i": {"email": "ada@example.com", "channel": "SMS"}}))
    await messaging.deliver()
    code = messaging.sms.last_code(NUMBER)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        result = await gql(client, RESET, {"i": {"code": wrong, "email": "ada@example.com", "newPassword": NEW_PASSWORD}})
        assert error_code(result) == "INVALID_CODE"
    dead = await gql(client, RESET, {"i": {"code": code, "email": "ada@example.com", "newPassword": NEW_PASSWORD}})
    assert error_code(dead) == "INVALID_CODE"
    ok(await gql(client, REQUEST_RESET, {"i": {"email": "ada@example.com", "channel": "SMS"}}))
    await messaging.deliver()
    clock.travel(timedelta(minutes=10, seconds=1))
    late = await gql(client, RESET, {"i": {"code": messaging.sms.last_code(NUMBER), "email": "ada@example.com", "newPassword": NEW_PASSWORD}})
    assert error_code(late) == "INVALID_CODE"


async def test_sms_as_the_second_factor(client, messaging):
    ada = await with_phone(client, messaging)
    codes = ok(await gql(client, ENABLE_SMS, token=ada["token"]))["enableSmsMfa"]["codes"]
    assert len(codes) == 10
    me = ok(await gql(client, "{ me { mfaEnabled mfaMethod } }", token=ada["token"]))["me"]
    assert me == {"mfaEnabled": True, "mfaMethod": "SMS"}
    token = await challenge(client, "ada@example.com")
    await messaging.deliver()
    code = messaging.sms.last_code(NUMBER)
    session = ok(await verify(client, token, code))["verifyMfa"]
    attempts = ok(await gql(client, "{ me { loginAttempts { edges { node { secondFactor } } } } }", token=session["token"]))
    assert attempts["me"]["loginAttempts"]["edges"][0]["node"]["secondFactor"] == "SMS_CODE"
    # Once only.
    assert error_code(await verify(client, await challenge(client, "ada@example.com"), code)) == "INVALID_CODE"
    # Backup codes work for SMS users too.
    ok(await verify(client, await challenge(client, "ada@example.com"), codes[0]))


async def test_sms_code_expires_after_five_minutes(client, messaging):
    ada = await with_phone(client, messaging)
    ok(await gql(client, ENABLE_SMS, token=ada["token"]))
    token = await challenge(client, "ada@example.com")
    await messaging.deliver()
    clock.travel(timedelta(minutes=5, seconds=1))
    assert error_code(await verify(client, token, messaging.sms.last_code(NUMBER))) == "INVALID_CODE"


async def test_sms_code_works_once_under_a_race(client, messaging):
    ada = await with_phone(client, messaging)
    ok(await gql(client, ENABLE_SMS, token=ada["token"]))
    token = await challenge(client, "ada@example.com")
    await messaging.deliver()
    code = messaging.sms.last_code(NUMBER)
    results = await asyncio.gather(*[verify(client, token, code) for _ in range(3)])
    assert sum(1 for r in results if not r.get("errors")) == 1


async def test_a_reset_code_is_never_a_second_factor(client, messaging):
    from tests.mfa_helpers import code_now, enroll

    ada = await with_phone(client, messaging)
    secret, _ = await enroll(client, ada["token"])
    number_grows_old()
    token = await challenge(client, "ada@example.com")
    ok(await gql(client, REQUEST_RESET, {"i": {"phoneNumber": NUMBER, "channel": "SMS"}}))
    await messaging.deliver()
    reset_code = messaging.sms.last_code(NUMBER)
    if reset_code != code_now(secret):
        assert error_code(await verify(client, token, reset_code)) == "INVALID_CODE"


async def test_no_sms_reset_when_sms_is_the_second_factor(client, messaging):
    ada = await with_phone(client, messaging)
    ok(await gql(client, ENABLE_SMS, token=ada["token"]))
    sent = len(messaging.sms.received)
    assert ok(await gql(client, REQUEST_RESET, {"i": {"phoneNumber": NUMBER, "channel": "SMS"}}))["requestPasswordReset"] is True
    await messaging.deliver()
    # One phone must not be both ways in: the reset goes by e-mail instead.
    assert len(messaging.sms.received) == sent


async def test_moving_the_sms_factor_to_another_phone_needs_both_factors_again(client, messaging):
    from tests.test_sudo_mode import REAUTHENTICATE, minutes_pass

    ada = await with_phone(client, messaging)
    codes = ok(await gql(client, ENABLE_SMS, token=ada["token"]))["enableSmsMfa"]["codes"]
    minutes_pass(11)
    assert error_code(await gql(client, SET_PHONE, {"n": "+33698765432"}, token=ada["token"])) == "REAUTHENTICATION_REQUIRED"
    assert error_code(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD}}, token=ada["token"])) == "INVALID_CODE"
    ok(await gql(client, REAUTHENTICATE, {"i": {"password": PASSWORD, "code": codes[0]}}, token=ada["token"]))
    ok(await gql(client, SET_PHONE, {"n": "+33698765432"}, token=ada["token"]))


async def test_enforcement_counts_sms_mfa(client, messaging):
    from tests.mfa_helpers import enroll
    from tests.test_mfa_enforcement import enforce
    from tests.test_organizations import ORGANIZATION, create_org

    owner = await sign_up(client, "owner@example.com")
    await enroll(client, owner["token"])
    org = await create_org(client, owner["token"])
    ada = await with_phone(client, messaging)
    invitation = ok(await gql(client, "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }",
                              {"i": {"organizationId": org, "email": "ada@example.com"}}, token=owner["token"]))["inviteMember"]
    ok(await gql(client, "mutation($id: ID!) { acceptInvitation(input: {id: $id}) { id } }", {"id": invitation["id"]}, token=ada["token"]))
    ok(await enforce(client, owner["token"], org))
    assert error_code(await gql(client, ORGANIZATION, {"id": org}, token=ada["token"])) == "MFA_REQUIRED"
    ok(await gql(client, ENABLE_SMS, token=ada["token"]))
    ok(await gql(client, ORGANIZATION, {"id": org}, token=ada["token"]))


async def test_one_sms_code_works_once_across_challenges(client, messaging):
    ada = await with_phone(client, messaging)
    ok(await gql(client, ENABLE_SMS, token=ada["token"]))
    first = await challenge(client, "ada@example.com")
    await messaging.deliver()
    code = messaging.sms.last_code(NUMBER)
    # A second login sends a new code, which replaces the first: the first no longer works.
    second = await challenge(client, "ada@example.com")
    await messaging.deliver()
    newest = messaging.sms.last_code(NUMBER)
    results = await asyncio.gather(verify(client, first, newest), verify(client, second, newest))
    assert sum(1 for r in results if not r.get("errors")) == 1
    if code != newest:
        assert error_code(await verify(client, await challenge(client, "ada@example.com"), code)) == "INVALID_CODE"


async def test_sms_codes_at_login_are_limited(client, messaging, settings):
    ada = await with_phone(client, messaging)
    ok(await gql(client, ENABLE_SMS, token=ada["token"]))
    for _ in range(settings.messages_per_recipient):
        await challenge(client, "ada@example.com")
    assert error_code(await log_in(client, "ada@example.com")) == "RATE_LIMITED"
