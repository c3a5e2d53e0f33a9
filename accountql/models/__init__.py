"""Tortoise models, one module per aggregate. Tortoise finds them through this package."""

from accountql.models.mfa import BackupCode, MfaChallenge, SecondFactor, TotpCredential
from accountql.models.organization import Invitation, Membership, Organization, Role
from accountql.models.outbox import OutboxMessage, OutboxStatus
from accountql.models.rate_limit import RateLimitCounter
from accountql.models.session import LoginAttempt, LoginMethod, Session, UnknownAccountAttempt
from accountql.models.user import User

__all__ = [
    "BackupCode",
    "MfaChallenge",
    "OutboxMessage",
    "OutboxStatus",
    "SecondFactor",
    "TotpCredential",
    "Invitation",
    "LoginAttempt",
    "LoginMethod",
    "Membership",
    "Organization",
    "RateLimitCounter",
    "Role",
    "Session",
    "UnknownAccountAttempt",
    "User",
]

# Tortoise's SQLite migrations split statements on ";", and the first line of a model's
# docstring becomes its table comment: keep semicolons out of those lines.
