import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class ContactRole(enum.StrEnum):
    PRIMARY = "PRIMARY"
    TECHNICAL = "TECHNICAL"
    BILLING = "BILLING"
    ABUSE = "ABUSE"
    EMERGENCY = "EMERGENCY"


class Contact(Model):
    """Where an organization's notifications go. PRIMARY receives every kind."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    organization = fields.ForeignKeyField(
        "models.Organization", related_name="contacts", on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=320)
    # Comma-separated ContactRole values, e.g. "ABUSE,TECHNICAL".
    roles = fields.CharField(max_length=100)
    created_at = fields.DatetimeField(default=now)
    # Nothing is sent to a contact before its mailbox is proven: a link followed, or the
    # address being a verified account's. The link's token is kept as a keyed hash.
    confirmed_at = fields.DatetimeField(null=True)
    confirmation_hash = fields.CharField(max_length=64, null=True, db_index=True)
    confirmation_expires_at = fields.DatetimeField(null=True)

    class Meta:
        table = "contact"
        unique_together = (("organization", "email"),)
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("organization_id", "created_at", "id"),)

    @property
    def role_list(self) -> list[ContactRole]:
        return [ContactRole(role) for role in self.roles.split(",") if role]
