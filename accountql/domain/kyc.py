"""Identity verification (KYC) of an organization: an owner sends a document image and a
selfie with it; staff approve or reject with a reason; the owners are told.

The images are checked by their first bytes (not by what the client claims), kept in
files outside the database, readable by the server's own user only, and shown to staff
only."""

from __future__ import annotations

import base64
import os
import secrets
import uuid
from pathlib import Path

from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.clock import now
from accountql.config import Settings
from accountql.domain.organizations import lock_organization
from accountql.errors import BadUserInput, Conflict, NotFound
from accountql.models import (
    AuditKind,
    KycDocumentType,
    KycStatus,
    KycSubmission,
    Membership,
    Role,
    User,
)

SIGNATURES = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png", b"%PDF-": "pdf"}


def _kind_of(data: bytes, field: str) -> str:
    for signature, extension in SIGNATURES.items():
        if data.startswith(signature):
            return extension
    raise BadUserInput(f"The {field} must be a JPEG, PNG or PDF file.", field=field)


def _check(settings: Settings, data: bytes, field: str) -> str:
    """The file's extension, once it is known to be an image or PDF of an allowed size."""
    if not data:
        raise BadUserInput(f"The {field} file is empty.", field=field)
    if len(data) > settings.kyc_max_bytes:
        raise BadUserInput(
            f"The {field} file is larger than {settings.kyc_max_bytes // (1024 * 1024)} MiB: send a smaller one.",
            field=field,
        )
    return _kind_of(data, field)


def _store(settings: Settings, data: bytes, extension: str) -> str:
    name = f"{secrets.token_hex(16)}.{extension}"
    folder = Path(settings.kyc_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return name


async def submit(
    settings: Settings, owner: User, organization_id: uuid.UUID, document_type: KycDocumentType,
    document: bytes, selfie: bytes,
) -> KycSubmission:
    # Both files are checked before either is written; a failure after writing removes them.
    extensions = _check(settings, document, "document"), _check(settings, selfie, "selfie")
    stored: list[str] = []
    try:
        async with in_transaction():
            await lock_organization(organization_id)  # two submissions at once: one is pending
            if await status_of(organization_id) in (KycStatus.PENDING, KycStatus.APPROVED):
                raise Conflict("A verification is pending or approved already.")
            stored += [_store(settings, document, extensions[0]), _store(settings, selfie, extensions[1])]
            row = await KycSubmission.create(
                organization_id=organization_id,
                submitted_by=owner,
                document_type=document_type,
                document_file=stored[0],
                selfie_file=stored[1],
            )
            await audit.record(AuditKind.KYC_SUBMITTED, organization_id=organization_id, document_type=document_type)
    except BaseException:
        for name in stored:
            (Path(settings.kyc_dir) / name).unlink(missing_ok=True)
        raise
    return row


async def status_of(organization_id: uuid.UUID) -> KycStatus:
    latest = await KycSubmission.filter(organization_id=organization_id).order_by("-created_at").first()
    return KycStatus(latest.status) if latest else KycStatus.NOT_SUBMITTED


async def decide(submission_id: uuid.UUID, approve: bool, reason: str | None) -> KycSubmission:
    """Staff only. The owners are told either way."""
    if not approve and not (reason or "").strip():
        raise BadUserInput("Say why the verification is rejected: the owners will read it.", field="reason")
    status = KycStatus.APPROVED if approve else KycStatus.REJECTED
    async with in_transaction():
        decided = await KycSubmission.filter(id=submission_id, status=KycStatus.PENDING).update(
            status=status, decided_at=now(), rejection_reason=None if approve else reason.strip()
        )
        row = await KycSubmission.get_or_none(id=submission_id).select_related("organization")
        if row is None:
            raise NotFound("No verification with that id exists.")
        if decided != 1:
            raise Conflict("That verification was decided already.")
        await audit.record(
            AuditKind.KYC_APPROVED if approve else AuditKind.KYC_REJECTED,
            organization_id=row.organization_id,
            reason=reason,
        )
        owners = await Membership.filter(
            organization_id=row.organization_id, role=Role.OWNER, user__email_verified=True
        ).values_list("user__email", flat=True)
        verdict = "approved" if approve else f"rejected: {reason.strip()}"
        for email in owners:
            await outbox.send_email(
                email,
                "kyc_decision",
                f"Identity verification of {row.organization.name} {'approved' if approve else 'rejected'}",
                f"The identity verification of {row.organization.name} was {verdict}."
                + ("" if approve else " You can send a new one."),
            )
    return row


def pending():
    """Submissions waiting for review (a query: the caller pages it)."""
    return KycSubmission.filter(status=KycStatus.PENDING)


async def image(settings: Settings, submission: KycSubmission, which: str) -> str:
    """Staff only: a stored image as base64. Every look is audited."""
    name = submission.document_file if which == "document" else submission.selfie_file
    try:
        data = (Path(settings.kyc_dir) / name).read_bytes()
    except FileNotFoundError:
        raise NotFound(f"The {which} file of this verification is missing from {settings.kyc_dir}.") from None
    await audit.record(
        AuditKind.KYC_DOCUMENT_VIEWED, organization_id=submission.organization_id, submission=submission.id, which=which
    )
    return base64.b64encode(data).decode()
