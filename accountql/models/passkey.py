import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class PasskeyCeremony(enum.StrEnum):
    """What a WebAuthn challenge was issued for: it answers that ceremony only."""

    REGISTRATION = "REGISTRATION"
    LOG_IN = "LOG_IN"  # passwordless: any discoverable passkey, with user verification
    SECOND_FACTOR = "SECOND_FACTOR"  # after a first factor: a passkey of that MFA challenge's user


class Passkey(Model):
    """A WebAuthn public-key credential (a passkey) of a user. Nothing secret is kept: the
    private key never leaves the authenticator."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="passkeys", on_delete=fields.CASCADE)
    # The credential id as the browser gives it (base64url), unique across all users.
    credential_id = fields.CharField(max_length=1400, unique=True)
    # The COSE public key, base64url.
    public_key = fields.TextField()
    name = fields.CharField(max_length=100)
    # The authenticator's signature counter as last seen (0: the authenticator keeps none).
    sign_count = fields.BigIntField(default=0)
    # BE and BS flags: eligible means a synced (multi-device) passkey; BE never changes.
    backup_eligible = fields.BooleanField(default=False)
    backed_up = fields.BooleanField(default=False)
    aaguid = fields.CharField(max_length=36, default="00000000-0000-0000-0000-000000000000")
    attestation_format = fields.CharField(max_length=20, default="none")
    # Comma-separated transport hints (usb, nfc, ble, internal, hybrid) for allowCredentials.
    transports = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(default=now)
    last_used_at = fields.DatetimeField(null=True)
    # Set when an assertion came with a counter that did not increase: the key may be copied.
    clone_suspected_at = fields.DatetimeField(null=True)

    class Meta:
        table = "passkey"
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("user_id", "created_at", "id"),)


class PasskeyChallenge(Model):
    """One WebAuthn challenge, single use and short-lived, stored as a keyed hash only.

    Bound to the session that asked (registration) or to the login attempt (an MFA
    challenge, or nothing for a passwordless sign-in that names no account)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    challenge_hash = fields.CharField(max_length=64, unique=True)
    ceremony = fields.CharEnumField(PasskeyCeremony, max_length=20)
    user = fields.ForeignKeyField(
        "models.User", related_name="passkey_challenges", null=True, on_delete=fields.CASCADE
    )
    session = fields.ForeignKeyField(
        "models.Session", related_name="passkey_challenges", null=True, on_delete=fields.CASCADE
    )
    mfa_challenge = fields.ForeignKeyField(
        "models.MfaChallenge", related_name="passkey_challenges", null=True, on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(default=now)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "passkey_challenge"
