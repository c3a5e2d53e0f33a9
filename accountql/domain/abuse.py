"""Abuse reports, grouped into cases: a report joins the open case of the same resource
and reason opened within the window, else opens one. The organization's ABUSE contacts
are told; its members answer; staff resolve."""

from __future__ import annotations

import uuid
from datetime import timedelta

from tortoise.transactions import in_transaction

from accountql import audit
from accountql.auth import rate_limits
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import contacts
from accountql.domain.organizations import lock_organization
from accountql.errors import BadUserInput, Conflict, NotFound
from accountql.models import (
    AbuseCase,
    AbuseReason,
    AbuseReport,
    AuditKind,
    ContactRole,
    Organization,
    User,
)

MAX_DETAILS = 2000


def _text(value: str, field: str, max_length: int = 5000) -> str:
    value = value.strip()
    if not value:
        raise BadUserInput(f"{field} is empty: say what happened.", field=field)
    if len(value) > max_length:
        raise BadUserInput(f"{field} is longer than {max_length} characters.", field=field)
    return value


async def report(
    settings: Settings,
    reporter: User,
    organization_id: uuid.UUID,
    resource_kind: str,
    resource_id: str,
    reason: AbuseReason,
    details: str,
) -> AbuseCase:
    resource_kind = _text(resource_kind, "resourceKind", 50)
    resource_id = _text(resource_id, "resourceId", 100)
    details = _text(details, "details", MAX_DETAILS)
    if not await Organization.exists(id=organization_id):
        raise NotFound("No organization with that id exists.")
    # Each report costs the organization attention (and once a case, an e-mail): so many
    # per reporter and per reported organization an hour, aliases or not. The reporter's
    # limit comes first, so that one account's refused reports do not use up the
    # organization's and silence honest reporters.
    await rate_limits.take(
        [rate_limits.Limit(f"abuse:reporter:{reporter.id}", settings.abuse_reports_per_reporter, 3600)],
        "You sent too many abuse reports.",
    )
    await rate_limits.take(
        [rate_limits.Limit(f"abuse:organization:{organization_id}", settings.abuse_reports_per_organization, 3600)],
        "Too many abuse reports were sent about this organization.",
    )
    opened_since = now() - timedelta(days=settings.abuse_case_window_days)
    async with in_transaction():
        # Under the organization's lock: two reports at once join one case.
        await lock_organization(organization_id)
        case = await AbuseCase.filter(
            organization_id=organization_id,
            resource_kind=resource_kind,
            resource_id=resource_id,
            reason=reason,
            resolved_at=None,
            created_at__gte=opened_since,
        ).order_by("-created_at").first()
        opened = case is None
        if opened:
            case = await AbuseCase.create(
                organization_id=organization_id, resource_kind=resource_kind, resource_id=resource_id, reason=reason
            )
        await AbuseReport.create(case=case, reporter=reporter, details=details)
        await audit.record(
            AuditKind.ABUSE_REPORTED, organization_id=organization_id, case=case.id, reason=reason, new_case=opened
        )
        if opened:  # once per case: later reports join it without another e-mail
            await contacts.notify(
                organization_id,
                ContactRole.ABUSE,
                "abuse_report",
                f"Abuse reported: {reason.value} on {resource_kind} {resource_id}",
                f"Someone reported {resource_kind} {resource_id} for {reason.value}:\n\n{details}\n\n"
                "Look into it and answer the case in your organization's abuse cases; later "
                "reports of the same resource and reason join the case without another e-mail.",
            )
    return case


async def answer(case_id: uuid.UUID, text: str) -> AbuseCase:
    text = _text(text, "answer")
    async with in_transaction():
        case = await _case(case_id)
        if case.resolved_at is not None:
            raise Conflict("This case is resolved already.")
        case.answer, case.answered_at = text, now()
        await case.save(update_fields=["answer", "answered_at"])
        await audit.record(AuditKind.ABUSE_CASE_ANSWERED, organization_id=case.organization_id, case=case.id)
    return case


async def resolve(case_id: uuid.UUID, resolution: str) -> AbuseCase:
    """Staff only."""
    resolution = _text(resolution, "resolution")
    async with in_transaction():
        case = await _case(case_id)
        if await AbuseCase.filter(id=case_id, resolved_at=None).update(resolved_at=now(), resolution=resolution) != 1:
            raise Conflict("This case is resolved already.")
        case = await _case(case_id)
        await audit.record(AuditKind.ABUSE_CASE_RESOLVED, organization_id=case.organization_id, case=case.id)
    return case


async def _case(case_id: uuid.UUID) -> AbuseCase:
    case = await AbuseCase.get_or_none(id=case_id)
    if case is None:
        raise NotFound("No abuse case with that id exists.")
    return case


def open_cases():
    """Every unresolved case (for staff; a query: the caller pages it)."""
    return AbuseCase.filter(resolved_at=None)


def cases_of(organization_id: uuid.UUID):
    return AbuseCase.filter(organization_id=organization_id)


def reports_of(case_id: uuid.UUID):
    return AbuseReport.filter(case_id=case_id)
