import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class OutboxStatus(enum.StrEnum):
    PENDING = "PENDING"
    SENDING = "SENDING"
    SENT = "SENT"
    FAILED = "FAILED"


class OutboxMessage(Model):
    """A message to deliver. Written in the transaction of the change that causes it and
    sent afterwards by the delivery worker, so a mail server that is down loses nothing."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    channel = fields.CharField(max_length=10, default="EMAIL")
    recipient = fields.CharField(max_length=320)
    subject = fields.CharField(max_length=255)
    body = fields.TextField()
    kind = fields.CharField(max_length=50, db_index=True)
    created_at = fields.DatetimeField(default=now)
    status = fields.CharEnumField(OutboxStatus, max_length=10, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(default=now, db_index=True)
    sent_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(null=True)

    class Meta:
        table = "outbox_message"
