"""What asyncio reports about work the database driver abandoned: during an outage it is
part of the outage's one line, not a traceback per connection (CI saw one at shutdown)."""

from __future__ import annotations

import asyncio
import gc
import logging

import asyncpg

from accountql import outage


def _abandon(loop: asyncio.AbstractEventLoop, error: BaseException) -> None:
    """A future that fails with nobody waiting for it, as asyncpg leaves behind."""
    future = loop.create_future()
    future.set_exception(error)
    del future
    gc.collect()  # asyncio reports an unread failure when the future is collected


def test_abandoned_database_failures_are_not_tracebacks_but_other_failures_are(caplog):
    loop = asyncio.new_event_loop()
    try:
        outage.quiet_abandoned_failures(loop)
        with caplog.at_level(logging.DEBUG):
            _abandon(loop, TimeoutError())
            _abandon(loop, ConnectionError("unexpected connection_lost() call"))
            _abandon(loop, asyncpg.InterfaceError("connection is closed"))
            quiet = [r for r in caplog.records if r.name == "asyncio" and r.levelno >= logging.WARNING]
            assert quiet == [], [r.getMessage() for r in quiet]
            assert sum("work left behind on the database" in r.getMessage() for r in caplog.records) == 3
            _abandon(loop, ValueError("a fault in the code"))
    finally:
        loop.close()
    reported = [r for r in caplog.records if r.name == "asyncio" and r.levelno == logging.ERROR]
    assert len(reported) == 1 and "never retrieved" in reported[0].getMessage()
    assert reported[0].exc_info[1].args == ("a fault in the code",)
