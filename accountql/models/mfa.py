import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class SecondFactor(enum.StrEnum):
    TOTP = "TOTP"
    BACKUP_CODE = "BACKUP_CODE"
    SMS_CODE = "SMS_CODE"
    PASSKEY = "PASSKEY"


class MfaMethod(enum.StrEnum):
    TOTP = "TOTP"
    SMS = "SMS"


class TotpCredential(Model):
    """An authenticator app, pending (confirmed_at null) until a code proves it works.

    A user has at most one confirmed and one pending at a time."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="totp_credentials", on_delete=fields.CASCADE)
    # Encrypted with a key derived from ACCOUNTQL_SECRET_KEY: the server needs it back.
    secret_encrypted = fields.CharField(max_length=255)
    created_at = fields.DatetimeField(default=now)
    confirmed_at = fields.DatetimeField(null=True)
    # The last time step a code was accepted for: only later steps are accepted (no replay).
    last_step = fields.BigIntField(default=0)

    class Meta:
        table = "totp_credential"


class BackupCode(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="backup_codes", on_delete=fields.CASCADE)
    code_hash = fields.CharField(max_length=64, db_index=True)
    created_at = fields.DatetimeField(default=now)
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "backup_code"


class MfaChallenge(Model):
    """The half-finished login between a right password and a second factor."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="mfa_challenges", on_delete=fields.CASCADE)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(default=now)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    failures = fields.IntField(default=0)
    method = fields.CharField(max_length=20, default="PASSWORD")  # how the first factor was proven
    ip_address = fields.CharField(max_length=45, null=True)
    user_agent = fields.CharField(max_length=512, null=True)

    class Meta:
        table = "mfa_challenge"
