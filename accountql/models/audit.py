import enum
import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class AuditKind(enum.StrEnum):
    LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED"
    LOGIN_FAILED = "LOGIN_FAILED"
    SESSION_REVOKED = "SESSION_REVOKED"
    PASSWORD_CHANGED = "PASSWORD_CHANGED"
    PASSWORD_RESET = "PASSWORD_RESET"
    EMAIL_CHANGED = "EMAIL_CHANGED"
    EMAIL_VERIFIED = "EMAIL_VERIFIED"
    PROFILE_UPDATED = "PROFILE_UPDATED"
    REAUTHENTICATED = "REAUTHENTICATED"
    CONTACT_CONFIRMED = "CONTACT_CONFIRMED"
    PHONE_NUMBER_VERIFIED = "PHONE_NUMBER_VERIFIED"
    PHONE_NUMBER_REMOVED = "PHONE_NUMBER_REMOVED"
    LOGIN_NOTIFICATIONS_CHANGED = "LOGIN_NOTIFICATIONS_CHANGED"
    MFA_ENABLED = "MFA_ENABLED"
    MFA_DISABLED = "MFA_DISABLED"
    BACKUP_CODES_REGENERATED = "BACKUP_CODES_REGENERATED"
    ORGANIZATION_CREATED = "ORGANIZATION_CREATED"
    ORGANIZATION_RENAMED = "ORGANIZATION_RENAMED"
    MEMBER_INVITED = "MEMBER_INVITED"
    INVITATION_CANCELLED = "INVITATION_CANCELLED"
    MEMBER_JOINED = "MEMBER_JOINED"
    MEMBER_REMOVED = "MEMBER_REMOVED"
    MEMBER_LEFT = "MEMBER_LEFT"
    ROLE_CHANGED = "ROLE_CHANGED"
    MFA_ENFORCEMENT_CHANGED = "MFA_ENFORCEMENT_CHANGED"
    API_KEY_CREATED = "API_KEY_CREATED"
    API_KEY_REVOKED = "API_KEY_REVOKED"
    SSH_KEY_ADDED = "SSH_KEY_ADDED"
    SSH_KEY_DELETED = "SSH_KEY_DELETED"
    CONTACT_ADDED = "CONTACT_ADDED"
    CONTACT_UPDATED = "CONTACT_UPDATED"
    CONTACT_REMOVED = "CONTACT_REMOVED"
    STAFF_GRANTED = "STAFF_GRANTED"
    STAFF_REVOKED = "STAFF_REVOKED"
    MFA_RESET_BY_STAFF = "MFA_RESET_BY_STAFF"
    EMAIL_CHANGED_BY_STAFF = "EMAIL_CHANGED_BY_STAFF"
    SUPPORT_ACCESS_GRANTED = "SUPPORT_ACCESS_GRANTED"
    SUPPORT_ACCESS_REVOKED = "SUPPORT_ACCESS_REVOKED"
    SUPPORT_PLAN_CHANGED = "SUPPORT_PLAN_CHANGED"
    QUOTA_LIMIT_SET = "QUOTA_LIMIT_SET"
    ABUSE_REPORTED = "ABUSE_REPORTED"
    ABUSE_CASE_ANSWERED = "ABUSE_CASE_ANSWERED"
    ABUSE_CASE_RESOLVED = "ABUSE_CASE_RESOLVED"
    KYC_SUBMITTED = "KYC_SUBMITTED"
    KYC_APPROVED = "KYC_APPROVED"
    KYC_REJECTED = "KYC_REJECTED"
    KYC_DOCUMENT_VIEWED = "KYC_DOCUMENT_VIEWED"
    ACCOUNT_DELETED = "ACCOUNT_DELETED"
    ORGANIZATION_DELETED = "ORGANIZATION_DELETED"
    DATA_EXPORTED = "DATA_EXPORTED"
    PASSKEY_ADDED = "PASSKEY_ADDED"
    PASSKEY_RENAMED = "PASSKEY_RENAMED"
    PASSKEY_REMOVED = "PASSKEY_REMOVED"
    PASSKEY_CLONE_SUSPECTED = "PASSKEY_CLONE_SUSPECTED"


class AuditEvent(Model):
    """One security-relevant event. Appended, never changed."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    kind = fields.CharField(max_length=40, db_index=True, description="an AuditKind value")
    at = fields.DatetimeField(default=now, db_index=True)
    actor_user = fields.ForeignKeyField(
        "models.User", related_name="audit_events_acted", null=True, on_delete=fields.SET_NULL
    )
    actor_api_key = fields.ForeignKeyField(
        "models.ApiKey", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    # The account the event is about, when it is about one (a login, a role change).
    subject_user = fields.ForeignKeyField(
        "models.User", related_name="audit_events_about", null=True, on_delete=fields.SET_NULL
    )
    organization = fields.ForeignKeyField(
        "models.Organization", related_name="audit_events", null=True, on_delete=fields.CASCADE
    )
    ip_address = fields.CharField(max_length=45, null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    details = fields.JSONField(default=dict)
    # Done by platform staff under a support grant.
    support = fields.BooleanField(default=False, db_default=False)

    class Meta:
        table = "audit_event"
        # An organization's log and a user's (what they did, what was done to them), each
        # in the order it pages (keyset cursors on at, id): any page is an index range.
        indexes = (
            ("organization_id", "at", "id"),
            ("actor_user_id", "at", "id"),
            ("subject_user_id", "at", "id"),
        )
