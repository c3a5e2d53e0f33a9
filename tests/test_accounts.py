from datetime import timedelta

from accountql import clock
from tests.api import PASSWORD, SIGN_UP, error_code, gql, log_in, ok, sign_up

ME = "{ me { id email name mfaEnabled lastLoginAt } }"


async def test_sign_up_returns_a_session_that_answers_me(client):
    account = await sign_up(client, "Ada@Example.com")
    me = ok(await gql(client, ME, token=account["token"]))["me"]
    assert me["email"] == "ada@example.com"
    assert me["name"] == "Ada"
    assert me["mfaEnabled"] is False
    assert me["lastLoginAt"] is not None


async def test_one_account_per_email_whatever_its_case(client):
    await sign_up(client, "grace@example.com")
    result = await gql(
        client, SIGN_UP, {"input": {"email": "GRACE@example.COM", "password": PASSWORD, "name": "G"}}
    )
    assert error_code(result) == "CONFLICT"


async def test_sign_up_rejects_an_invalid_email(client):
    result = await gql(
        client, SIGN_UP, {"input": {"email": "not-an-address", "password": PASSWORD, "name": "X"}}
    )
    assert error_code(result) == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["field"] == "input.email"


async def test_password_policy_follows_nist(client):
    async def attempt(password):
        return await gql(
            client, SIGN_UP, {"input": {"email": "p@example.com", "password": password, "name": "P"}}
        )

    for bad in ("short", "password123", "Iloveyou1", "p" * 257):
        result = await attempt(bad)
        assert error_code(result) == "BAD_USER_INPUT", bad
        assert result["errors"][0]["extensions"]["field"] == "input.password"
    # No composition rules: lower-case words only is fine, and 128 characters are kept whole.
    long_password = "a quiet walk along the river " * 4 + "x" * 12
    assert len(long_password) >= 128
    ok(await attempt(long_password))
    assert "AuthSession" == (await log_in(client, "p@example.com", long_password))["data"]["logIn"]["__typename"]
    assert error_code(await log_in(client, "p@example.com", long_password[:-1])) == "INVALID_CREDENTIALS"


async def test_log_in_with_the_right_password(client):
    await sign_up(client, "lin@example.com")
    result = ok(await log_in(client, "LIN@example.com"))["logIn"]
    assert result["__typename"] == "AuthSession"
    assert ok(await gql(client, ME, token=result["token"]))["me"]["email"] == "lin@example.com"


async def test_wrong_password_and_unknown_email_get_the_same_answer(client):
    await sign_up(client, "known@example.com")
    wrong = await log_in(client, "known@example.com", "not the password at all")
    unknown = await log_in(client, "nobody@example.com", "not the password at all")
    assert error_code(wrong) == error_code(unknown) == "INVALID_CREDENTIALS"
    assert wrong["errors"][0]["message"] == unknown["errors"][0]["message"]


async def test_me_without_a_token_is_unauthenticated(client):
    assert error_code(await gql(client, ME)) == "UNAUTHENTICATED"


async def test_forged_and_malformed_tokens_are_unauthenticated(client):
    import jwt

    account = await sign_up(client, "forge@example.com")
    claims = jwt.decode(account["token"], options={"verify_signature": False})
    forged = jwt.encode(claims, "another secret key of enough length!!", algorithm="HS256")
    none_alg = jwt.encode(claims, None, algorithm="none")
    for token in (forged, none_alg, "garbage", account["token"] + "x"):
        assert error_code(await gql(client, ME, token=token)) == "UNAUTHENTICATED", token


async def test_a_token_of_another_kind_is_not_a_session(client, settings):
    from accountql.auth import tokens

    account = await sign_up(client, "kind@example.com")
    other = tokens.issue(
        settings.secret_key,
        "mfa_challenge",
        account["user_id"],
        clock.now() + timedelta(minutes=5),
        sid=account["session_id"],
    )
    assert error_code(await gql(client, ME, token=other)) == "UNAUTHENTICATED"


async def test_x_auth_token_header_is_accepted(client):
    account = await sign_up(client, "xauth@example.com")
    result = await gql(client, ME, headers={"X-Auth-Token": account["token"]})
    assert ok(result)["me"]["email"] == "xauth@example.com"


async def test_session_ends_after_one_hour(client):
    account = await sign_up(client, "hour@example.com")
    clock.travel(timedelta(minutes=59))
    ok(await gql(client, ME, token=account["token"]))
    clock.travel(timedelta(minutes=2))
    assert error_code(await gql(client, ME, token=account["token"])) == "UNAUTHENTICATED"
