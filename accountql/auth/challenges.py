"""MFA challenges: the half-finished login between a right first factor and the second.

The client holds a random token; the database holds only its hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.models import LoginMethod, MfaChallenge, User

CHALLENGE_LIFETIME = timedelta(minutes=5)


@dataclass(frozen=True)
class PendingMfa:
    challenge: str
    expires_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start_challenge(user: User, client: Client, method: LoginMethod) -> PendingMfa:
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
    return PendingMfa(challenge=token, expires_at=expires_at)
