"""Reading the audit log (accountql.audit writes it)."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from accountql.errors import BadUserInput
from accountql.models import AuditEvent, AuditKind


def of_organization(organization_id: uuid.UUID) -> QuerySet:
    return AuditEvent.filter(organization_id=organization_id)


def of_user(user_id: uuid.UUID | None) -> QuerySet:
    """Events the user did or that are about the user; none for no user."""
    if user_id is None:
        return AuditEvent.filter(id=None)
    return AuditEvent.filter(Q(actor_user_id=user_id) | Q(subject_user_id=user_id))


def filtered(
    query: QuerySet, kinds: list[AuditKind] | None, since: datetime | None, until: datetime | None
) -> QuerySet:
    for name, moment in (("since", since), ("until", until)):
        if moment is not None and moment.tzinfo is None:
            raise BadUserInput(f"{name} needs a time zone, e.g. 2027-01-01T00:00:00Z.", field=name)
    if since and until and since > until:
        raise BadUserInput("since is later than until: swap them.", field="since")
    if kinds:
        query = query.filter(kind__in=[kind.value for kind in kinds])
    if since:
        query = query.filter(at__gte=since)
    if until:
        query = query.filter(at__lt=until)
    return query
