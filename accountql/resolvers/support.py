import strawberry

from accountql.domain import support
from accountql.models import SupportReason as ReasonRow
from accountql.schema.inputs import GrantSupportAccessInput, RevokeSupportAccessInput
from accountql.schema.permissions import parse_id
from accountql.schema.types import SupportGrant


async def grant_support_access(info: strawberry.Info, input: GrantSupportAccessInput) -> SupportGrant:
    row = await support.grant(
        await info.context.user(),
        parse_id(input.organization_id, "input.organizationId"),
        ReasonRow(input.reason.value),
        input.hours,
    )
    return SupportGrant.of(row)


async def revoke_support_access(info: strawberry.Info, input: RevokeSupportAccessInput) -> SupportGrant:
    return SupportGrant.of(await support.revoke(parse_id(input.id, "input.id")))
