import enum
import uuid

from tortoise import fields
from tortoise.models import Model


class SupportPlan(enum.StrEnum):
    BASIC = "BASIC"
    SILVER = "SILVER"
    GOLD = "GOLD"
    PLATINUM = "PLATINUM"


class Quota(Model):
    """How much of one product's resource an organization may use, and uses."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    organization = fields.ForeignKeyField("models.Organization", related_name="quotas", on_delete=fields.CASCADE)
    product = fields.CharField(max_length=50)
    resource = fields.CharField(max_length=50)
    # Set by staff for this organization; None means the configured default applies.
    limit_override = fields.IntField(null=True)
    quota_limit = fields.IntField()
    used = fields.IntField(default=0)

    class Meta:
        table = "quota"
        unique_together = (("organization", "product", "resource"),)
