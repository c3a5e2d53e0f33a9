"""Proving an e-mail address: every address starts unverified, and a link sent to it
verifies it once followed. Only verified addresses accept invitations, become contacts
and receive notices, so nobody can claim an address they do not control.

Whoever proves an unverified address for the first time by a password-reset or magic link
is its owner; whatever the account's earlier holder set up (second factors, a phone number,
sessions) was set up by someone who never proved it, and goes."""

from __future__ import annotations

import secrets
from datetime import timedelta

from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import one_time, passwords, rate_limits, sessions
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.errors import Conflict, InvalidCode
from accountql.models import (
    ApiKey,
    AuditKind,
    BackupCode,
    Contact,
    MfaMethod,
    Passkey,
    PasskeyChallenge,
    Purpose,
    SshKey,
    TotpCredential,
    User,
)

LINK_LIFETIME = timedelta(hours=24)
NOT_VERIFIED = (
    "Your e-mail address is not verified yet: follow the link we sent to it, or ask for a "
    "new one with resendVerificationEmail."
)


async def send_link(settings: Settings, user: User) -> None:
    """Queue a verification link to the user's current address. Call in a transaction."""
    token = await one_time.issue_link_token(
        settings.secret_key, user, Purpose.EMAIL_VERIFICATION, LINK_LIFETIME, payload=user.email
    )
    await outbox.verification_link(
        user.email, f"{settings.app_url}/verify-email#token={token}", int(LINK_LIFETIME.total_seconds() // 3600)
    )


async def resend(settings: Settings, client: Client, user: User) -> None:
    if user.email_verified:
        raise Conflict("Your e-mail address is verified already.")
    await rate_limits.limit_messages(settings, client, "email_verification", user.email)
    async with in_transaction():
        await send_link(settings, user)


async def verify(settings: Settings, signed_in: User, token: str) -> User:
    """Follow a verification link, signed in as the account it is for: the address it was
    sent to becomes verified, if it is still the account's.

    The link alone is not enough (GitHub asks for the sign-in too): a squatter who signed up
    with a stranger's address would otherwise have the stranger verify the squatter's
    account by clicking the mail it sent them."""
    async with in_transaction():
        row = await one_time.peek_link_token(settings.secret_keys, Purpose.EMAIL_VERIFICATION, token)
        if row.user_id != signed_in.id:
            raise InvalidCode(
                "That link is for another account: sign in to the account it was sent for, then "
                "open it again."
            )
        row = await one_time.redeem_link_token(settings.secret_keys, Purpose.EMAIL_VERIFICATION, token)
        user = row.user
        if row.payload != user.email:
            raise InvalidCode("That link was sent to an address the account no longer has: ask for a new one.")
        await mark_verified(user)
    return user


async def mark_verified(user: User) -> bool:
    """Record that the user's address is proven; True if it was not before. Contacts that
    are this address need no confirmation of their own any more. Call in a transaction."""
    if user.email_verified:
        return False
    verified_at = now()
    await User.filter(id=user.id).update(email_verified=True, email_verified_at=verified_at)
    user.email_verified, user.email_verified_at = True, verified_at
    await Contact.filter(email=user.email, confirmed_at=None).update(
        confirmed_at=verified_at, confirmation_hash=None
    )
    await audit.record(AuditKind.EMAIL_VERIFIED, subject_user_id=user.id, email=user.email)
    return True


async def claim(user: User) -> bool:
    """The address was just proven by a reset or magic link. If it was unverified, the one
    who proved it takes the account over: whatever the earlier holder set up goes (the
    password, second factors, phone number, SSH keys, API keys, links and codes in flight,
    every session). True when it did. Call in a transaction."""
    if not await mark_verified(user):
        return False
    # A password nobody knows: whoever chose the old one may not be the address's owner.
    unusable = await passwords.hash_password(secrets.token_urlsafe(32))
    await User.filter(id=user.id).update(
        password_hash=unusable, password_changed_at=now(),
        mfa_enabled=False, mfa_method=MfaMethod.TOTP, phone_number=None, phone_verified_at=None,
    )
    user.password_hash, user.mfa_enabled, user.mfa_method, user.phone_number = unusable, False, MfaMethod.TOTP, None
    await TotpCredential.filter(user_id=user.id).delete()
    await BackupCode.filter(user_id=user.id).delete()
    await Passkey.filter(user_id=user.id).delete()
    await PasskeyChallenge.filter(user_id=user.id).delete()  # ceremonies the earlier holder began
    await User.filter(id=user.id).update(has_passkey=False)
    user.has_passkey = False
    await SshKey.filter(user_id=user.id).delete()
    await ApiKey.filter(created_by_id=user.id, revoked_at=None).update(revoked_at=now())
    await one_time.void_all(user.id, *Purpose)
    await sessions.end_other_sessions(user.id, keep=None)
    return True


CLAIMED = (
    "your e-mail address was proven by a link sent to it, so what was set up on the account "
    "before (the password, second factors, phone number, SSH and API keys) was removed and "
    "every session ended"
)
