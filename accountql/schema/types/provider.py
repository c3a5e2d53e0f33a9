"""The provider's side of an organization: abuse cases and identity verification."""

from __future__ import annotations

from datetime import datetime

import strawberry

from accountql import models
from accountql.domain import abuse, kyc
from accountql.schema.enums import AbuseReason, KycDocumentType, KycStatus
from accountql.schema.pagination import After, Before, Connection, First, Last, paginate
from accountql.schema.types.organization import Organization


@strawberry.type(description="One report in an abuse case (who reported stays with staff).")
class AbuseReport:
    id: strawberry.ID = strawberry.field(description="The report's id.")
    details: str = strawberry.field(description="What the reporter saw.")
    created_at: datetime = strawberry.field(description="When it was sent.")
    row: strawberry.Private[models.AbuseReport]

    @classmethod
    def of(cls, row: models.AbuseReport) -> AbuseReport:
        return cls(id=strawberry.ID(str(row.id)), details=row.details, created_at=row.created_at, row=row)

    @strawberry.field(description="Who reported: shown to platform staff only (else null).")
    async def reporter_email(self, info: strawberry.Info) -> str | None:
        session = info.context.authenticated_session
        if not (session and session.user.is_staff):
            return None
        reporter = await info.context.loaders.user_or_none(self.row.reporter_id)
        return reporter.email if reporter else None


@strawberry.type(description="Reports of one resource for one reason.")
class AbuseCase:
    id: strawberry.ID = strawberry.field(description="The case's id (for answerAbuseCase and resolveAbuseCase).")
    resource_kind: str = strawberry.field(description="What kind of resource was reported (instance, bucket, ip…).")
    resource_id: str = strawberry.field(description="Which resource was reported.")
    reason: AbuseReason = strawberry.field(description="Why it was reported.")
    created_at: datetime = strawberry.field(description="When the first report came.")
    answer: str | None = strawberry.field(description="What the organization said it did, if it answered.")
    answered_at: datetime | None = strawberry.field(description="When it answered.")
    resolved_at: datetime | None = strawberry.field(description="When staff closed the case.")
    resolution: str | None = strawberry.field(description="What staff concluded.")
    row: strawberry.Private[models.AbuseCase]

    @classmethod
    def of(cls, row: models.AbuseCase) -> AbuseCase:
        return cls(
            id=strawberry.ID(str(row.id)),
            resource_kind=row.resource_kind,
            resource_id=row.resource_id,
            reason=AbuseReason(row.reason),
            created_at=row.created_at,
            answer=row.answer,
            answered_at=row.answered_at,
            resolved_at=row.resolved_at,
            resolution=row.resolution,
            row=row,
        )

    @strawberry.field(description="The reports, oldest first.")
    async def reports(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[AbuseReport]:
        return await paginate(
            abuse.reports_of(self.row.id), AbuseReport.of, info.context.settings.max_page_size,
            first=first, after=after, last=last, before=before,
        )


@strawberry.type(description="An identity verification, as staff review it.")
class KycSubmission:
    id: strawberry.ID = strawberry.field(description="The submission's id (for approveKyc and rejectKyc).")
    document_type: KycDocumentType = strawberry.field(description="The kind of document sent.")
    status: KycStatus = strawberry.field(description="Where the review stands.")
    created_at: datetime = strawberry.field(description="When it was sent.")
    rejection_reason: str | None = strawberry.field(description="Why staff rejected it, if they did.")
    row: strawberry.Private[models.KycSubmission]

    @classmethod
    def of(cls, row: models.KycSubmission) -> KycSubmission:
        return cls(
            id=strawberry.ID(str(row.id)),
            document_type=KycDocumentType(row.document_type),
            status=KycStatus(row.status),
            created_at=row.created_at,
            rejection_reason=row.rejection_reason,
            row=row,
        )

    @strawberry.field(description="The organization under review (its other data needs membership).")
    async def organization(self, info: strawberry.Info) -> Organization:
        return Organization.of(await info.context.loaders.organization.load(self.row.organization_id))

    @strawberry.field(description="The document image, base64 (each look is audited).")
    async def document_base64(self, info: strawberry.Info) -> str:
        return await kyc.image(info.context.settings, self.row, "document")

    @strawberry.field(description="The selfie with the document, base64 (each look is audited).")
    async def selfie_base64(self, info: strawberry.Info) -> str:
        return await kyc.image(info.context.settings, self.row, "selfie")
