from tests.api import PASSWORD, error_code, gql, log_in, ok, sign_up

CHANGE = "mutation($i: ChangeEmailInput!) { changeEmail(input: $i) }"
CONFIRM = "mutation($t: String!) { confirmEmailChange(token: $t) { email } }"
NOTIFY = "mutation($on: Boolean!) { setLoginNotifications(enabled: $on) { loginNotifications } }"


async def test_email_changes_only_once_the_new_address_confirms(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    wrong = await gql(client, CHANGE, {"i": {"newEmail": "ada@new.example", "password": "not my password"}}, token=ada["token"])
    assert error_code(wrong) == "INVALID_CREDENTIALS"
    ok(await gql(client, CHANGE, {"i": {"newEmail": "Ada@New.example", "password": PASSWORD}}, token=ada["token"]))
    assert ok(await gql(client, "{ me { email } }", token=ada["token"]))["me"]["email"] == "ada@example.com"
    await messaging.deliver()
    token = messaging.inbox.last_token("ada@new.example")
    assert ok(await gql(client, CONFIRM, {"t": token}))["confirmEmailChange"]["email"] == "ada@new.example"
    await messaging.deliver()
    notice = messaging.inbox.to("ada@example.com")[-1]
    assert notice["Subject"] == "Your account's e-mail address was changed"
    assert "ada@new.example" in notice.get_content()
    assert ok(await log_in(client, "ada@new.example"))["logIn"]["__typename"] == "AuthSession"
    assert error_code(await log_in(client, "ada@example.com")) == "INVALID_CREDENTIALS"
    assert error_code(await gql(client, CONFIRM, {"t": token})) == "INVALID_CODE"


async def test_email_change_to_a_taken_address_conflicts(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    await sign_up(client, "bob@example.com")
    taken = await gql(client, CHANGE, {"i": {"newEmail": "bob@example.com", "password": PASSWORD}}, token=ada["token"])
    assert error_code(taken) == "CONFLICT"
    invalid = await gql(client, CHANGE, {"i": {"newEmail": "nope", "password": PASSWORD}}, token=ada["token"])
    assert error_code(invalid) == "BAD_USER_INPUT" and invalid["errors"][0]["extensions"]["field"] == "newEmail"


async def test_login_notifications_report_every_attempt(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    assert ok(await gql(client, NOTIFY, {"on": True}, token=ada["token"]))["setLoginNotifications"]["loginNotifications"] is True
    await log_in(client, "ada@example.com", "a wrong password here")
    await log_in(client, "ada@example.com")
    await messaging.deliver()
    notices = [m for m in messaging.inbox.to("ada@example.com")]
    assert [m["Subject"] for m in notices] == [
        "A failed login attempt on your account",
        "A successful login on your account",
    ]
    body = notices[-1].get_content()
    assert "203.0.113.7" in body and "python-httpx" in body
    ok(await gql(client, NOTIFY, {"on": False}, token=ada["token"]))
    await log_in(client, "ada@example.com")
    await messaging.deliver()
    assert len(messaging.inbox.to("ada@example.com")) == 2


async def test_login_notices_are_not_a_mail_bomb(client, settings):
    from accountql.domain.accounts import LOGIN_NOTICES_PER_HOUR
    from accountql.models import OutboxMessage

    ada = await sign_up(client, "ada@example.com")
    ok(await gql(client, NOTIFY, {"on": True}, token=ada["token"]))
    for _ in range(settings.login_failures_per_account + 5):
        await log_in(client, "ada@example.com", "a wrong password here")
    notices = await OutboxMessage.filter(kind="login_notification").count()
    # Attempts refused by the rate limit are recorded, but not mailed.
    assert notices == settings.login_failures_per_account
    assert LOGIN_NOTICES_PER_HOUR >= notices
