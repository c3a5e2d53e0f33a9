"""Organization-wide MFA enforcement: who may turn it on, whom it blocks, who is told.

The one question every organization request asks is `blocks(organization, user)`."""

from __future__ import annotations

import uuid
from datetime import timedelta

from tortoise.transactions import in_transaction

from accountql import audit, events, outbox
from accountql.auth import rate_limits
from accountql.clock import now
from accountql.domain import contacts
from accountql.errors import BadUserInput, Conflict, Forbidden
from accountql.models import ApiKey, AuditKind, ContactRole, MfaLevel, Organization, Session, User

MAX_GRACE_DAYS = 90
REMINDERS_PER_DAY = 3


def satisfies(organization: Organization, user: User, session: Session | None = None) -> bool:
    """Whether the user's MFA is what the organization asks for: any second factor, or a
    passkey where it requires phishing-resistant MFA (a TOTP or SMS code typed into a
    look-alike site is as good as given away; a passkey is bound to this site's origin).
    There the session must have been opened (or re-authenticated) with the passkey too:
    a phisher who relays the password and a code gets a session of an account that has
    one. Without a session (an API key's creator) the account is judged."""
    if organization.mfa_level == MfaLevel.PHISHING_RESISTANT:
        return user.has_passkey and (session is None or session.phishing_resistant)
    return user.mfa_enabled


def blocks(organization: Organization, user: User, session: Session | None = None) -> bool:
    """True when the organization enforces MFA, the user's (or the session's) does not
    satisfy it (none, or codes only where passkeys are required), and no grace is left."""
    if not organization.mfa_enforced or satisfies(organization, user, session):
        return False
    grace_until = organization.mfa_grace_until
    return grace_until is None or now() >= grace_until


async def blocks_key(key: ApiKey) -> bool:
    """Whether enforcement keeps out the member who created an API key (judged once per
    request: the key object lives as long as the request)."""
    if not hasattr(key, "_creator_blocked"):
        organization = await Organization.get(id=key.organization_id)
        blocked = False
        if organization.mfa_enforced and key.created_by_id is not None:
            blocked = blocks(organization, await User.get(id=key.created_by_id))
        key._creator_blocked = blocked
    return key._creator_blocked


def blocked_message(organization: Organization, user: User | None = None) -> str:
    if organization.mfa_level == MfaLevel.PHISHING_RESISTANT and user is not None and user.has_passkey:
        return (
            f"{organization.name} requires phishing-resistant multi-factor authentication, and "
            "this session was not opened with your passkey: sign in with it (beginPasskeyLogIn), "
            "or re-authenticate with it (reauthenticate with passkey), then try again."
        )
    if organization.mfa_level == MfaLevel.PHISHING_RESISTANT:
        return (
            f"{organization.name} requires phishing-resistant multi-factor authentication: only "
            "a passkey counts (an authenticator app or SMS codes do not). Add one with "
            "beginPasskeyRegistration and finishPasskeyRegistration, then try again."
        )
    return (
        f"{organization.name} requires multi-factor authentication: turn it on with "
        "beginMfaEnrollment and confirmMfaEnrollment (or add a passkey), then try again."
    )


async def tell_required(user: User, organization: Organization) -> None:
    """Mail a member what the organization requires and by when."""
    await outbox.mfa_required_notice(
        user.email, organization.name, organization.mfa_grace_until,
        passkeys_only=organization.mfa_level == MfaLevel.PHISHING_RESISTANT,
    )


async def enforcing_organizations(user: User, phishing_resistant_only: bool = False) -> list[Organization]:
    found = Organization.filter(memberships__user_id=user.id, mfa_enforced=True)
    if phishing_resistant_only:
        found = found.filter(mfa_level=MfaLevel.PHISHING_RESISTANT)
    return await found.order_by("name")


async def _members_without_mfa(organization: Organization) -> list[User]:
    """Whom to remind: members whose MFA does not satisfy the organization and whose
    address is verified (nothing is mailed to an address nobody proved)."""
    lacking = (
        {"has_passkey": False} if organization.mfa_level == MfaLevel.PHISHING_RESISTANT else {"mfa_enabled": False}
    )
    return await User.filter(
        memberships__organization_id=organization.id, email_verified=True, **lacking
    ).order_by("email")


async def set_enforcement(
    actor: User,
    organization_id: uuid.UUID,
    enforced: bool,
    grace_period_days: int = 0,
    level: MfaLevel = MfaLevel.ANY,
    session: Session | None = None,
) -> Organization:
    """The actor is an OWNER (checked by the permission) and must have MFA on, a passkey
    for the phishing-resistant level (and this session opened with it, or the rule would
    lock them out of the organization on the spot): nobody requires what they do not use."""
    if not actor.mfa_enabled:
        raise Forbidden(
            "Turn on multi-factor authentication for your own account before you require it "
            "of others."
        )
    if enforced and level == MfaLevel.PHISHING_RESISTANT and not actor.has_passkey:
        raise Forbidden("Add a passkey to your own account before you require passkeys of others.")
    if enforced and level == MfaLevel.PHISHING_RESISTANT and session is not None and not session.phishing_resistant:
        raise Forbidden(
            "This session was not opened with your passkey: re-authenticate with it "
            "(reauthenticate with passkey), then require passkeys of others."
        )
    if not 0 <= grace_period_days <= MAX_GRACE_DAYS:
        raise BadUserInput(
            f"gracePeriodDays must be between 0 and {MAX_GRACE_DAYS}.", field="gracePeriodDays"
        )
    async with in_transaction():
        organization = await Organization.get(id=organization_id)
        was = organization.mfa_enforced
        raised = enforced and (not was or (level == MfaLevel.PHISHING_RESISTANT and organization.mfa_level != level))
        organization.mfa_enforced = enforced
        organization.mfa_level = level if enforced else MfaLevel.ANY
        organization.mfa_grace_until = (
            now() + timedelta(days=grace_period_days) if enforced and grace_period_days else None
        )
        organization.mfa_last_call_at = None
        await organization.save(update_fields=["mfa_enforced", "mfa_level", "mfa_grace_until", "mfa_last_call_at"])
        await audit.record(
            AuditKind.MFA_ENFORCEMENT_CHANGED,
            organization_id=organization_id,
            enforced=enforced,
            level=organization.mfa_level,
            grace_period_days=grace_period_days,
        )
        if raised:  # newly enforced, or raised to passkeys only: who now falls short is told
            await events.mfa_enforced(organization_id)
            for member in await _members_without_mfa(organization):
                await tell_required(member, organization)
        elif was and not enforced:
            await contacts.notify(
                organization_id,
                ContactRole.TECHNICAL,
                "mfa_enforcement_off",
                f"{organization.name} no longer requires multi-factor authentication",
                f"{actor.email} turned off the multi-factor authentication requirement of "
                f"{organization.name}. Members without it can use the organization again. If "
                "this was not expected, turn it back on and review the organization's owners.",
                owners_too=True,
            )
    return organization


async def send_reminders(organization_id: uuid.UUID) -> int:
    """E-mail every member still without MFA again; how many were reminded."""
    await rate_limits.take(
        [rate_limits.Limit(f"message:mfa_reminder:{organization_id}", REMINDERS_PER_DAY, 86400)],
        "Reminders were sent several times today already.",
    )
    async with in_transaction():
        organization = await Organization.get(id=organization_id)
        if not organization.mfa_enforced:
            raise Conflict("This organization does not require multi-factor authentication.")
        members = await _members_without_mfa(organization)
        for member in members:
            await tell_required(member, organization)
    return len(members)


LAST_CALL_BEFORE = timedelta(days=1)


async def send_last_calls() -> int:
    """A day before a grace period ends, remind the members still without MFA, once per
    organization (claimed by a conditional update, so one worker process sends it)."""
    current = now()
    due = await Organization.filter(
        mfa_enforced=True,
        mfa_last_call_at=None,
        mfa_grace_until__gt=current,
        mfa_grace_until__lte=current + LAST_CALL_BEFORE,
    )
    reminded = 0
    for organization in due:
        async with in_transaction():
            claimed = await Organization.filter(id=organization.id, mfa_last_call_at=None).update(
                mfa_last_call_at=current
            )
            if claimed != 1:
                continue
            for member in await _members_without_mfa(organization):
                await tell_required(member, organization)
                reminded += 1
    return reminded
