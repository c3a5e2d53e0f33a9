"""The security audit log: one function appends an event, with the actor and the client
of the request it happens in.

The request binds its scope once (client, and the actor once authenticated); domain
functions then record events without passing the request around, and code run outside
a request (the command line) records with no actor unless it names one."""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from dataclasses import dataclass

from accountql.auth.sessions import Client
from accountql.models import AuditEvent, AuditKind


@dataclass
class Scope:
    client: Client
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    support: bool = False  # acting under a support grant


_scope: ContextVar[Scope | None] = ContextVar("audit_scope", default=None)


def bind(client: Client) -> Scope:
    """Start the scope of one request; the returned object is filled in as the caller
    authenticates (it is shared by every task the request runs)."""
    scope = Scope(client=client)
    _scope.set(scope)
    return scope


def current_client() -> Client:
    """The client of the request this runs in (nobody's outside a request)."""
    scope = _scope.get()
    return scope.client if scope else Client(None, None)


async def record(
    kind: AuditKind,
    *,
    organization_id: uuid.UUID | None = None,
    subject_user_id: uuid.UUID | None = None,
    actor_user_id: uuid.UUID | None = None,
    **details: object,
) -> None:
    scope = _scope.get()
    client = scope.client if scope else Client(None, None)
    await AuditEvent.create(
        kind=kind.value,
        actor_user_id=actor_user_id or (scope.user_id if scope else None),
        actor_api_key_id=scope.api_key_id if scope else None,
        subject_user_id=subject_user_id,
        organization_id=organization_id,
        ip_address=client.ip_address,
        user_agent=(client.user_agent or "")[:512] or None,
        details={key: plain(value) for key, value in details.items()},
        support=bool(scope and scope.support),
    )


def plain(value: object) -> object:
    if isinstance(value, uuid.UUID):
        return str(value)
    if hasattr(value, "value"):  # an enum
        return value.value
    return value
