"""Work on a clock rather than on a request: the last MFA reminder before a grace period
ends, and the retention sweep. Runs in every server process; each job claims its work or
is harmless done twice."""

from __future__ import annotations

import asyncio
import logging
import time

from accountql import outage, retention
from accountql.config import Settings
from accountql.domain import mfa_enforcement

log = logging.getLogger("accountql.housekeeping")
REMINDERS_EVERY = 60.0  # seconds


async def run(settings: Settings) -> None:
    """Until cancelled: reminders every minute, a retention sweep every
    ACCOUNTQL_HOUSEKEEPING_INTERVAL seconds (the first a minute after start)."""
    next_sweep = time.monotonic() + REMINDERS_EVERY
    while True:
        try:
            await mfa_enforcement.send_last_calls()
            if time.monotonic() >= next_sweep:
                next_sweep = time.monotonic() + settings.housekeeping_interval
                totals = await retention.sweep(settings)
                if any(totals.values()):
                    log.info("retention: %s", ", ".join(f"{n} {name}" for name, n in totals.items() if n))
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - the job must outlive any failure
            await outage.quiet_if_unavailable("housekeeping", error)
        await asyncio.sleep(REMINDERS_EVERY)
