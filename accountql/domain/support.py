"""Support access: an OWNER lets platform staff act in the organization as a MANAGER, for
a reason and at most 24 hours. Outside an active grant, staff are outsiders (NOT_FOUND)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from accountql import audit
from accountql.clock import now
from accountql.errors import BadUserInput, NotFound
from accountql.models import (
    AuditKind,
    Membership,
    Organization,
    Role,
    Session,
    SupportGrant,
    SupportReason,
    User,
)

MAX_HOURS = 24


async def grant(owner: User, organization_id: uuid.UUID, reason: SupportReason, hours: int) -> SupportGrant:
    if not 1 <= hours <= MAX_HOURS:
        raise BadUserInput(f"hours must be between 1 and {MAX_HOURS}.", field="hours")
    async with in_transaction():
        row = await SupportGrant.create(
            organization_id=organization_id,
            granted_by=owner,
            reason=reason,
            expires_at=now() + timedelta(hours=hours),
        )
        await audit.record(
            AuditKind.SUPPORT_ACCESS_GRANTED, organization_id=organization_id, reason=reason, hours=hours
        )
    return row


async def revoke(grant_id: uuid.UUID) -> SupportGrant:
    async with in_transaction():
        if await SupportGrant.filter(id=grant_id, revoked_at=None).update(revoked_at=now()):
            row = await SupportGrant.get(id=grant_id)
            await audit.record(AuditKind.SUPPORT_ACCESS_REVOKED, organization_id=row.organization_id)
        row = await SupportGrant.get_or_none(id=grant_id)
    if row is None:
        raise NotFound("No support grant with that id exists.")
    return row


def _active(organization_id: uuid.UUID):
    return SupportGrant.filter(
        Q(revoked_at=None), organization_id=organization_id, expires_at__gt=now()
    )


def of_organization(organization_id: uuid.UUID):
    """The organization's support grants (a query: the caller pages it)."""
    return SupportGrant.filter(organization_id=organization_id)


async def support_membership(user: User, session: Session, organization_id: uuid.UUID) -> Membership | None:
    """For staff with an active grant: a MANAGER membership that exists only for this
    request (never saved); the session is marked as used for support."""
    if not user.is_staff or not await _active(organization_id).exists():
        return None
    organization = await Organization.get_or_none(id=organization_id)
    if organization is None:
        return None
    if not session.support:
        await Session.filter(id=session.id).update(support=True)
        session.support = True
    membership = Membership(user=user, organization=organization, role=Role.MANAGER)
    membership.via_support = True  # not saved: it lives as long as this request
    return membership
