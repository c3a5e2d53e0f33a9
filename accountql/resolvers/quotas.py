import strawberry

from accountql.domain import quotas
from accountql.models import SupportPlan as PlanRow
from accountql.schema.inputs import (
    ChangeSupportPlanInput,
    ReleaseQuotaInput,
    ReserveQuotaInput,
    SetQuotaLimitInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import Organization, Quota


async def reserve_quota(info: strawberry.Info, input: ReserveQuotaInput) -> Quota:
    view = await quotas.reserve(
        info.context.settings, parse_id(input.organization_id, "input.organizationId"),
        input.product, input.resource, input.amount,
    )
    return Quota.of(view)


async def release_quota(info: strawberry.Info, input: ReleaseQuotaInput) -> Quota:
    view = await quotas.release(
        info.context.settings, parse_id(input.organization_id, "input.organizationId"),
        input.product, input.resource, input.amount,
    )
    return Quota.of(view)


async def set_quota_limit(info: strawberry.Info, input: SetQuotaLimitInput) -> Quota:
    view = await quotas.set_limit(
        info.context.settings, parse_id(input.organization_id, "input.organizationId"),
        input.product, input.resource, input.limit,
    )
    return Quota.of(view)


async def change_support_plan(info: strawberry.Info, input: ChangeSupportPlanInput) -> Organization:
    row = await quotas.change_plan(parse_id(input.organization_id, "input.organizationId"), PlanRow(input.plan.value))
    return Organization.of(row)
