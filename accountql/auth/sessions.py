"""Sessions: a row per sign-in, named by the JWT and checked on every request."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from accountql import events
from accountql.auth import keyring, tokens
from accountql.clock import now
from accountql.errors import Unauthenticated
from accountql.models import Session, User

SESSION_LIFETIME = timedelta(hours=1)
# last_seen_at is written at most this often, not on every request.
LAST_SEEN_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Client:
    """Who is at the other end of the request, as far as the server can tell."""

    ip_address: str | None
    user_agent: str | None


async def start_session(
    user: User, client: Client, secret_key: str, password_proven: bool = False, phishing_resistant: bool = False
) -> tuple[str, Session]:
    """Create the session row and its token. Call inside the caller's transaction. A
    sign-in that proved the password starts with a fresh proof for sensitive changes; one
    with a passkey is marked phishing-resistant."""
    started = now()
    session = await Session.create(
        user=user,
        created_at=started,
        last_seen_at=started,
        reauthenticated_at=started if password_proven else None,
        expires_at=started + SESSION_LIFETIME,
        ip_address=client.ip_address,
        user_agent=(client.user_agent or "")[:512] or None,
        phishing_resistant=phishing_resistant,
    )
    token = tokens.issue(
        secret_key, tokens.SESSION, user.id, session.expires_at, sid=str(session.id)
    )
    return token, session


EXPIRED = "Your session has expired or was ended: log in again."


async def authenticate(keys: keyring.Keys, token: str) -> Session:
    """The live session a token names (with its user loaded), or UNAUTHENTICATED; the token
    may be signed by any of the keys."""
    try:
        claims = tokens.decode(keys, token, tokens.SESSION, required=("sid",))
        session_id = uuid.UUID(claims["sid"])
        user_id = uuid.UUID(claims["sub"])
    except (tokens.InvalidToken, ValueError):
        raise Unauthenticated(
            "The token is not valid: log in again to get a new one."
        ) from None
    current = now()
    session = (
        await Session.filter(id=session_id, revoked_at=None, expires_at__gt=current)
        .select_related("user")
        .first()
    )
    # A deleted account's sessions are ended with it; the check guards a token in flight.
    if session is None or session.user_id != user_id or session.user.deleted_at is not None:
        raise Unauthenticated(EXPIRED)
    if current - session.last_seen_at >= LAST_SEEN_RESOLUTION:
        session.last_seen_at = current
        await Session.filter(id=session.id).update(last_seen_at=current)
    return session


async def is_live(session_id: uuid.UUID) -> bool:
    """Whether the session is neither revoked nor expired, as the database has it now."""
    return await Session.filter(id=session_id, revoked_at=None, expires_at__gt=now()).exists()


def active_sessions(user_id: uuid.UUID):
    """The user's live sessions (a query: the caller pages it)."""
    return Session.filter(user_id=user_id, revoked_at=None, expires_at__gt=now())


async def end_session(session: Session) -> None:
    """Log out: the session ends, and its live subscribers are told (securityEvents)."""
    if await Session.filter(id=session.id, revoked_at=None).update(revoked_at=now()):
        await events.session_revoked(session.user_id, [session.id])


async def revoke_own_session(user_id: uuid.UUID, session_id: uuid.UUID) -> bool:
    """End one of the user's own sessions; False when the user has no such live session."""
    ended = await Session.filter(id=session_id, user_id=user_id, revoked_at=None).update(
        revoked_at=now()
    )
    if ended == 1:
        await events.session_revoked(user_id, [session_id])
    return ended == 1


async def end_other_sessions(user_id: uuid.UUID, keep: uuid.UUID | None) -> int:
    """End every session of the user but `keep` (all when None), telling their subscribers."""
    query = Session.filter(user_id=user_id, revoked_at=None)
    if keep is not None:
        query = query.exclude(id=keep)
    ended = await query.update(revoked_at=now())
    if ended:
        await events.session_revoked(user_id, all_but=keep, everyone=keep is None)
    return ended
