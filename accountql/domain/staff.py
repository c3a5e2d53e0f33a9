"""What platform staff do from the command line, never through the API: grant or revoke
the staff flag, and recover an account whose owner lost both MFA device and backup codes,
or no longer reaches its e-mail address, once their identity was checked by hand.

Every action ends the account's sessions where it changes a way in, is audited with its
reason, and is told to the user at every address the account has."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import one_time, sessions
from accountql.config import Settings
from accountql.domain import contacts, verification
from accountql.domain.accounts import normalize_email
from accountql.errors import BadUserInput, Conflict, NotFound
from accountql.models import (
    AuditKind,
    BackupCode,
    MfaMethod,
    Passkey,
    Purpose,
    TotpCredential,
    User,
)


async def _user(email: str) -> User:
    user = await User.get_or_none(email=normalize_email(email))
    if user is None:
        raise NotFound(f"No account has the address {email}.")
    return user


def _reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) < 10:
        raise BadUserInput("Say why, in a sentence (10 characters or more): it goes into the audit log.", field="reason")
    return reason


async def set_staff(email: str, staff: bool) -> User:
    async with in_transaction():
        user = await _user(email)
        await User.filter(id=user.id).update(is_staff=staff)
        await audit.record(AuditKind.STAFF_GRANTED if staff else AuditKind.STAFF_REVOKED, subject_user_id=user.id)
    user.is_staff = staff
    return user


async def _tell(user: User, subject: str, body: str, also: list[str] = ()) -> None:
    for address in dict.fromkeys([user.email, *also]):
        await outbox.send_email(address, "staff_recovery", subject, body)
    if user.phone_number:
        await outbox.send_sms(user.phone_number, "staff_recovery", f"{subject}. If this was not you, contact support.")


async def reset_mfa(email: str, reason: str) -> User:
    reason = _reason(reason)
    async with in_transaction():
        user = await _user(email)
        await TotpCredential.filter(user_id=user.id).delete()
        await BackupCode.filter(user_id=user.id).delete()
        await Passkey.filter(user_id=user.id).delete()
        await User.filter(id=user.id).update(mfa_enabled=False, mfa_method=MfaMethod.TOTP, has_passkey=False)
        await sessions.end_other_sessions(user.id, keep=None)
        await audit.record(AuditKind.MFA_RESET_BY_STAFF, subject_user_id=user.id, reason=reason)
        await _tell(
            user,
            "Multi-factor authentication was turned off on your account",
            "Support turned off multi-factor authentication on your account after checking "
            f"your identity ({reason}). Every session was ended. Log in and turn it on again. "
            "If you did not ask for this, contact support at once.",
        )
    return user


async def change_email(settings: Settings, old: str, new: str, reason: str) -> User:
    """Move an account to a new address after an identity check. Staff checked who the
    person is, not that they read the new mailbox: the address starts unverified and gets
    a link, links sent to the old one stop working, and contacts follow it."""
    reason = _reason(reason)
    new = normalize_email(new, field="new")
    async with in_transaction():
        user = await _user(old)
        if await User.exists(email=new):
            raise Conflict(f"Another account has the address {new} already.")
        old_address = user.email
        await User.filter(id=user.id).update(email=new, email_verified=False, email_verified_at=None)
        user.email, user.email_verified = new, False
        await sessions.end_other_sessions(user.id, keep=None)
        await one_time.void_all(user.id, *Purpose)
        await contacts.follow_email_change(user, old_address, proven=False)
        await verification.send_link(settings, user)
        await audit.record(
            AuditKind.EMAIL_CHANGED_BY_STAFF, subject_user_id=user.id, old=old_address, new=new, reason=reason
        )
        await _tell(
            user,
            "Your account's e-mail address was changed by support",
            f"Support changed your account's address from {old_address} to {new} after checking "
            f"your identity ({reason}). Every session was ended. If you did not ask for this, "
            "contact support at once.",
            also=[old_address],
        )
    return user
