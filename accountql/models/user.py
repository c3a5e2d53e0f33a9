import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class User(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    # Stored lower-cased: one account per address, whatever its case.
    email = fields.CharField(max_length=320, unique=True)
    # Set once a link sent to `email` was followed: until then the address is only a claim.
    email_verified = fields.BooleanField(default=False, db_default=False)
    email_verified_at = fields.DatetimeField(null=True)
    name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=255)
    created_at = fields.DatetimeField(default=now)
    last_login_at = fields.DatetimeField(null=True)
    password_changed_at = fields.DatetimeField(default=now)
    # Kept in step with a confirmed TotpCredential, in the same transaction: permission
    # checks read it on every organization request.
    mfa_enabled = fields.BooleanField(default=False, db_default=False)
    # Set at sign-up while ACCOUNTQL_REQUIRE_MFA is on: until enrolled the account can only
    # enroll, read `me` and log out.
    mfa_required = fields.BooleanField(default=False, db_default=False)
    # A verified number in E.164 (+33612345678): for password reset and SMS codes.
    phone_number = fields.CharField(max_length=20, null=True, unique=True)
    # A number verified only recently cannot reset the password by SMS (a stolen session
    # could have put it there).
    phone_verified_at = fields.DatetimeField(null=True)
    # "TOTP" or "SMS": which second factor logIn asks for once MFA is on.
    mfa_method = fields.CharField(max_length=10, default="TOTP", db_default="TOTP")
    # Kept in step with the user's Passkey rows, in the same transaction: organizations that
    # require phishing-resistant MFA read it on every request.
    has_passkey = fields.BooleanField(default=False, db_default=False)
    login_notifications = fields.BooleanField(default=False, db_default=False)
    # Platform staff: granted from the command line only, never through the API.
    is_staff = fields.BooleanField(default=False, db_default=False)
    # Set when the account was deleted: the row stays, emptied of personal data, so that
    # audit events still name an actor ("a deleted user"); its address is freed.
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "user_account"

    def __str__(self) -> str:
        return self.email
