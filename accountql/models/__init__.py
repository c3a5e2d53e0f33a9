"""Tortoise models, one module per aggregate. Tortoise finds them through this package."""

from accountql.models.organization import Invitation, Membership, Organization, Role
from accountql.models.rate_limit import RateLimitCounter
from accountql.models.session import LoginAttempt, LoginMethod, Session
from accountql.models.user import User

__all__ = [
    "Invitation",
    "LoginAttempt",
    "LoginMethod",
    "Membership",
    "Organization",
    "RateLimitCounter",
    "Role",
    "Session",
    "User",
]
