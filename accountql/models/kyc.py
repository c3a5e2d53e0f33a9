import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class KycDocumentType(enum.StrEnum):
    PASSPORT = "PASSPORT"
    DRIVING_LICENSE = "DRIVING_LICENSE"
    ID_CARD = "ID_CARD"
    RESIDENCE_PERMIT = "RESIDENCE_PERMIT"


class KycStatus(enum.StrEnum):
    NOT_SUBMITTED = "NOT_SUBMITTED"
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class KycSubmission(Model):
    """An identity verification. The images live in files outside the database."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    organization = fields.ForeignKeyField("models.Organization", related_name="kyc_submissions", on_delete=fields.CASCADE)
    submitted_by = fields.ForeignKeyField("models.User", related_name="kyc_submissions", null=True, on_delete=fields.SET_NULL)
    document_type = fields.CharEnumField(KycDocumentType, max_length=20, description="the kind of document")
    document_file = fields.CharField(max_length=100)
    selfie_file = fields.CharField(max_length=100)
    status = fields.CharEnumField(KycStatus, max_length=15, default=KycStatus.PENDING, description="review state")
    created_at = fields.DatetimeField(default=now)
    decided_at = fields.DatetimeField(null=True)
    rejection_reason = fields.TextField(null=True)

    class Meta:
        table = "kyc_submission"
