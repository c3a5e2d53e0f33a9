"""Everything the service holds about a person, as one JSON document: the GDPR right of
access (article 15), as Google Takeout and GitHub's account export give it.

Secrets never leave, even to their owner: password and backup-code hashes, TOTP secrets,
API-key hashes and token hashes are named by their metadata only. Where someone else acted
on the user (an owner removing them), that person's address and browser stay out, as in
the user's own audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.expressions import Q

from accountql import audit
from accountql.auth import rate_limits
from accountql.clock import now
from accountql.models import (
    AbuseReport,
    ApiKey,
    AuditEvent,
    AuditKind,
    BackupCode,
    Invitation,
    KycSubmission,
    LoginAttempt,
    Membership,
    Passkey,
    Session,
    SshKey,
    TotpCredential,
    User,
)

FORMAT_VERSION = 1
EXPORTS_PER_HOUR = 5


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _value(row, path: str) -> Any:
    for attribute in path.split("."):
        row = getattr(row, attribute)
    return row.isoformat() if isinstance(row, datetime) else audit.plain(row)


def _rows(rows, **columns: str) -> list[dict[str, Any]]:
    """Each row as a dict of `name="attribute.path"` (datetimes as RFC 3339, ids and enums
    as strings)."""
    return [{name: _value(row, path) for name, path in columns.items()} for row in rows]


async def export(user: User) -> dict[str, Any]:
    """The document, and an audit event saying it was taken (so many an hour: it is the
    heaviest read a user can ask for)."""
    await rate_limits.take(
        [rate_limits.Limit(f"export:{user.id}", EXPORTS_PER_HOUR, 3600)],
        "Your data was exported several times in the last hour.",
    )
    document = {
        "format": FORMAT_VERSION,
        "exportedAt": now().isoformat(),
        "profile": {
            "id": str(user.id),
            "email": user.email,
            "emailVerified": user.email_verified,
            "emailVerifiedAt": _when(user.email_verified_at),
            "name": user.name,
            "createdAt": _when(user.created_at),
            "lastLoginAt": _when(user.last_login_at),
            "passwordChangedAt": _when(user.password_changed_at),
            "phoneNumber": user.phone_number,
            "phoneVerifiedAt": _when(user.phone_verified_at),
            "mfaEnabled": user.mfa_enabled,
            "mfaMethod": user.mfa_method,
            "loginNotifications": user.login_notifications,
        },
        "secondFactors": {
            "authenticatorApps": _rows(
                await TotpCredential.filter(user_id=user.id).order_by("created_at"),
                createdAt="created_at", confirmedAt="confirmed_at",
            ),
            "backupCodesRemaining": await BackupCode.filter(user_id=user.id, used_at=None).count(),
            # What identifies a passkey to its owner; the public key is no secret, but of no use to them.
            "passkeys": _rows(
                await Passkey.filter(user_id=user.id).order_by("created_at"),
                name="name", createdAt="created_at", lastUsedAt="last_used_at",
                backupEligible="backup_eligible", backedUp="backed_up", aaguid="aaguid",
            ),
        },
        "memberships": _rows(
            await Membership.filter(user_id=user.id).select_related("organization").order_by("created_at"),
            organizationId="organization_id", organizationName="organization.name", role="role",
            since="created_at",
        ),
        "invitations": _rows(
            await Invitation.filter(email=user.email).order_by("created_at"),
            organizationId="organization_id", role="role", createdAt="created_at",
            expiresAt="expires_at", acceptedAt="accepted_at",
        ),
        "sessions": _rows(
            await Session.filter(user_id=user.id).order_by("created_at"),
            id="id", createdAt="created_at", expiresAt="expires_at", lastSeenAt="last_seen_at",
            endedAt="revoked_at", ipAddress="ip_address", userAgent="user_agent", support="support",
        ),
        "loginAttempts": _rows(
            await LoginAttempt.filter(user_id=user.id).order_by("at"),
            at="at", succeeded="succeeded", method="method", secondFactor="second_factor",
            ipAddress="ip_address", userAgent="user_agent",
        ),
        "sshKeys": _rows(
            await SshKey.filter(user_id=user.id).order_by("created_at"),
            name="name", type="key_type", bits="bits", fingerprint="fingerprint",
            publicKey="public_key", createdAt="created_at",
        ),
        "apiKeysCreated": _rows(
            await ApiKey.filter(created_by_id=user.id).order_by("created_at"),
            organizationId="organization_id", name="name", access="access", prefix="prefix",
            createdAt="created_at", expiresAt="expires_at", lastUsedAt="last_used_at",
            revokedAt="revoked_at",
        ),
        "abuseReports": _rows(
            await AbuseReport.filter(reporter_id=user.id).select_related("case").order_by("created_at"),
            organizationId="case.organization_id", resourceKind="case.resource_kind",
            resourceId="case.resource_id", reason="case.reason", details="details", createdAt="created_at",
        ),
        "identityVerificationsSubmitted": _rows(
            await KycSubmission.filter(submitted_by_id=user.id).order_by("created_at"),
            organizationId="organization_id", documentType="document_type", status="status",
            createdAt="created_at", decidedAt="decided_at",
        ),
        "auditEvents": [
            {
                "kind": row.kind,
                "at": row.at.isoformat(),
                "organizationId": str(row.organization_id) if row.organization_id else None,
                "byYou": row.actor_user_id == user.id,
                # Someone else's address and browser are theirs, not the user's.
                "ipAddress": row.ip_address if row.actor_user_id == user.id else None,
                "userAgent": row.user_agent if row.actor_user_id == user.id else None,
                "details": row.details,
            }
            for row in await AuditEvent.filter(Q(actor_user_id=user.id) | Q(subject_user_id=user.id)).order_by("at")
        ],
    }
    await audit.record(AuditKind.DATA_EXPORTED, subject_user_id=user.id)
    return document
