"""Quotas per product and resource, and support plans.

A reservation is one conditional UPDATE (`used + n <= limit`) whose row count decides, so
concurrent reservations never exceed the limit, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from accountql import audit
from accountql.config import Settings
from accountql.domain import kyc
from accountql.domain.organizations import lock_organization
from accountql.errors import BadUserInput, Conflict, NotFound, QuotaExceeded
from accountql.models import AuditKind, KycStatus, Organization, Quota, SupportPlan

RESPONSE_MINUTES = {
    SupportPlan.BASIC: 24 * 60,
    SupportPlan.SILVER: 4 * 60,
    SupportPlan.GOLD: 60,
    SupportPlan.PLATINUM: 15,
}


@dataclass(frozen=True)
class QuotaView:
    product: str
    resource: str
    limit: int
    used: int


def _defaults(settings: Settings) -> dict[tuple[str, str], int]:
    return {(product, resource): limit for product, resource, limit in settings.default_quotas}


async def of_organization(settings: Settings, organization_id: uuid.UUID) -> list[QuotaView]:
    """Every configured quota and every override, with usage; unused ones at zero."""
    rows = {(q.product, q.resource): q for q in await Quota.filter(organization_id=organization_id)}
    views = {
        key: QuotaView(key[0], key[1], limit, 0) for key, limit in _defaults(settings).items()
    }
    for key, row in rows.items():
        views[key] = QuotaView(row.product, row.resource, row.quota_limit, row.used)
    return [views[key] for key in sorted(views)]


async def _row(settings: Settings, organization_id: uuid.UUID, product: str, resource: str) -> Quota:
    row = await Quota.get_or_none(organization_id=organization_id, product=product, resource=resource)
    default = _defaults(settings).get((product, resource))
    if row is not None:
        if row.limit_override is None and default is not None and row.quota_limit != default:
            # No override: the configured default applies, also after it changed.
            await Quota.filter(id=row.id, limit_override=None).update(quota_limit=default)
            row = await Quota.get(id=row.id)
        return row
    limit = default
    if limit is None:
        raise NotFound(f"No quota is defined for {product}/{resource}.", field="resource")
    try:
        return await Quota.create(
            organization_id=organization_id, product=product, resource=resource, quota_limit=limit
        )
    except IntegrityError:  # created by a concurrent reservation
        return await Quota.get(organization_id=organization_id, product=product, resource=resource)


def _amount(amount: int) -> int:
    if amount < 1:
        raise BadUserInput("amount must be 1 or more.", field="amount")
    return amount


async def reserve(settings: Settings, organization_id: uuid.UUID, product: str, resource: str, amount: int) -> QuotaView:
    amount = _amount(amount)
    row = await _row(settings, organization_id, product, resource)
    taken = await Quota.filter(id=row.id, used__lte=F("quota_limit") - amount).update(used=F("used") + amount)
    row = await Quota.get(id=row.id)
    if taken != 1:
        raise QuotaExceeded(
            f"The {product}/{resource} quota is used up ({row.used} of {row.quota_limit}): release "
            "some, or ask support for a higher limit.",
            limit=row.quota_limit,
            used=row.used,
        )
    return QuotaView(row.product, row.resource, row.quota_limit, row.used)


async def release(settings: Settings, organization_id: uuid.UUID, product: str, resource: str, amount: int) -> QuotaView:
    amount = _amount(amount)
    row = await _row(settings, organization_id, product, resource)
    released = await Quota.filter(id=row.id, used__gte=amount).update(used=F("used") - amount)
    row = await Quota.get(id=row.id)
    if released != 1:
        raise BadUserInput(f"Only {row.used} of {product}/{resource} are in use.", field="amount")
    return QuotaView(row.product, row.resource, row.quota_limit, row.used)


async def set_limit(settings: Settings, organization_id: uuid.UUID, product: str, resource: str, limit: int) -> QuotaView:
    """Staff only: an override for one organization."""
    if limit < 0:
        raise BadUserInput("limit must be 0 or more.", field="limit")
    if not await Organization.exists(id=organization_id):
        raise NotFound("No organization with that id exists.")
    default = _defaults(settings).get((product, resource), 0)
    if (
        settings.kyc_required_for_quota_increase
        and limit > default
        and await kyc.status_of(organization_id) != KycStatus.APPROVED
    ):
        raise Conflict("This organization's identity is not verified yet: quotas above the default wait for KYC.")
    async with in_transaction():
        await lock_organization(organization_id)
        row = await Quota.get_or_none(organization_id=organization_id, product=product, resource=resource)
        if row is None:
            try:
                async with in_transaction():  # a savepoint: a concurrent first reservation may win
                    row = await Quota.create(
                        organization_id=organization_id, product=product, resource=resource,
                        quota_limit=limit, limit_override=limit,
                    )
            except IntegrityError:
                row = await Quota.get(organization_id=organization_id, product=product, resource=resource)
        await Quota.filter(id=row.id).update(quota_limit=limit, limit_override=limit)
        row = await Quota.get(id=row.id)
        await audit.record(
            AuditKind.QUOTA_LIMIT_SET, organization_id=organization_id, product=product, resource=resource, limit=limit
        )
    return QuotaView(row.product, row.resource, row.quota_limit, row.used)


async def change_plan(organization_id: uuid.UUID, plan: SupportPlan) -> Organization:
    async with in_transaction():
        organization = await Organization.get(id=organization_id)
        previous = organization.support_plan
        organization.support_plan = plan.value
        await organization.save(update_fields=["support_plan"])
        await audit.record(AuditKind.SUPPORT_PLAN_CHANGED, organization_id=organization_id, previous=previous, plan=plan)
    return organization
