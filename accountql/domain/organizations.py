"""Organizations, memberships and invitations, with the owner rules of the contract:
at least one OWNER always; nobody changes or removes another OWNER; an OWNER steps down
only while another OWNER remains. Callable without GraphQL."""

from __future__ import annotations

import uuid
from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import rate_limits
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import mfa_enforcement, verification
from accountql.domain.accounts import clean_name, normalize_email
from accountql.errors import Conflict, EmailNotVerified, Forbidden, NotFound, not_found
from accountql.models import (
    ApiKey,
    AuditKind,
    Contact,
    ContactRole,
    Invitation,
    Membership,
    Organization,
    Role,
    User,
)

LAST_OWNER = (
    "You are the last owner of this organization: make another member an owner first."
)
OTHER_OWNER = (
    "Another owner's role cannot be changed, nor can they be removed: "
    "only they can step down."
)


ORGANIZATIONS_PER_DAY = 20


async def create_organization(user: User, name: str) -> Organization:
    name = clean_name(name, field="name", max_length=100)
    # Each organization is a row per member listing and a contact: so many a day.
    await rate_limits.take(
        [rate_limits.Limit(f"organizations:created_by:{user.id}", ORGANIZATIONS_PER_DAY, 86400)],
        "Too many organizations were created from this account today.",
    )
    async with in_transaction():
        organization = await Organization.create(name=name)
        await Membership.create(user=user, organization=organization, role=Role.OWNER)
        # The creator's own address: confirmed now if verified, else once it is verified.
        await Contact.create(
            organization=organization,
            email=user.email,
            roles=ContactRole.PRIMARY.value,
            confirmed_at=now() if user.email_verified else None,
        )
        await audit.record(AuditKind.ORGANIZATION_CREATED, organization_id=organization.id, name=name)
    return organization


async def rename_organization(organization_id: uuid.UUID, name: str) -> Organization:
    name = clean_name(name, field="name", max_length=100)
    async with in_transaction():
        await Organization.filter(id=organization_id).update(name=name)
        await audit.record(AuditKind.ORGANIZATION_RENAMED, organization_id=organization_id, name=name)
    return await Organization.get(id=organization_id)


async def lock_organization(organization_id: uuid.UUID) -> None:
    """Serialize changes to an organization's owners (and invitations) until the
    transaction ends.

    A write is the one lock both databases honour: PostgreSQL holds the row lock to the
    end of the transaction, SQLite takes its write lock (and other processes wait on the
    busy timeout). select_for_update would do nothing on SQLite.
    """
    await Organization.filter(id=organization_id).update(owners_version=F("owners_version") + 1)


async def _owner_count(organization_id: uuid.UUID) -> int:
    return await Membership.filter(organization_id=organization_id, role=Role.OWNER).count()


async def _membership(organization_id: uuid.UUID, user_id: uuid.UUID) -> Membership:
    membership = await Membership.get_or_none(organization_id=organization_id, user_id=user_id)
    if membership is None:
        raise NotFound("That user is not a member of this organization.", field="userId")
    return membership


async def _require_owner(organization_id: uuid.UUID, actor: User) -> None:
    """Checked again under the lock: the actor may have stepped down a moment ago."""
    if not await Membership.exists(
        organization_id=organization_id, user_id=actor.id, role=Role.OWNER
    ):
        raise Forbidden("Only an owner of this organization can manage its members.")


async def change_member_role(
    actor: User, organization_id: uuid.UUID, user_id: uuid.UUID, role: Role
) -> Membership:
    async with in_transaction():
        await lock_organization(organization_id)
        await _require_owner(organization_id, actor)
        membership = await _membership(organization_id, user_id)
        if membership.role == role:
            return membership
        if membership.role == Role.OWNER:
            if user_id != actor.id:
                raise Forbidden(OTHER_OWNER)
            if await _owner_count(organization_id) <= 1:
                raise Conflict(LAST_OWNER)
        previous, membership.role = membership.role, role
        await membership.save(update_fields=["role"])
        await audit.record(
            AuditKind.ROLE_CHANGED,
            organization_id=organization_id,
            subject_user_id=user_id,
            previous=previous,
            role=role,
        )
    return membership


async def remove_member(actor: User, organization_id: uuid.UUID, user_id: uuid.UUID) -> None:
    async with in_transaction():
        await lock_organization(organization_id)
        await _require_owner(organization_id, actor)
        membership = await _membership(organization_id, user_id)
        if membership.role == Role.OWNER and user_id != actor.id:
            raise Forbidden(OTHER_OWNER)
        await end_membership(membership, "removed")
        await audit.record(AuditKind.MEMBER_REMOVED, organization_id=organization_id, subject_user_id=user_id)


async def leave_organization(user: User, organization_id: uuid.UUID) -> None:
    async with in_transaction():
        await lock_organization(organization_id)
        membership = await Membership.get_or_none(organization_id=organization_id, user_id=user.id)
        if membership is None:
            raise not_found("organization")
        await end_membership(membership, "left")
        await audit.record(AuditKind.MEMBER_LEFT, organization_id=organization_id, subject_user_id=user.id)


async def end_membership(membership: Membership, why: str) -> None:
    """End a membership, and with it the API keys its member created: a key must not keep
    acting for someone who is no longer in the organization."""
    if membership.role == Role.OWNER and await _owner_count(membership.organization_id) <= 1:
        raise Conflict(
            "You are the last owner of this organization: make another member an owner "
            "before you leave."
        )
    await membership.delete()
    keys = await ApiKey.filter(
        organization_id=membership.organization_id, created_by_id=membership.user_id, revoked_at=None
    )
    if keys:
        await ApiKey.filter(id__in=[key.id for key in keys]).update(revoked_at=now())
    for key in keys:
        await audit.record(
            AuditKind.API_KEY_REVOKED,
            organization_id=membership.organization_id,
            key=key.id,
            name=key.name,
            reason=f"its creator {why} the organization",
        )


async def invite_member(
    settings: Settings, client: Client, inviter: User, organization_id: uuid.UUID, email: str, role: Role
) -> Invitation:
    """An invitation for one address, e-mailed to it with a link that opens it."""
    email = normalize_email(email)
    # It mails an address the inviter chose: limited like every other message asked for.
    await rate_limits.limit_messages(settings, client, "invitation", email)
    async with in_transaction():
        # Under the organization's lock: two invitations sent at once make one.
        await lock_organization(organization_id)
        if await Membership.exists(organization_id=organization_id, user__email=email):
            raise Conflict("That person is already a member of this organization.", field="email")
        current = now()
        if await Invitation.exists(
            organization_id=organization_id, email=email, accepted_at=None, expires_at__gt=current
        ):
            raise Conflict(
                "That address already has a pending invitation to this organization.",
                field="email",
            )
        invitation = await Invitation.create(
            organization_id=organization_id,
            email=email,
            role=role,
            invited_by=inviter,
            created_at=current,
            expires_at=current + timedelta(days=settings.invitation_days),
        )
        await audit.record(AuditKind.MEMBER_INVITED, organization_id=organization_id, email=email, role=role)
        organization = await Organization.get(id=organization_id)
        await outbox.invitation(
            email,
            organization.name,
            inviter.email,
            f"{settings.app_url}/invitations#id={invitation.id}",
            settings.invitation_days,
        )
        return invitation


def invitations_of(organization_id: uuid.UUID):
    """The organization's pending invitations (a query: the caller pages it)."""
    return Invitation.filter(organization_id=organization_id, accepted_at=None, expires_at__gt=now())


async def cancel_invitation(invitation_id: uuid.UUID) -> None:
    """The caller is an OWNER of the invitation's organization (checked by the permission)."""
    invitation = await Invitation.get_or_none(id=invitation_id, accepted_at=None)
    async with in_transaction():
        cancelled = await Invitation.filter(id=invitation_id, accepted_at=None).delete()
        if invitation is None or cancelled != 1:
            raise NotFound("That invitation was already accepted or cancelled.")
        await audit.record(
            AuditKind.INVITATION_CANCELLED,
            organization_id=invitation.organization_id,
            email=invitation.email,
        )


async def organization_of(model: type, object_id: uuid.UUID) -> uuid.UUID | None:
    """The organization an object of an organization (invitation, API key, contact...)
    belongs to, or None when there is no such object."""
    row = await model.get_or_none(id=object_id).only("id", "organization_id")
    return row.organization_id if row else None


def pending_invitations(user: User):
    """Invitations to the user's address, once the user has proven it is theirs (a query:
    the caller pages it)."""
    if not user.email_verified:
        raise EmailNotVerified(verification.NOT_VERIFIED)
    return Invitation.filter(email=user.email, accepted_at=None, expires_at__gt=now())


async def accept_invitation(user: User, invitation_id: uuid.UUID) -> Membership:
    """Single use, also when two requests accept at once: the conditional update decides.
    Only a verified address accepts: else whoever signed up first with an address would
    take the invitations sent to it."""
    if not user.email_verified:
        raise EmailNotVerified(verification.NOT_VERIFIED)
    current = now()
    invitation = await Invitation.get_or_none(
        id=invitation_id, email=user.email, accepted_at=None, expires_at__gt=current
    )
    if invitation is None:
        raise NotFound(
            "No pending invitation with that id for your e-mail address: it may have expired "
            "or been used. Ask an owner of the organization to invite you again."
        )
    try:
        async with in_transaction():
            taken = await Invitation.filter(id=invitation.id, accepted_at=None).update(
                accepted_at=current
            )
            if taken != 1:
                raise NotFound("That invitation was already used.")
            if await Membership.exists(organization_id=invitation.organization_id, user_id=user.id):
                raise Conflict("You are already a member of this organization.")
            membership = await Membership.create(
                user=user, organization_id=invitation.organization_id, role=invitation.role
            )
            organization = await Organization.get(id=invitation.organization_id)
            if organization.mfa_enforced and not mfa_enforcement.satisfies(organization, user):
                await mfa_enforcement.tell_required(user, organization)
            await audit.record(
                AuditKind.MEMBER_JOINED,
                organization_id=invitation.organization_id,
                subject_user_id=user.id,
                role=invitation.role,
            )
            return membership
    except IntegrityError:
        raise Conflict("You are already a member of this organization.") from None
