"""A database outage, logged once: a line when requests start failing for want of the
database, and one when it answers again with how many requests were refused meanwhile.
A traceback per request would bury the one line an operator needs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
import traceback

import aiosqlite
import asyncpg
import tortoise

from accountql import db

log = logging.getLogger("accountql")
PROBE_INTERVAL = 1.0  # seconds between checks while the database is down


class Outage:
    def __init__(self) -> None:
        self.since: float | None = None
        self.refused = 0
        self._probe: asyncio.Task | None = None

    @property
    def ongoing(self) -> bool:
        return self.since is not None

    def refused_one(self, error: BaseException) -> None:
        """A request failed because the database did not answer."""
        self.refused += 1
        self.noticed(error)

    def noticed(self, error: BaseException) -> None:
        """Something (a request, a background job) found the database not answering."""
        if self.since is not None:
            return
        self.since = time.monotonic()
        log.error(
            "the database does not answer (%s): requests answer SERVICE_UNAVAILABLE until it "
            "does. Check that it runs and that ACCOUNTQL_DATABASE_URL reaches it.",
            _describe(error),
        )
        with contextlib.suppress(RuntimeError):  # no running loop (a command, not the server)
            self._probe = asyncio.get_running_loop().create_task(self._wait_for_recovery())

    def answered(self) -> None:
        """The database answered again: close the outage, with its count."""
        if self.since is None:
            return
        log.warning(
            "the database answers again after %.0f s; %d request%s answered SERVICE_UNAVAILABLE meanwhile",
            time.monotonic() - self.since, self.refused, "" if self.refused == 1 else "s",
        )
        self.since, self.refused = None, 0

    async def _wait_for_recovery(self) -> None:
        while self.since is not None:
            await asyncio.sleep(PROBE_INTERVAL)
            if await db.database_answers():
                self.answered()


async def quiet_if_unavailable(job: str, error: BaseException) -> None:
    """What a background job does with an error: an unavailable database is part of the
    outage's one line; anything else is a fault, logged with its traceback. A job's
    statement can time out after the database came back (it was sent while it was dark),
    so the outage opens only if the database still does not answer now."""
    if db.is_unavailable(error):
        if not await db.database_answers():
            current.noticed(error)
    else:
        log.error("%s failed; trying again", job, exc_info=error)


def quiet_abandoned_failures(loop: asyncio.AbstractEventLoop) -> None:
    """asyncpg leaves work behind when it gives up on a connection (a query cut off at its
    time limit, a connection that did not open in time, a release cancelled at shutdown):
    that work fails later, on a future nobody waits for, and asyncio reports each failure
    as "exception was never retrieved" with a traceback, after shutdown too. On a dark
    database that was a traceback per abandoned connection under the outage's one line.
    Those failures are logged at debug level; anything else, our code's or another
    library's, still goes to asyncio's handler, traceback and all."""
    previous = loop.get_exception_handler()

    def handle(loop: asyncio.AbstractEventLoop, context: dict) -> None:
        error = context.get("exception")
        message = context.get("message", "")
        abandoned = "never retrieved" in message or "during asyncio.run() shutdown" in message
        if abandoned and _left_by_the_driver(error, context.get("future") or context.get("task")):
            log.debug("work left behind on the database failed (%s), as the outage made it", _describe(error))
        elif previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handle)


# The database drivers: an error of their classes, or raised in their code, is theirs.
_DRIVERS = (asyncpg, aiosqlite, tortoise)
_DRIVER_NAMES = tuple(module.__name__ for module in _DRIVERS)
_DRIVER_DIRS = tuple(os.path.dirname(module.__file__) + os.sep for module in _DRIVERS)


def _left_by_the_driver(error: BaseException | None, future: object) -> bool:
    """A failure that says the database did not answer (the error itself, not one it was
    raised while handling): of a driver's own class, raised in a driver's code or by a
    task running it; or a protocol's future failed by a lost connection, which no code
    raised (asyncpg's connection_lost() on a connect it gave up)."""
    if not isinstance(error, db.UNAVAILABLE):
        return False
    if type(error).__module__.split(".")[0] in _DRIVER_NAMES:
        return True  # "connection is closed" on a waiter
    if not isinstance(future, asyncio.Task):
        return isinstance(error, ConnectionError) and error.__traceback__ is None
    code = getattr(future.get_coro(), "cr_code", None)
    if code is not None and code.co_filename.startswith(_DRIVER_DIRS):
        return True
    seen = 0
    while error is not None and seen < 5:  # the error, and what it was raised from
        frames = traceback.walk_tb(error.__traceback__)
        if any(frame.f_code.co_filename.startswith(_DRIVER_DIRS) for frame, _ in frames):
            return True
        error, seen = error.__cause__, seen + 1
    return False


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# One per process: every request of the process reports to it.
current = Outage()
