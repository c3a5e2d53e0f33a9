"""The outbox delivery worker against a real SMTP server (aiosmtpd) on loopback."""

import uuid
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller

from accountql import clock, outbox
from accountql.delivery import Deliverer, message_id_header
from accountql.models import OutboxMessage, OutboxStatus
from tests.test_live_server import free_port


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    if controller._thread is not None:
        controller.stop()


async def test_a_queued_mail_reaches_the_smtp_server(smtp):
    controller, inbox = smtp
    await outbox.send_email("bob@example.com", "test", "Hello Bob", "A body with a link.")
    deliverer = Deliverer(f"smtp://127.0.0.1:{controller.port}", "AccountQL <no-reply@example.com>")
    assert await deliverer.deliver_due() == 1
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == ["bob@example.com"]
    assert envelope.mail_from == "no-reply@example.com"
    assert b"Subject: Hello Bob" in envelope.content and b"A body with a link." in envelope.content
    sent = await OutboxMessage.get(kind="test")
    assert sent.status == OutboxStatus.SENT
    assert sent.body == ""  # links and codes are not kept once the message is out


async def test_a_waiting_message_is_sealed_at_rest(smtp):
    await outbox.send_email("bob@example.com", "test", "Your link", "token=live-secret-token")
    stored = await OutboxMessage.get(kind="test")
    assert "live-secret-token" not in stored.body
    assert outbox.body_of(stored) == "token=live-secret-token"


async def test_a_mail_server_that_is_down_loses_nothing(smtp):
    controller, inbox = smtp
    port = controller.port
    controller.stop()
    await outbox.send_email("carol@example.com", "test", "Still coming", "Later.")
    deliverer = Deliverer(f"smtp://127.0.0.1:{port}", "AccountQL <no-reply@example.com>")
    assert await deliverer.deliver_due() == 0
    message = await OutboxMessage.get(kind="test")
    assert message.status == OutboxStatus.PENDING and message.attempts == 1 and message.last_error
    # Not retried before its backoff has passed.
    assert await deliverer.deliver_due() == 0
    back = Controller(inbox, hostname="127.0.0.1", port=port)  # the server comes back
    back.start()
    try:
        clock.travel(timedelta(seconds=6))
        assert await deliverer.deliver_due() == 1
    finally:
        back.stop()
    assert [e.rcpt_tos for e in inbox.messages] == [["carol@example.com"]]
    assert (await OutboxMessage.get(kind="test")).status == OutboxStatus.SENT


async def test_production_without_smtp_keeps_mail_queued_and_out_of_the_log(caplog):
    caplog.set_level("INFO", logger="accountql.delivery")
    await outbox.send_email("dan@example.com", "test", "Secret link", "token=abcdef")
    assert await Deliverer(None, "x", log_instead=False).deliver_due() == 0
    message = await OutboxMessage.get(kind="test")
    assert message.status == OutboxStatus.PENDING and "ACCOUNTQL_SMTP_URL" in message.last_error
    assert "abcdef" not in caplog.text


async def test_a_mail_carries_a_message_id_made_of_its_outbox_id(messaging):
    message = await outbox.send_email("bob@example.com", "test", "Hello Bob", "A body.")
    assert await messaging.deliver() == 1
    # At the domain of ACCOUNTQL_MAIL_FROM, the same on any copy sent after a crash.
    assert messaging.inbox.message_ids() == [f"<{message.id}@example.com>"]


def test_the_message_id_domain_comes_from_the_sender_address():
    some_id = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert message_id_header(some_id, "no-reply@mail.example.org") == f"<{some_id}@mail.example.org>"
    assert message_id_header(some_id, "AccountQL <no-reply@localhost>") == f"<{some_id}@localhost>"
    assert message_id_header(some_id, "no address") == f"<{some_id}@localhost>"


async def test_an_sms_carries_its_outbox_id_as_idempotency_key(messaging):
    message = await outbox.send_sms("+14155550100", "test", "Your code: 123456")
    assert await messaging.deliver() == 1
    assert messaging.sms.received == [{"to": "+14155550100", "text": "Your code: 123456"}]
    assert messaging.sms.idempotency_keys == [str(message.id)]
