import strawberry

from accountql.domain import kyc
from accountql.errors import BadUserInput
from accountql.models import KycDocumentType as DocumentRow
from accountql.schema.inputs import ApproveKycInput, RejectKycInput, SubmitKycInput
from accountql.schema.pagination import After, Before, Connection, First, Last, paginate
from accountql.schema.permissions import parse_id
from accountql.schema.types import KycSubmission, Organization


async def submit_kyc(info: strawberry.Info, input: SubmitKycInput) -> Organization:
    settings = info.context.settings
    organization_id = parse_id(input.organization_id, "input.organizationId")
    document = await _read(input.document, "document", settings.kyc_max_bytes)
    selfie = await _read(input.selfie, "selfie", settings.kyc_max_bytes)
    submission = await kyc.submit(
        settings, await info.context.user(), organization_id, DocumentRow(input.document_type.value), document, selfie
    )
    return Organization.of(await submission.organization)


async def _read(upload, field: str, limit: int) -> bytes:
    if not hasattr(upload, "read"):
        raise BadUserInput(f"{field} must be a file sent as a GraphQL multipart request.", field=field)
    # One byte past the limit: enough to tell a file is too large without holding more.
    return await upload.read(limit + 1)


async def pending_kyc_submissions(
    info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
) -> Connection[KycSubmission]:
    return await paginate(
        kyc.pending(), KycSubmission.of, info.context.settings.max_page_size,
        first=first, after=after, last=last, before=before,
    )


async def approve_kyc(info: strawberry.Info, input: ApproveKycInput) -> KycSubmission:
    return KycSubmission.of(await kyc.decide(parse_id(input.id, "input.id"), True, None))


async def reject_kyc(info: strawberry.Info, input: RejectKycInput) -> KycSubmission:
    return KycSubmission.of(await kyc.decide(parse_id(input.id, "input.id"), False, input.reason))
