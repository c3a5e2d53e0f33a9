"""Staff actions from the command line, against the suite's database."""

import subprocess

from accountql.models import AuditEvent, OutboxMessage, User
from tests.api import error_code, gql, ok, sign_up
from tests.mfa_helpers import enroll
from tests.test_live_server import ACCOUNTQL, environment


def cli(settings, *args: str) -> subprocess.CompletedProcess:
    env = environment(ACCOUNTQL_DATABASE_URL=settings.database_url, ACCOUNTQL_SECRET_KEY=settings.secret_key)
    return subprocess.run([*ACCOUNTQL, *args], env=env, capture_output=True, text=True, timeout=60)


async def test_staff_is_granted_and_revoked_from_the_command_line_only(client, settings):
    await sign_up(client, "sam@example.com")
    assert cli(settings, "staff", "grant", "sam@example.com").returncode == 0
    assert (await User.get(email="sam@example.com")).is_staff
    assert cli(settings, "staff", "revoke", "sam@example.com").returncode == 0
    assert not (await User.get(email="sam@example.com")).is_staff
    kinds = await AuditEvent.filter(subject_user__email="sam@example.com").values_list("kind", flat=True)
    assert {"STAFF_GRANTED", "STAFF_REVOKED"} <= set(kinds)
    missing = cli(settings, "staff", "grant", "nobody@example.com")
    assert missing.returncode == 1 and missing.stderr.strip() == "accountql: No account has the address nobody@example.com."
    # There is no way to it through the API.
    fields = ok(await gql(client, '{ __type(name: "User") { fields { name } } }'))["__type"]["fields"]
    assert "isStaff" not in [field["name"] for field in fields]


async def test_staff_reset_mfa_after_an_identity_check(client, settings):
    ada = await sign_up(client, "ada@example.com")
    await enroll(client, ada["token"])
    short = cli(settings, "users", "reset-mfa", "ada@example.com", "--reason", "asked")
    assert short.returncode == 1 and "Say why" in short.stderr
    done = cli(settings, "users", "reset-mfa", "ada@example.com", "--reason", "passport checked on a video call, ticket 4711")
    assert done.returncode == 0, done.stderr
    assert error_code(await gql(client, "{ me { id } }", token=ada["token"])) == "UNAUTHENTICATED"
    assert not (await User.get(email="ada@example.com")).mfa_enabled
    assert await OutboxMessage.filter(kind="staff_recovery", recipient="ada@example.com").exists()
    event = await AuditEvent.get(kind="MFA_RESET_BY_STAFF")
    assert event.details == {"reason": "passport checked on a video call, ticket 4711"}


async def test_staff_change_email_tells_both_addresses(client, settings):
    ada = await sign_up(client, "ada@example.com")
    await sign_up(client, "taken@example.com")
    assert cli(settings, "users", "change-email", "ada@example.com", "taken@example.com", "--reason", "last invoice matched").returncode == 1
    done = cli(settings, "users", "change-email", "ada@example.com", "ada@new.example", "--reason", "last invoice matched, ticket 99")
    assert done.returncode == 0, done.stderr
    assert error_code(await gql(client, "{ me { id } }", token=ada["token"])) == "UNAUTHENTICATED"
    told = sorted(await OutboxMessage.filter(kind="staff_recovery").values_list("recipient", flat=True))
    assert told == ["ada@example.com", "ada@new.example"]
    # Staff checked the person, not the new mailbox: it starts unverified, with a link.
    moved = await User.get(email="ada@new.example")
    assert not moved.email_verified
    assert await OutboxMessage.filter(kind="email_verification", recipient="ada@new.example").exists()
