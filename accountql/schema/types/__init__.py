"""The object types of the schema, one module per subject; each wraps a model row."""

from accountql.schema.types.account import (
    AuthSession,
    BackupCodes,
    LoginAttempt,
    LogInResult,
    MfaChallenge,
    MfaEnrollment,
    Session,
    User,
)
from accountql.schema.types.audit import AuditEvent
from accountql.schema.types.organization import (
    ApiKey,
    Contact,
    CreatedApiKey,
    Invitation,
    Membership,
    Organization,
    Quota,
    SshKey,
    SupportGrant,
)
from accountql.schema.types.passkey import Passkey, PasskeyOptions
from accountql.schema.types.provider import AbuseCase, AbuseReport, KycSubmission

__all__ = [
    "AbuseCase",
    "AbuseReport",
    "ApiKey",
    "AuditEvent",
    "AuthSession",
    "BackupCodes",
    "Contact",
    "CreatedApiKey",
    "Invitation",
    "KycSubmission",
    "LogInResult",
    "LoginAttempt",
    "Membership",
    "MfaChallenge",
    "MfaEnrollment",
    "Organization",
    "Passkey",
    "PasskeyOptions",
    "Quota",
    "Session",
    "SshKey",
    "SupportGrant",
    "User",
]
