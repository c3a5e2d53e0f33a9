
import strawberry

from accountql.domain import abuse
from accountql.models import AbuseReason as ReasonRow
from accountql.schema.inputs import (
    AnswerAbuseCaseInput,
    ReportAbuseInput,
    ResolveAbuseCaseInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import AbuseCase


async def report_abuse(info: strawberry.Info, input: ReportAbuseInput) -> bool:
    await abuse.report(
        info.context.settings,
        await info.context.user(),
        parse_id(input.organization_id, "organizationId"),
        input.resource_kind,
        input.resource_id,
        ReasonRow(input.reason.value),
        input.details,
    )
    return True


async def answer_abuse_case(info: strawberry.Info, input: AnswerAbuseCaseInput) -> AbuseCase:
    return AbuseCase.of(await abuse.answer(parse_id(input.id, "id"), input.answer))


async def resolve_abuse_case(info: strawberry.Info, input: ResolveAbuseCaseInput) -> AbuseCase:
    return AbuseCase.of(await abuse.resolve(parse_id(input.id, "id"), input.resolution))


async def open_abuse_cases(info: strawberry.Info) -> list[AbuseCase]:
    return [AbuseCase.of(row) for row in await abuse.open_cases()]
