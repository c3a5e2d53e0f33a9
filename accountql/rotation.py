"""After a new secret key was put first in ACCOUNTQL_SECRET_KEY: seal again, under the new
key, what the server must read back (TOTP secrets, messages waiting in the outbox), so
that nothing sealed needs the old key any more.

Hashes cannot be redone without what they hash: API keys are hashed again under the new key
the next time they are used (auth/api_keys.py); backup codes and links in flight keep
needing the old key until they are used, replaced or expire."""

from __future__ import annotations

from collections.abc import Callable

from tortoise.transactions import in_transaction

from accountql.auth import sealing, totp
from accountql.config import Settings
from accountql.models import OutboxMessage, TotpCredential
from accountql.outbox import BODY

BATCH = 500


async def reseal(settings: Settings, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Seal again under the newest key; {what: rows changed}. Safe to run while serving
    (each row is rewritten only if it still holds what was read) and to run again."""
    totals = {}
    for name, model, column, purpose in (
        ("TOTP secrets", TotpCredential, "secret_encrypted", totp.TOTP_SECRETS),
        ("outbox messages", OutboxMessage, "body", BODY),
    ):
        changed = seen = 0
        last_id = None
        while True:
            query = model.all().order_by("id").limit(BATCH)
            if last_id is not None:
                query = query.filter(id__gt=last_id)
            rows = await query.values_list("id", column)
            if not rows:
                break
            async with in_transaction():
                for row_id, stored in rows:
                    fresh = sealing.reseal(settings.secret_keys, purpose, stored) if stored else None
                    if fresh is not None:
                        changed += await model.filter(id=row_id, **{column: stored}).update(**{column: fresh})
            seen += len(rows)
            last_id = rows[-1][0]
            progress(f"{name}: {seen} read, {changed} sealed again")
        totals[name] = changed
    return totals
