from accountql.models import OutboxMessage
from tests.api import error_code, gql, log_in, ok, sign_up

CHANGE = "mutation($i: ChangeEmailInput!) { changeEmail(input: $i) }"
CONFIRM = "mutation($t: String!) { confirmEmailChange(input: {token: $t}) { email emailVerified } }"
NOTIFY = "mutation($on: Boolean!) { setLoginNotifications(input: {enabled: $on}) { loginNotifications } }"


async def test_email_changes_only_once_the_new_address_confirms(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    ok(await gql(client, CHANGE, {"i": {"newEmail": "Ada@New.example"}}, token=ada["token"]))
    me = ok(await gql(client, "{ me { email pendingEmail } }", token=ada["token"]))["me"]
    assert me == {"email": "ada@example.com", "pendingEmail": "ada@new.example"}
    await messaging.deliver()
    token = messaging.inbox.last_token("ada@new.example")
    confirmed = ok(await gql(client, CONFIRM, {"t": token}))["confirmEmailChange"]
    assert confirmed == {"email": "ada@new.example", "emailVerified": True}
    await messaging.deliver()
    # Both addresses are told, the old one too.
    for address in ("ada@example.com", "ada@new.example"):
        notice = messaging.inbox.to(address)[-1]
        assert notice["Subject"].startswith("Security notice: your account's e-mail address was changed")
        assert "from ada@example.com to ada@new.example" in notice.get_content()
    assert ok(await log_in(client, "ada@new.example"))["logIn"]["__typename"] == "AuthSession"
    assert error_code(await log_in(client, "ada@example.com")) == "INVALID_CREDENTIALS"
    assert error_code(await gql(client, CONFIRM, {"t": token})) == "INVALID_CODE"


async def test_a_taken_address_gets_the_same_answer_and_is_told_by_mail(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    await sign_up(client, "bob@example.com")
    await messaging.deliver()
    taken = await gql(client, CHANGE, {"i": {"newEmail": "bob@example.com"}}, token=ada["token"])
    free = await gql(client, CHANGE, {"i": {"newEmail": "carol@example.com"}}, token=ada["token"])
    # No oracle: both answers are the same.
    assert taken == free == {"data": {"changeEmail": True}}
    await messaging.deliver()
    assert messaging.inbox.to("bob@example.com")[-1]["Subject"] == "Someone tried to move an account to this address"
    assert "token=" in messaging.inbox.last_body("carol@example.com")
    invalid = await gql(client, CHANGE, {"i": {"newEmail": "nope"}}, token=ada["token"])
    assert error_code(invalid) == "BAD_USER_INPUT" and invalid["errors"][0]["extensions"]["field"] == "input.newEmail"


async def test_email_changes_are_limited_per_account(client, settings):
    ada = await sign_up(client, "ada@example.com")
    # Every address differs (and the limit per address never fills): only the per-account
    # limit can stop a session that probes addresses.
    for n in range(settings.messages_per_recipient):
        ok(await gql(client, CHANGE, {"i": {"newEmail": f"probe{n}@example.com"}}, token=ada["token"]))
    result = await gql(client, CHANGE, {"i": {"newEmail": "one.more@example.com"}}, token=ada["token"])
    assert error_code(result) == "RATE_LIMITED"
    assert await OutboxMessage.filter(kind="email_change").count() == settings.messages_per_recipient


async def test_login_notifications_report_every_attempt(client, messaging):
    ada = await sign_up(client, "ada@example.com")
    assert ok(await gql(client, NOTIFY, {"on": True}, token=ada["token"]))["setLoginNotifications"]["loginNotifications"] is True
    await messaging.deliver()  # the verification link, sent at sign-up
    sent_before = len(messaging.inbox.to("ada@example.com"))
    await log_in(client, "ada@example.com", "a wrong password here")
    await log_in(client, "ada@example.com")
    await messaging.deliver()
    notices = messaging.inbox.to("ada@example.com")[sent_before:]
    assert [m["Subject"] for m in notices] == [
        "A failed login attempt on your account",
        "A successful login on your account",
    ]
    body = notices[-1].get_content()
    assert "203.0.113.7" in body and "python-httpx" in body
    ok(await gql(client, NOTIFY, {"on": False}, token=ada["token"]))
    await log_in(client, "ada@example.com")
    await messaging.deliver()
    # Turned off: the change itself is told (a security notice), the next login is not.
    subjects = [m["Subject"] for m in messaging.inbox.to("ada@example.com")[sent_before + 2:]]
    assert subjects == ["Security notice: login notifications were turned off"]


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
