"""The security audit log's events."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from accountql import models
from accountql.domain import audit_log
from accountql.models import AuditKind as AuditKindRow
from accountql.schema.enums import AuditKind
from accountql.schema.pagination import Connection, Order, paginate
from accountql.schema.types.account import User


async def _api_key_prefix(root: AuditEvent, info: strawberry.Info) -> str | None:
    if root.row.actor_api_key_id is None:
        return None
    key = await info.context.loaders.api_key.load(root.row.actor_api_key_id)
    return key.prefix if key else None


@strawberry.type(description="A security-relevant event: who did what, when, from where.")
class AuditEvent:
    id: strawberry.ID = strawberry.field(description="The event's id.")
    kind: AuditKind = strawberry.field(description="What happened.")
    at: datetime = strawberry.field(description="When it happened.")
    ip_address: str | None = strawberry.field(
        description="The client address of who acted (hidden in your own log when someone else acted on you)."
    )
    user_agent: str | None = strawberry.field(description="The browser or client of who acted (hidden likewise).")
    details: JSON = strawberry.field(description="What the kind records: names, roles, reasons; never secrets.")
    organization_id: strawberry.ID | None = strawberry.field(description="The organization it happened in, if any.")
    actor_api_key_prefix: str | None = strawberry.field(
        resolver=_api_key_prefix, description="When an API key acted: its visible prefix."
    )
    support: bool = strawberry.field(description="Done by platform staff under a support grant.")
    row: strawberry.Private[models.AuditEvent]

    @classmethod
    def of(cls, row: models.AuditEvent, show_client: bool = True) -> AuditEvent:
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=AuditKind(row.kind),
            at=row.at,
            ip_address=row.ip_address if show_client else None,
            user_agent=row.user_agent if show_client else None,
            details=row.details,
            organization_id=strawberry.ID(str(row.organization_id)) if row.organization_id else None,
            support=row.support,
            row=row,
        )

    @strawberry.field(description="Who acted, when a signed-in user did.")
    async def actor(self, info: strawberry.Info) -> User | None:
        return _user(await info.context.loaders.user_or_none(self.row.actor_user_id))

    @strawberry.field(description="The account the event is about, if any.")
    async def subject(self, info: strawberry.Info) -> User | None:
        return _user(await info.context.loaders.user_or_none(self.row.subject_user_id))


def _user(row: models.User | None) -> User | None:
    return User.of(row) if row else None


async def audit_page(
    info, query, first, after, last, before, kinds, since, until, viewer_id: uuid.UUID | None = None
) -> Connection[AuditEvent]:
    """A page of events, newest first. For a user's own log (viewer_id), the address and
    browser of someone else who acted on them (an owner removing them) stay hidden."""

    def node(row: models.AuditEvent) -> AuditEvent:
        mine = row.actor_user_id in (viewer_id, None) and row.actor_api_key_id is None
        return AuditEvent.of(row, show_client=viewer_id is None or mine)

    query = audit_log.filtered(
        query, [AuditKindRow(kind.value) for kind in kinds] if kinds else None, since, until
    )
    return await paginate(
        query, node, info.context.settings.max_page_size,
        first=first, after=after, last=last, before=before, order=Order(time_field="at", newest_first=True),
    )
