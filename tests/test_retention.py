"""Nothing grows forever: `accountql housekeeping` deletes what is past retention, in
batches with progress, and keeps what is inside it."""

from __future__ import annotations

import subprocess
import uuid
from datetime import timedelta

from accountql.clock import now
from accountql.models import (
    AuditEvent,
    Invitation,
    LoginAttempt,
    MfaChallenge,
    OneTimeToken,
    Organization,
    OutboxMessage,
    OutboxStatus,
    RateLimitCounter,
    Role,
    Session,
    UnknownAccountAttempt,
    User,
)
from tests.test_live_server import ACCOUNTQL, environment

DAY = timedelta(days=1)


def housekeeping(settings, **env) -> subprocess.CompletedProcess:
    values = dict(ACCOUNTQL_DATABASE_URL=settings.database_url, ACCOUNTQL_SECRET_KEY=settings.secret_key, **env)
    return subprocess.run([*ACCOUNTQL, "housekeeping"], env=environment(**values), capture_output=True, text=True, timeout=120)


async def seed() -> dict[str, tuple]:
    """For each kind: one row just past retention (old) and one just inside (kept)."""
    t = now()
    user = await User.create(email="ada@example.com", name="Ada", password_hash="x")
    org = await Organization.create(name="Acme")
    rows = {}

    async def pair(name, old, kept):
        rows[name] = (await old, await kept)

    await pair("sessions", Session.create(user=user, expires_at=t - 31 * DAY), Session.create(user=user, expires_at=t - 29 * DAY))
    await pair("tokens", OneTimeToken.create(user=user, purpose="MAGIC_LINK", token_hash=uuid.uuid4().hex, expires_at=t + DAY, used_at=t - timedelta(minutes=1)),
               OneTimeToken.create(user=user, purpose="MAGIC_LINK", token_hash=uuid.uuid4().hex, expires_at=t + DAY))
    await pair("challenges", MfaChallenge.create(user=user, token_hash=uuid.uuid4().hex, expires_at=t - timedelta(minutes=1)),
               MfaChallenge.create(user=user, token_hash=uuid.uuid4().hex, expires_at=t + timedelta(minutes=4)))
    await pair("invitations", Invitation.create(organization=org, email="x@example.com", role=Role.MANAGER, expires_at=t - timedelta(minutes=1)),
               Invitation.create(organization=org, email="y@example.com", role=Role.MANAGER, expires_at=t + DAY))
    await pair("messages", OutboxMessage.create(recipient="a@example.com", subject="s", body="", kind="k", status=OutboxStatus.SENT, sent_at=t - 8 * DAY),
               OutboxMessage.create(recipient="a@example.com", subject="s", body="", kind="k", status=OutboxStatus.SENT, sent_at=t - 6 * DAY))
    await pair("attempts", LoginAttempt.create(user=user, at=t - 181 * DAY, succeeded=False),
               LoginAttempt.create(user=user, at=t - 179 * DAY, succeeded=False))
    await pair("unknown", UnknownAccountAttempt.create(email_hash="h", at=t - 181 * DAY),
               UnknownAccountAttempt.create(email_hash="h", at=t - 179 * DAY))
    await pair("events", AuditEvent.create(kind="LOGIN_FAILED", at=t - 401 * DAY),
               AuditEvent.create(kind="LOGIN_FAILED", at=t - 399 * DAY))
    epoch = int(t.timestamp())
    await pair("counters", RateLimitCounter.create(key="old", window_start=epoch - 1000, window_seconds=900, count=3),
               RateLimitCounter.create(key="live", window_start=epoch - 100, window_seconds=900, count=3))
    return rows


async def test_rows_past_retention_go_and_rows_inside_it_stay(client, settings):
    rows = await seed()
    done = housekeeping(settings)
    assert done.returncode == 0, done.stderr
    assert "sessions ended: 1 deleted" in done.stdout and "Done: 9 rows deleted." in done.stdout
    for name, (old, kept) in rows.items():
        model = type(old)
        key = "key" if model is RateLimitCounter else "id"
        assert not await model.filter(**{key: getattr(old, key)}).exists(), name
        assert await model.filter(**{key: getattr(kept, key)}).exists(), name


async def test_retention_is_a_setting_and_big_backlogs_go_in_batches(client, settings):
    user = await User.create(email="ada@example.com", name="Ada", password_hash="x")
    await LoginAttempt.bulk_create([LoginAttempt(user=user, at=now() - 40 * DAY, succeeded=True) for _ in range(1200)])
    kept = housekeeping(settings)
    assert "login attempts: 0 deleted" in kept.stdout
    gone = housekeeping(settings, ACCOUNTQL_RETAIN_LOGIN_ATTEMPTS_DAYS="30")
    assert gone.returncode == 0, gone.stderr
    # Batches of 500, each reported as it goes.
    assert "login attempts: 500 deleted so far" in gone.stdout and "login attempts: 1200 deleted" in gone.stdout
    assert not await LoginAttempt.exists()
