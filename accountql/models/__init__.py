"""Tortoise models, one module per aggregate. Tortoise finds them through this package."""

from accountql.models.abuse import AbuseCase, AbuseReason, AbuseReport
from accountql.models.api_key import ApiKey, ApiKeyAccess
from accountql.models.audit import AuditEvent, AuditKind
from accountql.models.contact import Contact, ContactRole
from accountql.models.kyc import KycDocumentType, KycStatus, KycSubmission
from accountql.models.mfa import (
    BackupCode,
    MfaChallenge,
    MfaMethod,
    SecondFactor,
    TotpCredential,
)
from accountql.models.one_time import OneTimeToken, Purpose
from accountql.models.organization import (
    Invitation,
    Membership,
    MfaLevel,
    Organization,
    Role,
)
from accountql.models.outbox import OutboxMessage, OutboxStatus
from accountql.models.passkey import Passkey, PasskeyCeremony, PasskeyChallenge
from accountql.models.quota import Quota, SupportPlan
from accountql.models.rate_limit import RateLimitCounter
from accountql.models.session import (
    LoginAttempt,
    LoginMethod,
    Session,
    UnknownAccountAttempt,
)
from accountql.models.ssh_key import SshKey
from accountql.models.support import SupportGrant, SupportReason
from accountql.models.user import User

__all__ = [
    "AbuseCase",
    "AbuseReason",
    "AbuseReport",
    "ApiKey",
    "ApiKeyAccess",
    "AuditEvent",
    "AuditKind",
    "BackupCode",
    "Contact",
    "ContactRole",
    "MfaChallenge",
    "MfaLevel",
    "MfaMethod",
    "OneTimeToken",
    "OutboxMessage",
    "OutboxStatus",
    "Passkey",
    "PasskeyCeremony",
    "PasskeyChallenge",
    "SecondFactor",
    "TotpCredential",
    "Invitation",
    "KycDocumentType",
    "KycStatus",
    "KycSubmission",
    "LoginAttempt",
    "LoginMethod",
    "Membership",
    "Organization",
    "RateLimitCounter",
    "Purpose",
    "Quota",
    "Role",
    "Session",
    "SshKey",
    "SupportGrant",
    "SupportPlan",
    "SupportReason",
    "UnknownAccountAttempt",
    "User",
]

# Tortoise's SQLite migrations split statements on ";", and the first line of a model's
# docstring becomes its table comment: keep semicolons out of those lines.
