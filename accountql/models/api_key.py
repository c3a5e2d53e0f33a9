import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class ApiKeyAccess(enum.StrEnum):
    READ_ONLY = "READ_ONLY"
    READ_WRITE = "READ_WRITE"


class ApiKey(Model):
    """A secret that acts for one organization. Only a keyed hash of it is stored."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    organization = fields.ForeignKeyField(
        "models.Organization", related_name="api_keys", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=100)
    access = fields.CharEnumField(ApiKeyAccess, max_length=12, description="READ_ONLY or READ_WRITE")
    prefix = fields.CharField(max_length=16)
    secret_hash = fields.CharField(max_length=64, unique=True)
    created_by = fields.ForeignKeyField(
        "models.User", related_name="created_api_keys", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(default=now)
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_key"
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("organization_id", "created_at", "id"),)
