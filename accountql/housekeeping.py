"""Work on a clock rather than on a request: the last MFA reminder before a grace period
ends. Runs in every server process; each job claims its work, so none is done twice."""

from __future__ import annotations

import asyncio
import logging

from accountql import outage
from accountql.domain import mfa_enforcement

log = logging.getLogger("accountql.housekeeping")


async def run(interval: float = 60.0) -> None:
    """Until cancelled."""
    while True:
        try:
            await mfa_enforcement.send_last_calls()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - the job must outlive any failure
            outage.quiet_if_unavailable("housekeeping", error)
        await asyncio.sleep(interval)
