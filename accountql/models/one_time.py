import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class Purpose(enum.StrEnum):
    MAGIC_LINK = "MAGIC_LINK"
    PASSWORD_RESET = "PASSWORD_RESET"
    PASSWORD_RESET_SMS = "PASSWORD_RESET_SMS"
    PHONE_VERIFICATION = "PHONE_VERIFICATION"
    EMAIL_CHANGE = "EMAIL_CHANGE"
    SMS_MFA = "SMS_MFA"
    EMAIL_VERIFICATION = "EMAIL_VERIFICATION"


class OneTimeToken(Model):
    """A link token or a short code sent to the user, stored as a keyed hash, spent once."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="one_time_tokens", on_delete=fields.CASCADE)
    purpose = fields.CharField(max_length=30, description="what the token is for")
    token_hash = fields.CharField(max_length=64, db_index=True)
    created_at = fields.DatetimeField(default=now)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    failures = fields.IntField(default=0)
    # What the token confirms: a new e-mail address or phone number.
    payload = fields.CharField(max_length=320, null=True)

    class Meta:
        table = "one_time_token"
        indexes = (("user_id", "purpose"),)
