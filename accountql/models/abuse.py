import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class AbuseReason(enum.StrEnum):
    SPAM = "SPAM"
    MALWARE = "MALWARE"
    PHISHING = "PHISHING"
    COPYRIGHT = "COPYRIGHT"
    ILLEGAL_CONTENT = "ILLEGAL_CONTENT"
    CYBERCRIME = "CYBERCRIME"
    OTHER = "OTHER"


class AbuseCase(Model):
    """Reports of one resource for one reason, grouped while the case is open."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    organization = fields.ForeignKeyField("models.Organization", related_name="abuse_cases", on_delete=fields.CASCADE)
    resource_kind = fields.CharField(max_length=50)
    resource_id = fields.CharField(max_length=100)
    reason = fields.CharEnumField(AbuseReason, max_length=20, description="why it was reported")
    created_at = fields.DatetimeField(default=now)
    answer = fields.TextField(null=True)
    answered_at = fields.DatetimeField(null=True)
    resolved_at = fields.DatetimeField(null=True)
    resolution = fields.TextField(null=True)

    class Meta:
        table = "abuse_case"
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("organization_id", "created_at", "id"),)


class AbuseReport(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    case = fields.ForeignKeyField("models.AbuseCase", related_name="reports", on_delete=fields.CASCADE)
    # Known to staff, never shown to the reported organization.
    reporter = fields.ForeignKeyField("models.User", related_name="abuse_reports", null=True, on_delete=fields.SET_NULL)
    details = fields.TextField()
    created_at = fields.DatetimeField(default=now)

    class Meta:
        table = "abuse_report"
