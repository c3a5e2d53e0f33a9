import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class Role(enum.StrEnum):
    OWNER = "OWNER"
    MANAGER = "MANAGER"


class MfaLevel(enum.StrEnum):
    """What counts as MFA for an organization that enforces it."""

    ANY = "ANY"
    PHISHING_RESISTANT = "PHISHING_RESISTANT"  # passkeys only: TOTP and SMS codes can be phished


class Organization(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    name = fields.CharField(max_length=200)
    mfa_enforced = fields.BooleanField(default=False)
    mfa_level = fields.CharEnumField(MfaLevel, max_length=20, default=MfaLevel.ANY, db_default="ANY")
    # Members without MFA keep working until then (a grace period), reminded by e-mail.
    mfa_grace_until = fields.DatetimeField(null=True)
    # Set when the last reminder before the end of the grace period went out (once).
    mfa_last_call_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(default=now)
    # Written first by every change to the owners, so that such changes queue up behind
    # each other on SQLite and PostgreSQL alike (see domain.organizations.lock_organization).
    owners_version = fields.IntField(default=0)
    support_plan = fields.CharField(max_length=10, default="BASIC", db_default="BASIC")

    class Meta:
        table = "organization"


class Membership(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    organization = fields.ForeignKeyField(
        "models.Organization", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=20)
    created_at = fields.DatetimeField(default=now)

    class Meta:
        table = "membership"
        unique_together = (("user", "organization"),)
        # An organization's members and a user's memberships, each in the order they are
        # paged (keyset cursors on created_at, id): any page is one index range.
        indexes = (("organization_id", "created_at", "id"), ("user_id", "created_at", "id"))


class Invitation(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    organization = fields.ForeignKeyField(
        "models.Organization", related_name="invitations", on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=320, db_index=True)
    role = fields.CharEnumField(Role, max_length=20)
    invited_by = fields.ForeignKeyField(
        "models.User", related_name="sent_invitations", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(default=now)
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation"
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("organization_id", "created_at", "id"),)
