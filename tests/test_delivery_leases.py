"""Claims (leases) of the outbox worker. Every server process runs a Deliverer; these run
several against a real SMTP server (aiosmtpd on loopback) and the real database, and
check that none sends a message another holds, and that a message sent again after a
crash carries the same Message-ID."""

import asyncio
import contextlib
from collections import Counter
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller

from accountql import clock, outbox
from accountql.clock import now
from accountql.delivery import CLAIM_FOR, Deliverer
from accountql.models import OutboxMessage, OutboxStatus
from tests.messaging import Inbox
from tests.test_live_server import free_port

MAIL_FROM = "AccountQL <no-reply@example.com>"


class SmtpServer:
    def __init__(self, delay: float) -> None:
        self.inbox = Inbox(delay)
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())
        self.controller.start()
        self.url = f"smtp://127.0.0.1:{self.controller.port}"

    def stop(self) -> None:
        self.inbox.holding = False  # held sessions answer, so the server can stop
        self.controller.stop()


@pytest.fixture
def smtp_server():
    started: list[SmtpServer] = []

    def start(delay: float = 0.0) -> SmtpServer:
        started.append(SmtpServer(delay))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def message_id_of(message: OutboxMessage) -> str:
    return f"<{message.id}@example.com>"


async def queue(count: int) -> list[OutboxMessage]:
    return [
        await outbox.send_email(f"user{n}@example.com", "test", f"Message {n}", "A body.")
        for n in range(count)
    ]


async def drain(deliverer: Deliverer, batch: int) -> int:
    """What a server process's worker does: deliver until nothing is left to send."""
    sent = 0
    waiting = [OutboxStatus.PENDING, OutboxStatus.SENDING]
    while await OutboxMessage.filter(status__in=waiting).exists():
        sent += await deliverer.deliver_due(batch=batch)
        await asyncio.sleep(0.01)
    return sent


async def handed_over(deliverer: Deliverer, server: SmtpServer) -> asyncio.Task:
    """Start a delivery and return once the server has the message; the delivery then
    waits for the server's answer (never, while the server is held)."""
    received = len(server.inbox.messages)
    task = asyncio.create_task(deliverer.deliver_due())
    async with asyncio.timeout(10):
        while len(server.inbox.messages) == received:
            await asyncio.sleep(0.01)
    return task


async def kill(task: asyncio.Task) -> None:
    """The worker dies mid-send: it never hears the answer, never records an outcome.
    Cancelled again and again, because a killed process cleans nothing up, whereas the
    SMTP client would otherwise say QUIT and wait for the held server to answer it."""
    while not task.done():
        task.cancel()
        await asyncio.sleep(0.01)
    with contextlib.suppress(asyncio.CancelledError):
        await task


# A batch (20 sends of 0.2 s, 10 for each worker) takes twice the lease: a claim must be
# taken when its message is sent, not when its batch began. The second worker starts half
# a send after the first, as a second process does; started at the same instant, the two
# move in lockstep and the old code happened not to collide. (It then sent one message
# twice, at the end, when the idle worker found the other's run-out claim in flight.)
MESSAGES, BATCH, SEND_SECONDS, LEASE = 40, 20, 0.2, timedelta(seconds=1)


async def test_two_workers_and_a_slow_mail_server_send_every_message_once(smtp_server):
    server = smtp_server(delay=SEND_SECONDS)
    queued = await queue(MESSAGES)
    first, second = (Deliverer(server.url, MAIL_FROM, lease=LEASE) for _ in range(2))

    async def later() -> int:
        await asyncio.sleep(SEND_SECONDS / 2)
        return await drain(second, BATCH)

    async with asyncio.timeout(60):
        sent = await asyncio.gather(drain(first, BATCH), later())
    by_recipient = Counter(mail["To"] for mail in server.inbox.messages)
    assert {to: n for to, n in by_recipient.items() if n > 1} == {}  # no duplicates
    by_id = Counter(server.inbox.message_ids())
    assert set(by_id) == {message_id_of(m) for m in queued} and set(by_id.values()) == {1}
    assert all(n > 0 for n in sent) and sum(sent) == MESSAGES  # both took part
    assert await OutboxMessage.filter(status=OutboxStatus.SENT).count() == MESSAGES
    assert first.held == {} and second.held == {}


async def test_a_message_sent_again_after_a_crash_keeps_its_message_id(smtp_server):
    server = smtp_server()
    server.inbox.holding = True
    (message,) = await queue(1)
    await kill(await handed_over(Deliverer(server.url, MAIL_FROM), server))
    assert (await OutboxMessage.get(id=message.id)).status == OutboxStatus.SENDING
    server.inbox.holding = False
    survivor = Deliverer(server.url, MAIL_FROM)
    assert await survivor.deliver_due() == 0  # the dead worker's claim still holds
    clock.travel(CLAIM_FOR + timedelta(seconds=1))
    assert await survivor.deliver_due() == 1
    # Sent twice (at least once), but recognisably the same message.
    assert server.inbox.message_ids() == [message_id_of(message)] * 2
    assert (await OutboxMessage.get(id=message.id)).status == OutboxStatus.SENT


async def test_release_leases_puts_this_workers_claims_back_due_now(smtp_server):
    server = smtp_server()
    server.inbox.holding = True
    (message,) = await queue(1)
    stopping = Deliverer(server.url, MAIL_FROM)
    await kill(await handed_over(stopping, server))  # as on SIGTERM: the send is stopped
    assert list(stopping.held) == [message.id]
    assert await stopping.release_leases() == 1
    assert stopping.held == {}
    stored = await OutboxMessage.get(id=message.id)
    assert stored.status == OutboxStatus.PENDING and stored.next_attempt_at <= now()
    assert stored.attempts == 0  # not a failed attempt: nothing counts against it
    server.inbox.holding = False
    # Another process sends it at once, without waiting for the lease to run out.
    assert await Deliverer(server.url, MAIL_FROM).deliver_due() == 1
    assert server.inbox.message_ids() == [message_id_of(message)] * 2


async def test_release_leases_leaves_a_claim_another_worker_took_over(smtp_server):
    server = smtp_server()
    server.inbox.holding = True
    (message,) = await queue(1)
    stale = Deliverer(server.url, MAIL_FROM)
    await kill(await handed_over(stale, server))
    clock.travel(CLAIM_FOR + timedelta(seconds=1))
    other = Deliverer(server.url, MAIL_FROM)
    sending = await handed_over(other, server)  # took the expired claim over
    assert await stale.release_leases() == 0
    stored = await OutboxMessage.get(id=message.id)
    assert stored.status == OutboxStatus.SENDING and stored.next_attempt_at == other.held[message.id]
    server.inbox.holding = False
    assert await sending == 1
    assert (await OutboxMessage.get(id=message.id)).status == OutboxStatus.SENT


async def test_a_worker_whose_lease_ran_out_does_not_overwrite_the_outcome(smtp_server):
    slow, fast = smtp_server(), smtp_server()
    slow.inbox.holding = True
    slow.inbox.reply = "451 4.3.0 Try again later"
    (message,) = await queue(1)
    late = Deliverer(slow.url, MAIL_FROM)
    sending = await handed_over(late, slow)
    clock.travel(CLAIM_FOR + timedelta(seconds=1))
    assert await Deliverer(fast.url, MAIL_FROM).deliver_due() == 1
    slow.inbox.holding = False  # the late worker's server refuses at last
    assert await sending == 0
    # Its failure would have put the message back to be sent a third time.
    stored = await OutboxMessage.get(id=message.id)
    assert stored.status == OutboxStatus.SENT and stored.attempts == 1 and stored.last_error is None
    assert late.held == {}


async def test_a_send_that_would_outlast_its_lease_is_cut_off_and_retried(smtp_server):
    server = smtp_server(delay=1.5)  # answers DATA after 1.5 s; the lease is 2 s
    (message,) = await queue(1)
    worker = Deliverer(server.url, MAIL_FROM, lease=timedelta(seconds=2))
    started = asyncio.get_running_loop().time()
    assert await worker.deliver_due() == 0
    # Cut off at half the lease; the client's QUIT then waits for the server's answer,
    # and still the outcome is written before the lease runs out.
    assert asyncio.get_running_loop().time() - started < 2
    stored = await OutboxMessage.get(id=message.id)
    assert stored.status == OutboxStatus.PENDING and stored.attempts == 1
    assert stored.last_error == "TimeoutError" and worker.held == {}
