"""MFA challenges: the half-finished login between a right first factor and the second.

With SMS as the second factor, the code is sent when the challenge starts.

The client holds a random token; the database holds only its hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from accountql import outbox
from accountql.auth import one_time, rate_limits
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.models import (
    BackupCode,
    LoginMethod,
    MfaChallenge,
    MfaMethod,
    Purpose,
    SecondFactor,
    TotpCredential,
    User,
)

CHALLENGE_LIFETIME = timedelta(minutes=5)
SMS_CODE_LIFETIME = timedelta(minutes=5)


@dataclass(frozen=True)
class PendingMfa:
    challenge: str
    expires_at: datetime
    methods: tuple[SecondFactor, ...] = ()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start_challenge(settings, user: User, client: Client, method: LoginMethod) -> PendingMfa:
    """The challenge for a user whose first factor is proven; with SMS as the user's
    method, the code goes out by SMS along with it (so many an hour)."""
    if user.mfa_method == MfaMethod.SMS and user.phone_number:
        await rate_limits.limit_messages(settings, client, "sms_mfa", user.phone_number)
        code = await one_time.issue_code(settings.secret_key, user, Purpose.SMS_MFA, SMS_CODE_LIFETIME)
        await outbox.sms_login_code(user.phone_number, code, 5)
    token = secrets.token_urlsafe(32)
    expires_at = now() + CHALLENGE_LIFETIME
    await MfaChallenge.create(
        user=user,
        token_hash=token_hash(token),
        expires_at=expires_at,
        method=method.value,
        ip_address=client.ip_address,
        user_agent=(client.user_agent or "")[:512] or None,
    )
    return PendingMfa(challenge=token, expires_at=expires_at, methods=await available_factors(user))


async def available_factors(user: User) -> tuple[SecondFactor, ...]:
    """What can answer the user's challenge, so that a front end offers only those."""
    found = []
    if user.mfa_method == MfaMethod.SMS and user.phone_number:
        found.append(SecondFactor.SMS_CODE)
    elif await TotpCredential.filter(user_id=user.id, confirmed_at__isnull=False).exists():
        found.append(SecondFactor.TOTP)
    if user.has_passkey:
        found.append(SecondFactor.PASSKEY)
    if await BackupCode.filter(user_id=user.id, used_at=None).exists():
        found.append(SecondFactor.BACKUP_CODE)
    return tuple(found)
