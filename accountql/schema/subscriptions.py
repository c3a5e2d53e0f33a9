"""Live security events over WebSocket (graphql-transport-ws at /graphql): a signed-in
client learns the moment its session is revoked or expires, its password changes, or an
organization it belongs to begins to enforce MFA."""

from __future__ import annotations

import asyncio
import enum
from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry

from accountql import events
from accountql.auth import sessions
from accountql.clock import now
from accountql.models import Membership
from accountql.schema.permissions import guard

# While waiting for events, the session's end is checked at least this often (seconds).
EXPIRY_CHECK = 1.0


@strawberry.enum(description="What happened to the signed-in session or its account.")
class SecurityEventKind(enum.Enum):
    SESSION_REVOKED = strawberry.enum_value("SESSION_REVOKED", description="This session was ended (logOut, revokeSession, a password change or reset elsewhere, …); the socket closes.")
    SESSION_EXPIRED = strawberry.enum_value("SESSION_EXPIRED", description="This session reached its end (one hour from sign-in); the socket closes.")
    PASSWORD_CHANGED = strawberry.enum_value("PASSWORD_CHANGED", description="The account's password was changed or reset.")
    MFA_ENFORCED = strawberry.enum_value("MFA_ENFORCED", description="An organization of the user began to require MFA (see organizationId).")


@strawberry.type(description="Something that happened to the signed-in session or its account.")
class SecurityEvent:
    kind: SecurityEventKind = strawberry.field(description="What happened.")
    at: datetime = strawberry.field(description="When it happened.")
    organization_id: strawberry.ID | None = strawberry.field(description="For MFA_ENFORCED: the organization.")


def _shaped(event: events.SecurityEvent) -> SecurityEvent:
    organization = strawberry.ID(event.organization_id) if event.organization_id else None
    return SecurityEvent(kind=SecurityEventKind(event.kind), at=event.moment, organization_id=organization)


async def _concerns(event: events.SecurityEvent, session) -> bool:
    if event.kind == "SESSION_REVOKED":
        return event.ends(session.user_id, session.id)
    if event.kind == "PASSWORD_CHANGED":
        return event.user_id == str(session.user_id)
    if event.kind == "MFA_ENFORCED":
        return await Membership.exists(user_id=session.user_id, organization_id=event.organization_id)
    return False


@strawberry.type(description="What can be followed live, over WebSocket (graphql-transport-ws).")
class Subscription:
    @strawberry.subscription(
        description="Security events of the signed-in session, as they happen; it ends, and the socket "
        "closes, when the session does. Signed-in users (a bearer token in connection_init, or "
        "the session cookie).",
        extensions=guard(mfa_exempt=True),
    )
    async def security_events(self, info: strawberry.Info) -> AsyncGenerator[SecurityEvent, None]:
        context = info.context
        context.forget_session()
        context.forget_memberships()
        session = await context.session()
        async with events.bus.listening() as queue:
            while True:
                left = (session.expires_at - now()).total_seconds()
                if left <= 0:
                    yield SecurityEvent(kind=SecurityEventKind.SESSION_EXPIRED, at=session.expires_at, organization_id=None)
                    break
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=min(left, EXPIRY_CHECK))
                except TimeoutError:
                    continue
                if event.kind == events.RESYNC and not await sessions.is_live(session.id):
                    # Events were missed: the session ended meanwhile.
                    yield SecurityEvent(kind=SecurityEventKind.SESSION_REVOKED, at=now(), organization_id=None)
                    break
                if await _concerns(event, session):
                    yield _shaped(event)
                    if event.kind == "SESSION_REVOKED":
                        break
        # The socket's watcher (web/websockets.py) closes it now that the session is over.
