"""Retention: what has expired is deleted, in small batches, so that nothing grows forever.

Each rule names a table and when one of its rows has served its purpose: a session ended a
month ago, a link used or expired, a rate-limit counter past its window, a message sent a
week ago, a login attempt of half a year ago, an audit event of more than a year. Batches
are small and the job pauses between them, so a large backlog never holds the database for
long; several server processes may run it at once (a row deleted twice is deleted once)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from tortoise import connections
from tortoise.expressions import Q

from accountql.clock import now
from accountql.config import Settings
from accountql.db import placeholder
from accountql.models import (
    AuditEvent,
    Invitation,
    LoginAttempt,
    MfaChallenge,
    OneTimeToken,
    OutboxMessage,
    OutboxStatus,
    PasskeyChallenge,
    Session,
    UnknownAccountAttempt,
)

BATCH = 500
PAUSE = 0.05  # seconds between batches: requests go first


@dataclass(frozen=True)
class Rule:
    name: str  # what it deletes, for progress lines
    model: type
    past: Callable[[Settings], Q]


def _ago(days: int):
    return now() - timedelta(days=days)


RULES = (
    Rule("sessions ended", Session, lambda s: Q(revoked_at__lt=_ago(s.retain_ended_sessions_days))
         | Q(expires_at__lt=_ago(s.retain_ended_sessions_days))),
    Rule("one-time links and codes used or expired", OneTimeToken,
         lambda s: Q(used_at__lt=_ago(s.retain_used_tokens_days)) | Q(expires_at__lt=_ago(s.retain_used_tokens_days))),
    Rule("MFA challenges used or expired", MfaChallenge,
         lambda s: Q(used_at__lt=_ago(s.retain_used_tokens_days)) | Q(expires_at__lt=_ago(s.retain_used_tokens_days))),
    Rule("passkey challenges used or expired", PasskeyChallenge,
         lambda s: Q(used_at__lt=_ago(s.retain_used_tokens_days)) | Q(expires_at__lt=_ago(s.retain_used_tokens_days))),
    Rule("invitations accepted or expired", Invitation,
         lambda s: Q(accepted_at__lt=_ago(s.retain_used_tokens_days)) | Q(expires_at__lt=_ago(s.retain_used_tokens_days))),
    Rule("messages sent", OutboxMessage,
         lambda s: Q(status=OutboxStatus.SENT, sent_at__lt=_ago(s.retain_sent_messages_days))),
    Rule("login attempts", LoginAttempt, lambda s: Q(at__lt=_ago(s.retain_login_attempts_days))),
    Rule("login attempts for unknown addresses", UnknownAccountAttempt,
         lambda s: Q(at__lt=_ago(s.retain_login_attempts_days))),
    Rule("audit events", AuditEvent, lambda s: Q(at__lt=_ago(s.retain_audit_events_days))),
)


async def _delete_batch(rule: Rule, settings: Settings) -> int:
    ids = await rule.model.filter(rule.past(settings)).limit(BATCH).values_list("id", flat=True)
    if not ids:
        return 0
    return await rule.model.filter(id__in=list(ids)).delete()


async def _delete_rate_limits() -> int:
    """Counters whose window has passed (their next use starts a new window anyway)."""
    sql = (
        "DELETE FROM rate_limit_counter WHERE key IN (SELECT key FROM rate_limit_counter "
        f"WHERE window_start + window_seconds < {placeholder(1)} LIMIT {BATCH})"
    )
    deleted, _ = await connections.get("default").execute_query(sql, [int(now().timestamp())])
    return deleted


async def sweep(settings: Settings, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Delete everything past retention; how many rows of each kind went."""
    totals: dict[str, int] = {}
    jobs = [(rule.name, lambda rule=rule: _delete_batch(rule, settings)) for rule in RULES]
    jobs.append(("rate-limit counters past their window", _delete_rate_limits))
    for name, delete_batch in jobs:
        total = 0
        while deleted := await delete_batch():
            total += deleted
            if progress:
                progress(f"{name}: {total} deleted so far")
            await asyncio.sleep(PAUSE)
        totals[name] = total
        if progress:
            progress(f"{name}: {total} deleted")
    return totals
