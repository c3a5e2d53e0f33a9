"""What asyncio reports about work the database driver abandoned: during an outage it is
part of the outage's one line, not a traceback per connection (CI saw one at shutdown).
Every other unread failure, in our code or another library's, keeps its traceback."""

from __future__ import annotations

import asyncio
import gc
import logging

import asyncpg

from accountql import outage
from tests.test_live_server import free_port


def _abandon(loop: asyncio.AbstractEventLoop, make) -> None:
    """Run `make()` (a coroutine, or a future to fail by hand) to its end with nobody
    reading its outcome, then let it go: asyncio reports an unread failure when the
    future is collected."""
    future = asyncio.ensure_future(make(), loop=loop) if asyncio.iscoroutinefunction(make) else make()
    loop.run_until_complete(asyncio.wait([future]))
    del future
    gc.collect()


def _reported(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "asyncio" and r.levelno >= logging.WARNING]


def test_what_the_driver_left_behind_is_a_debug_line(caplog):
    loop = asyncio.new_event_loop()
    closed_port = free_port()

    async def connect_to_nothing():  # asyncpg's own code fails: a connect that finds nothing
        await asyncpg.connect(host="127.0.0.1", port=closed_port, user="x", timeout=2)

    def lost_connection():  # what asyncpg's connection_lost() sets on a protocol's future
        future = loop.create_future()
        future.set_exception(ConnectionError("unexpected connection_lost() call"))
        return future

    def closed_under_a_waiter():  # what asyncpg's protocol sets on a waiter it gives up
        future = loop.create_future()
        future.set_exception(asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation"))
        return future

    try:
        outage.quiet_abandoned_failures(loop)
        with caplog.at_level(logging.DEBUG):
            _abandon(loop, lambda: asyncio.ensure_future(connect_to_nothing(), loop=loop))
            _abandon(loop, lost_connection)
            _abandon(loop, closed_under_a_waiter)
    finally:
        loop.close()
    assert _reported(caplog) == [], [r.getMessage() for r in _reported(caplog)]
    assert sum("work left behind on the database" in r.getMessage() for r in caplog.records) == 3


def test_other_unread_failures_keep_their_traceback(caplog):
    """Found by a review: the first version quietened any timeout or connection error, and
    any error raised while one was being handled."""
    loop = asyncio.new_event_loop()

    async def mail_server_refused():  # not the database: our code, another service
        raise ConnectionRefusedError("SMTP server at 127.0.0.1:25 refused the connection")

    async def bug_while_handling_a_timeout():
        try:
            raise TimeoutError
        except TimeoutError:
            return undefined_name  # noqa: F821 - the bug this test is about

    async def plain_fault():
        raise ValueError("a fault in the code")

    try:
        outage.quiet_abandoned_failures(loop)
        with caplog.at_level(logging.DEBUG):
            for fails in (mail_server_refused, bug_while_handling_a_timeout, plain_fault):
                _abandon(loop, lambda fails=fails: asyncio.ensure_future(fails(), loop=loop))
    finally:
        loop.close()
    reported = _reported(caplog)
    assert [type(r.exc_info[1]).__name__ for r in reported] == ["ConnectionRefusedError", "NameError", "ValueError"]
    assert all("never retrieved" in r.getMessage() for r in reported)
