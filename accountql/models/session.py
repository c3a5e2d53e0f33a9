import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now
from accountql.models.mfa import SecondFactor


class LoginMethod(enum.StrEnum):
    PASSWORD = "PASSWORD"
    MAGIC_LINK = "MAGIC_LINK"
    PASSKEY = "PASSKEY"  # a discoverable passkey with user verification, on its own


class Session(Model):
    """One sign-in. The JWT names this row, and the server checks it on every request,
    so revoking the row ends the session at once on every process."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="sessions", on_delete=fields.CASCADE)
    created_at = fields.DatetimeField(default=now)
    expires_at = fields.DatetimeField(db_index=True)
    last_seen_at = fields.DatetimeField(default=now)
    ip_address = fields.CharField(max_length=45, null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    revoked_at = fields.DatetimeField(null=True)
    # The last proof of the password (and second factor) in this session: a password login
    # or reauthenticate. Sensitive changes need it to be recent (sudo mode).
    reauthenticated_at = fields.DatetimeField(null=True)
    # Set once staff used this session to act in a customer's organization.
    support = fields.BooleanField(default=False, db_default=False)
    # Signed in (or re-authenticated) with a passkey: what an organization that requires
    # phishing-resistant MFA asks of the session, not only of the account. A password and
    # TOTP code relayed by a look-alike site open a session too, without one.
    phishing_resistant = fields.BooleanField(default=False, db_default=False)

    class Meta:
        table = "session"
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("user_id", "created_at", "id"),)


class LoginAttempt(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField(
        "models.User", related_name="login_attempts", on_delete=fields.CASCADE
    )
    at = fields.DatetimeField(default=now)
    ip_address = fields.CharField(max_length=45, null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    succeeded = fields.BooleanField()
    method = fields.CharEnumField(LoginMethod, max_length=20, default=LoginMethod.PASSWORD)
    # The second factor this attempt presented, if it got that far.
    second_factor = fields.CharEnumField(
        SecondFactor, max_length=20, null=True, description="TOTP or BACKUP_CODE"
    )

    class Meta:
        table = "login_attempt"
        # In the order the login history pages (keyset cursors on at, id).
        indexes = (("user_id", "at", "id"),)


class UnknownAccountAttempt(Model):
    """A failed login for an address that has no account.

    Recorded so that such a login costs what a failed one on a real account costs (no
    timing tells them apart), and so that credential stuffing shows."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    at = fields.DatetimeField(default=now, db_index=True)
    email_hash = fields.CharField(max_length=64)
    ip_address = fields.CharField(max_length=45, null=True)
    user_agent = fields.CharField(max_length=512, null=True)

    class Meta:
        table = "unknown_account_attempt"
