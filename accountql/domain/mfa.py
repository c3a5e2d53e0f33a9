"""Multi-factor authentication: enrollment, second-factor login, backup codes, disabling.

Every single-use secret (a TOTP time step, a backup code, a challenge) is spent by one
conditional UPDATE whose row count decides, so two concurrent requests cannot both use it,
on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import challenges, one_time, rate_limits, sessions, totp
from accountql.auth.challenges import SMS_CODE_LIFETIME
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import accounts, notices
from accountql.domain.mfa_enforcement import enforcing_organizations
from accountql.errors import BadUserInput, Conflict, InvalidCode, RateLimited
from accountql.models import (
    AuditKind,
    BackupCode,
    LoginMethod,
    MfaChallenge,
    MfaMethod,
    Passkey,
    Purpose,
    SecondFactor,
    TotpCredential,
    User,
)

CHALLENGE_MAX_FAILURES = 5
WRONG_CODE = (
    "That code is wrong, expired or already used: enter the next code your authenticator app "
    "shows (each works once, and they change every 30 seconds), or an unused backup code."
)


@dataclass(frozen=True)
class Enrollment:
    secret: str
    otpauth_uri: str
    qr_code_svg: str
    qr_code_data_uri: str


def code_limit(settings: Settings, user: User) -> rate_limits.Limit:
    """Wrong second factors per account (codes and passkeys alike) per login window."""
    return rate_limits.Limit(
        f"mfa:account:{user.id}", settings.mfa_failures_per_account, settings.login_window_seconds
    )


async def _spend(settings: Settings, user: User, code: str) -> SecondFactor | None:
    """Use up a current TOTP code (its time step), the SMS code last sent, or an unused
    backup code of the user."""
    if user.mfa_method == MfaMethod.SMS and not totp.looks_like_backup_code(code):
        try:
            await one_time.redeem_code(settings.secret_keys, user, Purpose.SMS_MFA, code)
        except InvalidCode:
            return None
        return SecondFactor.SMS_CODE
    if totp.looks_like_backup_code(code):
        hashes = [totp.hash_backup_code(key, code) for key in settings.secret_keys]
        row = await BackupCode.get_or_none(user_id=user.id, code_hash__in=hashes, used_at=None)
        if row and await BackupCode.filter(id=row.id, used_at=None).update(used_at=now()) == 1:
            return SecondFactor.BACKUP_CODE
        return None
    credential = await TotpCredential.filter(user_id=user.id, confirmed_at__isnull=False).first()
    if credential is None:
        return None
    secret = totp.decrypt_secret(settings.secret_keys, credential.secret_encrypted)
    step = totp.matching_step(secret, code, now())
    if step is None or step <= credential.last_step:
        return None
    spent = await TotpCredential.filter(id=credential.id, last_step__lt=step).update(last_step=step)
    return SecondFactor.TOTP if spent == 1 else None


async def has_code_factor(user: User) -> bool:
    """Whether the user has a second factor besides passkeys: SMS codes, or a confirmed
    authenticator app (with MFA on through passkeys only, mfa_method stays TOTP)."""
    if user.mfa_method == MfaMethod.SMS:
        return True
    return await TotpCredential.filter(user_id=user.id, confirmed_at__isnull=False).exists()


async def spend_second_factor(settings: Settings, user: User, code: str | None) -> SecondFactor:
    """Prove the user holds the second factor (for changes to MFA itself); INVALID_CODE or
    RATE_LIMITED otherwise."""
    if not code:
        raise InvalidCode(
            "This needs a current code from your authenticator app, or a backup code (or, for "
            "reauthenticate, a passkey)."
        )
    limit = code_limit(settings, user)
    await rate_limits.take([limit], "Too many wrong codes for this account.")
    factor = await _spend(settings, user, code)
    if factor is None:
        raise InvalidCode(WRONG_CODE)
    await rate_limits.give_back([limit])
    return factor


async def begin_enrollment(settings: Settings, user: User) -> Enrollment:
    """A new secret, pending until confirmed; with MFA already on (a new phone) the old
    secret keeps working until the new one is confirmed. The caller has proven the password
    and second factor recently (sudo mode), which is what once asked for a code here."""
    secret = totp.new_secret()
    async with in_transaction():
        await TotpCredential.filter(user_id=user.id, confirmed_at=None).delete()
        await TotpCredential.create(
            user=user, secret_encrypted=totp.encrypt_secret(settings.secret_key, secret)
        )
    uri = totp.provisioning_uri(secret, user.email, settings.issuer)
    svg, data_uri = totp.qr_code(uri)
    return Enrollment(secret=secret, otpauth_uri=uri, qr_code_svg=svg, qr_code_data_uri=data_uri)


async def confirm_enrollment(
    settings: Settings, user: User, code: str, keep_session_id: uuid.UUID | None = None
) -> list[str]:
    """Activate the pending secret once a code proves the app has it; new backup codes.
    Turning MFA on ends every other session: they were opened without the second factor."""
    pending = await TotpCredential.filter(user_id=user.id, confirmed_at=None).first()
    if pending is None:
        raise Conflict("No enrollment is in progress: start one with beginMfaEnrollment.")
    limit = code_limit(settings, user)
    await rate_limits.take([limit], "Too many wrong codes for this account.")
    was_enabled = user.mfa_enabled
    secret = totp.decrypt_secret(settings.secret_keys, pending.secret_encrypted)
    step = totp.matching_step(secret, code, now())
    if step is None:
        raise InvalidCode(
            "That code does not match the new secret: check the app's clock and enter the "
            "code it shows now."
        )
    await rate_limits.give_back([limit])
    codes = totp.new_backup_codes()
    async with in_transaction():
        confirmed = await TotpCredential.filter(id=pending.id, confirmed_at=None).update(
            confirmed_at=now(), last_step=step
        )
        if confirmed != 1:
            raise Conflict("That enrollment was already confirmed or replaced.")
        await TotpCredential.filter(user_id=user.id).exclude(id=pending.id).delete()
        await _replace_backup_codes(settings, user, codes)
        await User.filter(id=user.id).update(mfa_enabled=True, mfa_method=MfaMethod.TOTP)
        await audit.record(AuditKind.MFA_ENABLED, subject_user_id=user.id, method=MfaMethod.TOTP)
        await _after_enabling(user, was_enabled, keep_session_id, "an authenticator app")
    user.mfa_enabled, user.mfa_method = True, MfaMethod.TOTP
    return codes


async def _after_enabling(user: User, was_enabled: bool, keep_session_id, method: str) -> None:
    if not was_enabled:  # sessions opened without the second factor end
        await sessions.end_other_sessions(user.id, keep=keep_session_id)
    await notices.tell(user, f"{method} is now the second factor of your account; new backup codes were made")


async def enable_sms(settings: Settings, user: User, keep_session_id: uuid.UUID | None = None) -> list[str]:
    """Make SMS codes to the verified number the second factor (the weaker choice, which
    NIST SP 800-63B restricts); new backup codes. The caller has proven the password and
    second factor recently (sudo mode)."""
    if not user.phone_number:
        raise Conflict("Verify a phone number first (setPhoneNumber, then verifyPhoneNumber).")
    was_enabled = user.mfa_enabled
    codes = totp.new_backup_codes()
    async with in_transaction():
        await TotpCredential.filter(user_id=user.id).delete()
        await _replace_backup_codes(settings, user, codes)
        await User.filter(id=user.id).update(mfa_enabled=True, mfa_method=MfaMethod.SMS)
        await audit.record(AuditKind.MFA_ENABLED, subject_user_id=user.id, method=MfaMethod.SMS)
        await _after_enabling(user, was_enabled, keep_session_id, "SMS to your phone number")
    user.mfa_enabled, user.mfa_method = True, MfaMethod.SMS
    return codes


async def send_sms_code(settings: Settings, client: Client, user: User) -> None:
    """An SMS code for a signed-in user of SMS MFA, to confirm a change to MFA itself."""
    if not (user.mfa_enabled and user.mfa_method == MfaMethod.SMS and user.phone_number):
        raise Conflict("Your second factor is not SMS: use your authenticator app's code.")
    await rate_limits.limit_messages(settings, client, "sms_mfa", user.phone_number)
    async with in_transaction():
        code = await one_time.issue_code(settings.secret_key, user, Purpose.SMS_MFA, SMS_CODE_LIFETIME)
        await outbox.sms_login_code(user.phone_number, code, 5)


async def _replace_backup_codes(settings: Settings, user: User, codes: list[str]) -> None:
    await BackupCode.filter(user_id=user.id).delete()
    await BackupCode.bulk_create(
        [BackupCode(user_id=user.id, code_hash=totp.hash_backup_code(settings.secret_key, c)) for c in codes]
    )


async def regenerate_backup_codes(settings: Settings, user: User) -> list[str]:
    """New backup codes. The caller proved the password and second factor in the last few
    minutes (sudo mode): asking for another code would only make the user wait for the
    app's next one."""
    if not user.mfa_enabled:
        raise Conflict("Multi-factor authentication is off: turn it on first.")
    codes = totp.new_backup_codes()
    async with in_transaction():
        await _replace_backup_codes(settings, user, codes)
        await audit.record(AuditKind.BACKUP_CODES_REGENERATED, subject_user_id=user.id)
        await notices.tell(user, "new backup codes were made; the old ones no longer work")
    return codes


async def backup_codes_remaining(user: User) -> int:
    return await BackupCode.filter(user_id=user.id, used_at=None).count()


async def disable(settings: Settings, user: User, confirmation: str) -> User:
    """Turn MFA off, once typed out; the caller proved both factors recently (sudo mode)."""
    if confirmation != "DISABLE":
        raise BadUserInput('Type DISABLE to confirm turning multi-factor authentication off.', field="confirmation")
    if not user.mfa_enabled:
        raise Conflict("Multi-factor authentication is already off.")
    if user.mfa_required:
        raise Conflict("This server requires multi-factor authentication of your account: it stays on.")
    enforcing = await enforcing_organizations(user)
    if enforcing:
        names = [organization.name for organization in enforcing]
        raise Conflict(
            f"{', '.join(names)} require{'s' if len(names) == 1 else ''} multi-factor "
            "authentication: leave them, or ask an owner to stop enforcing it, first.",
            organizations=names,
        )
    async with in_transaction():
        await TotpCredential.filter(user_id=user.id).delete()
        await BackupCode.filter(user_id=user.id).delete()
        # Passkeys are second factors too: MFA off means none is left.
        removed = await Passkey.filter(user_id=user.id).delete()
        await User.filter(id=user.id).update(mfa_enabled=False, mfa_method=MfaMethod.TOTP, has_passkey=False)
        await audit.record(AuditKind.MFA_DISABLED, subject_user_id=user.id)
        what = "multi-factor authentication was turned off"
        await notices.tell(user, what + ("; your passkeys were removed too" if removed else ""))
    user.mfa_enabled, user.mfa_method, user.has_passkey = False, MfaMethod.TOTP, False
    return user


async def verify(settings: Settings, client: Client, token: str, code: str) -> accounts.SignedIn:
    """Finish a login with a second factor: a session, once; the attempt is recorded."""
    challenge = await MfaChallenge.get_or_none(
        token_hash=challenges.token_hash(token), used_at=None, expires_at__gt=now()
    ).select_related("user")
    if challenge is None:
        raise InvalidCode("That login has expired or was finished already: log in again.")
    # A try is taken before the code is checked, by one conditional UPDATE, so parallel
    # guesses cannot overshoot the challenge's limit.
    tried = await MfaChallenge.filter(id=challenge.id, failures__lt=CHALLENGE_MAX_FAILURES).update(
        failures=F("failures") + 1
    )
    if tried != 1:
        raise RateLimited("Too many wrong codes for this login: log in again.", retry_after=1)
    user = challenge.user
    method = LoginMethod(challenge.method)
    limit = code_limit(settings, user)
    await rate_limits.take([limit], "Too many wrong codes for this account.")
    # The code is spent on its own (a wrong SMS code's failed try must stay counted); the
    # challenge and the session then go together.
    factor = await _spend(settings, user, code)
    if factor is None:
        if totp.looks_like_backup_code(code):
            guessed = SecondFactor.BACKUP_CODE
        else:
            guessed = SecondFactor.SMS_CODE if user.mfa_method == MfaMethod.SMS else SecondFactor.TOTP
        await accounts.record_attempt(user, client, False, method, guessed)
        raise InvalidCode(WRONG_CODE)
    async with in_transaction():
        if await MfaChallenge.filter(id=challenge.id, used_at=None).update(used_at=now()) != 1:
            raise InvalidCode("That login was finished already: log in again.")
        signed_in = await accounts.sign_in(settings, client, user, method, factor)
    await rate_limits.give_back([limit])
    return signed_in
