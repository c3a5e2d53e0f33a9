from datetime import timedelta

from accountql import clock
from tests.api import PASSWORD, error_code, gql, log_in, nodes, ok, sign_up
from tests.conftest import make_client

SESSIONS = "{ me { sessions { edges { node { id current ipAddress userAgent createdAt expiresAt lastSeenAt } } } } }"
ATTEMPTS = """
query($first: Int, $after: String) {
  me { loginAttempts(first: $first, after: $after) {
    edges { cursor node { at ipAddress userAgent succeeded method } }
    pageInfo { hasNextPage endCursor }
  } }
}"""


async def test_sessions_list_marks_the_current_one(client):
    first = await sign_up(client, "s@example.com")
    second = ok(await log_in(client, "s@example.com"))["logIn"]
    sessions = nodes(ok(await gql(client, SESSIONS, token=second["token"]))["me"]["sessions"])
    assert {s["id"] for s in sessions} == {first["session_id"], second["session"]["id"]}
    current = [s for s in sessions if s["current"]]
    assert [s["id"] for s in current] == [second["session"]["id"]]
    assert current[0]["ipAddress"] == "203.0.113.7"
    assert current[0]["userAgent"].startswith("python-httpx")


async def test_session_expires_one_hour_after_sign_in(client):
    from datetime import datetime

    account = await sign_up(client, "exp@example.com")
    session = nodes(ok(await gql(client, SESSIONS, token=account["token"]))["me"]["sessions"])[0]
    lifetime = datetime.fromisoformat(session["expiresAt"]) - datetime.fromisoformat(session["createdAt"])
    assert lifetime == timedelta(hours=1)


async def test_log_out_ends_the_session_at_once(client):
    account = await sign_up(client, "out@example.com")
    assert ok(await gql(client, "mutation { logOut }", token=account["token"]))["logOut"] is True
    assert error_code(await gql(client, "{ me { id } }", token=account["token"])) == "UNAUTHENTICATED"


async def test_revoke_session_ends_another_device(client):
    laptop = await sign_up(client, "rev@example.com")
    phone = ok(await log_in(client, "rev@example.com"))["logIn"]
    result = await gql(
        client, "mutation($id: ID!) { revokeSession(input: {id: $id}) }", {"id": phone["session"]["id"]},
        token=laptop["token"],
    )
    assert ok(result)["revokeSession"] is True
    assert error_code(await gql(client, "{ me { id } }", token=phone["token"])) == "UNAUTHENTICATED"
    ok(await gql(client, "{ me { id } }", token=laptop["token"]))
    sessions = nodes(ok(await gql(client, SESSIONS, token=laptop["token"]))["me"]["sessions"])
    assert [s["id"] for s in sessions] == [laptop["session_id"]]


async def test_cannot_revoke_someone_elses_session(client):
    alice = await sign_up(client, "alice@example.com")
    bob = await sign_up(client, "bob@example.com")
    result = await gql(
        client, "mutation($id: ID!) { revokeSession(input: {id: $id}) }", {"id": bob["session_id"]},
        token=alice["token"],
    )
    assert error_code(result) == "NOT_FOUND"
    ok(await gql(client, "{ me { id } }", token=bob["token"]))


async def test_revoke_session_with_a_malformed_id_is_bad_input(client):
    alice = await sign_up(client, "malformed@example.com")
    result = await gql(client, 'mutation { revokeSession(input: {id: "nope"}) }', token=alice["token"])
    assert error_code(result) == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["field"] == "input.id"


CHANGE = "mutation($input: ChangePasswordInput!) { changePassword(input: $input) }"


async def test_change_password_ends_every_other_session(client):
    here = await sign_up(client, "cp@example.com")
    elsewhere = ok(await log_in(client, "cp@example.com"))["logIn"]
    new = "a new and longer passphrase"
    result = await gql(
        client, CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": new}}, token=here["token"]
    )
    assert ok(result)["changePassword"] is True
    ok(await gql(client, "{ me { id } }", token=here["token"]))
    assert error_code(await gql(client, "{ me { id } }", token=elsewhere["token"])) == "UNAUTHENTICATED"
    assert error_code(await log_in(client, "cp@example.com", PASSWORD)) == "INVALID_CREDENTIALS"
    assert ok(await log_in(client, "cp@example.com", new))["logIn"]["__typename"] == "AuthSession"


async def test_change_password_needs_the_current_password(client):
    account = await sign_up(client, "cp2@example.com")
    result = await gql(
        client, CHANGE, {"input": {"currentPassword": "wrong guess here", "newPassword": "whatever long enough"}},
        token=account["token"],
    )
    assert error_code(result) == "INVALID_CREDENTIALS"
    result = await gql(
        client, CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": "password1"}},
        token=account["token"],
    )
    assert error_code(result) == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["field"] == "input.newPassword"


async def test_login_attempts_list_failures_too_newest_first(client, settings):
    account = await sign_up(client, "hist@example.com")
    await log_in(client, "hist@example.com", "wrong password one")
    async with make_client(settings, ip="198.51.100.9") as other:
        await log_in(other, "hist@example.com")
    data = ok(await gql(client, ATTEMPTS, token=account["token"]))["me"]["loginAttempts"]
    nodes = [e["node"] for e in data["edges"]]
    assert [n["succeeded"] for n in nodes] == [True, False, True]
    assert nodes[0]["ipAddress"] == "198.51.100.9"
    assert nodes[1]["ipAddress"] == "203.0.113.7"
    assert all(n["method"] == "PASSWORD" for n in nodes)
    assert nodes[0]["at"] >= nodes[1]["at"] >= nodes[2]["at"]


async def test_login_attempts_page_with_cursors(client):
    account = await sign_up(client, "pages@example.com")
    for _ in range(4):
        clock.travel(timedelta(seconds=1))
        await log_in(client, "pages@example.com", "not it at all")
    seen = []
    after = None
    while True:
        data = ok(await gql(client, ATTEMPTS, {"first": 2, "after": after}, token=account["token"]))
        page = data["me"]["loginAttempts"]
        seen += [e["node"]["at"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == 5
    assert seen == sorted(seen, reverse=True)


async def test_first_is_capped(client):
    account = await sign_up(client, "cap@example.com")
    result = await gql(client, ATTEMPTS, {"first": 1000}, token=account["token"])
    assert error_code(result) == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["field"] == "first"
    result = await gql(client, ATTEMPTS, {"after": "bogus"}, token=account["token"])
    assert error_code(result) == "BAD_USER_INPUT"
