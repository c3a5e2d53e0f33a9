import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class SupportReason(enum.StrEnum):
    PROBLEM_RESOLUTION = "PROBLEM_RESOLUTION"
    TROUBLESHOOTING = "TROUBLESHOOTING"
    CONFIGURATION = "CONFIGURATION"
    TRAINING = "TRAINING"
    SECURITY_CHECK = "SECURITY_CHECK"


class SupportGrant(Model):
    """An owner's leave for platform staff to act in the organization as a MANAGER."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    organization = fields.ForeignKeyField(
        "models.Organization", related_name="support_grants", on_delete=fields.CASCADE
    )
    granted_by = fields.ForeignKeyField(
        "models.User", related_name="support_grants_given", null=True, on_delete=fields.SET_NULL
    )
    reason = fields.CharEnumField(SupportReason, max_length=30, description="why support may act")
    created_at = fields.DatetimeField(default=now)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "support_grant"
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("organization_id", "created_at", "id"),)
