import strawberry

from accountql.domain import abuse
from accountql.models import AbuseReason as ReasonRow
from accountql.schema.inputs import (
    AnswerAbuseCaseInput,
    ReportAbuseInput,
    ResolveAbuseCaseInput,
)
from accountql.schema.pagination import After, Before, Connection, First, Last, paginate
from accountql.schema.permissions import parse_id
from accountql.schema.types import AbuseCase


async def report_abuse(info: strawberry.Info, input: ReportAbuseInput) -> bool:
    await abuse.report(
        info.context.settings,
        await info.context.user(),
        parse_id(input.organization_id, "input.organizationId"),
        input.resource_kind,
        input.resource_id,
        ReasonRow(input.reason.value),
        input.details,
    )
    return True


async def answer_abuse_case(info: strawberry.Info, input: AnswerAbuseCaseInput) -> AbuseCase:
    return AbuseCase.of(await abuse.answer(parse_id(input.id, "input.id"), input.answer))


async def resolve_abuse_case(info: strawberry.Info, input: ResolveAbuseCaseInput) -> AbuseCase:
    return AbuseCase.of(await abuse.resolve(parse_id(input.id, "input.id"), input.resolution))


async def open_abuse_cases(
    info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
) -> Connection[AbuseCase]:
    return await paginate(
        abuse.open_cases(), AbuseCase.of, info.context.settings.max_page_size,
        first=first, after=after, last=last, before=before,
    )
