"""An organization's notification contacts, and the one function that picks who gets a
notification: PRIMARY contacts get every kind, the others only their own.

Nothing is sent to a contact until its mailbox is proven: a contact that is a verified
account's address is confirmed at once, any other gets a link of its own to follow, so the
service cannot be used to mail strangers."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import one_time, rate_limits
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain.accounts import normalize_email
from accountql.domain.organizations import lock_organization, organization_of
from accountql.errors import BadUserInput, Conflict, InvalidCode, NotFound
from accountql.models import (
    AuditKind,
    Contact,
    ContactRole,
    Membership,
    Organization,
    Role,
    User,
)

CONFIRMATION_LIFETIME = timedelta(days=7)

NO_PRIMARY = "An organization always has a PRIMARY contact: give the role to another contact first."


def _roles(roles: list[ContactRole]) -> str:
    if not roles:
        raise BadUserInput("Give a contact at least one role.", field="roles")
    return ",".join(sorted({ContactRole(role).value for role in roles}))


async def recipients(
    organization_id: uuid.UUID, kind: ContactRole, owners_too: bool = False
) -> list[str]:
    """Who receives a notification of this kind: PRIMARY contacts and the contacts of that
    kind, and the owners when the notice concerns them (once each)."""
    contacts = await Contact.filter(organization_id=organization_id, confirmed_at__isnull=False).order_by(
        "created_at"
    )
    emails = [c.email for c in contacts if ContactRole.PRIMARY in c.role_list or kind in c.role_list]
    if owners_too:
        emails += await Membership.filter(
            organization_id=organization_id, role=Role.OWNER, user__email_verified=True
        ).order_by("created_at").values_list("user__email", flat=True)
    return list(dict.fromkeys(emails))


async def notify(
    organization_id: uuid.UUID,
    kind: ContactRole,
    message_kind: str,
    subject: str,
    body: str,
    owners_too: bool = False,
) -> None:
    """Queue a notification to the organization's contacts for this kind."""
    for email in await recipients(organization_id, kind, owners_too):
        await outbox.send_email(email, message_kind, subject, body)


def of_organization(organization_id: uuid.UUID):
    """The organization's contacts (a query: the caller pages it)."""
    return Contact.filter(organization_id=organization_id)


async def member_emails(organization_id: uuid.UUID) -> set[str]:
    rows = await Membership.filter(organization_id=organization_id).values_list("user__email", flat=True)
    return set(rows)


async def add(
    settings: Settings,
    client: Client,
    actor: User | None,
    organization_id: uuid.UUID,
    email: str,
    roles: list[ContactRole],
) -> Contact:
    email = normalize_email(email)
    try:
        async with in_transaction():
            contact = await Contact.create(organization_id=organization_id, email=email, roles=_roles(roles))
            await _ask_confirmation(settings, client, actor, contact)
            await audit.record(AuditKind.CONTACT_ADDED, organization_id=organization_id, email=email, roles=contact.roles)
            return contact
    except IntegrityError:
        raise Conflict("That address is a contact of this organization already.", field="email") from None


async def _has_other_primary(contact: Contact) -> bool:
    others = await Contact.filter(organization_id=contact.organization_id).exclude(id=contact.id)
    return any(ContactRole.PRIMARY in other.role_list for other in others)


async def _locked(contact_id: uuid.UUID) -> Contact:
    """The contact, read again once its organization is locked (inside a transaction):
    a copy read before the lock may be stale by the time we decide."""
    organization_id = await organization_of(Contact, contact_id)
    if organization_id is None:
        raise NotFound("No contact with that id exists.")
    await lock_organization(organization_id)
    return await _get(contact_id)


async def _ask_confirmation(settings: Settings, client: Client, actor: User | None, contact: Contact) -> None:
    """Confirm the contact at once when its address is the actor's own, or a member's of the
    organization, and verified; else send a link to it (so many an hour), unless it is the
    actor's own unverified address, which verifying the account confirms. Any other
    verified account's address gets a link too: confirming it at once would tell anyone who
    adds contacts which addresses have accounts. Call in a transaction, after the address
    is set."""
    contact.confirmed_at = contact.confirmation_hash = contact.confirmation_expires_at = None
    own = actor is not None and contact.email == actor.email
    if await User.filter(email=contact.email, email_verified=True).filter(
        Q(id=actor.id if actor else None) | Q(memberships__organization_id=contact.organization_id)
    ).exists():
        contact.confirmed_at = now()
    elif not own:
        await rate_limits.limit_messages(settings, client, "contact_confirmation", contact.email)
        token = secrets.token_urlsafe(32)
        contact.confirmation_hash = one_time.keyed_hash(settings.secret_key, token)
        contact.confirmation_expires_at = now() + CONFIRMATION_LIFETIME
        organization = await Organization.get(id=contact.organization_id)
        await outbox.contact_confirmation(
            contact.email,
            organization.name,
            f"{settings.app_url}/confirm-contact#token={token}",
            CONFIRMATION_LIFETIME.days,
        )
    await contact.save(update_fields=["confirmed_at", "confirmation_hash", "confirmation_expires_at"])


async def confirm(settings: Settings, token: str) -> None:
    """Follow a contact's link: it starts receiving the organization's notices. Works once."""
    async with in_transaction():
        contact = await Contact.get_or_none(
            confirmation_hash__in=one_time.keyed_hashes(settings.secret_keys, token),
            confirmed_at=None,
            confirmation_expires_at__gt=now(),
        )
        confirmed = contact and await Contact.filter(id=contact.id, confirmed_at=None).update(
            confirmed_at=now(), confirmation_hash=None
        )
        if not confirmed:
            raise InvalidCode("That link is wrong, expired or used already: ask the organization to add you again.")
        await audit.record(AuditKind.CONTACT_CONFIRMED, organization_id=contact.organization_id, email=contact.email)


async def follow_email_change(user: User, old_email: str, proven: bool = True) -> None:
    """The user's address changed: contacts of their organizations that pointed at the old
    address follow it (merged where the new address is a contact already). The new address
    is proven by the change itself, unless staff moved it (then verifying it confirms
    them). Call in a transaction."""
    confirmed_at = now() if proven else None
    organization_ids = await Membership.filter(user_id=user.id).values_list("organization_id", flat=True)
    for contact in await Contact.filter(organization_id__in=organization_ids, email=old_email):
        existing = await Contact.get_or_none(organization_id=contact.organization_id, email=user.email)
        if existing is not None:
            existing.roles = ",".join(sorted(set(existing.role_list) | set(contact.role_list)))
            existing.confirmed_at, existing.confirmation_hash = confirmed_at, None
            await existing.save(update_fields=["roles", "confirmed_at", "confirmation_hash"])
            await contact.delete()
        else:
            await Contact.filter(id=contact.id).update(email=user.email, confirmed_at=confirmed_at, confirmation_hash=None)


async def update(
    settings: Settings, client: Client, actor: User | None, contact_id: uuid.UUID, email: str | None, roles: list[ContactRole] | None
) -> Contact:
    new_email = normalize_email(email) if email is not None else None
    new_roles = _roles(roles) if roles is not None else None
    try:
        async with in_transaction():
            contact = await _locked(contact_id)
            changed = []
            if new_email is not None and new_email != contact.email:
                contact.email = new_email
                changed.append("email")
            if new_roles is not None:
                losing_primary = ContactRole.PRIMARY in contact.role_list and "PRIMARY" not in new_roles
                if losing_primary and not await _has_other_primary(contact):
                    raise Conflict(NO_PRIMARY)
                contact.roles = new_roles
                changed.append("roles")
            if changed:
                await contact.save(update_fields=changed)
            if "email" in changed:
                await _ask_confirmation(settings, client, actor, contact)
            await audit.record(
                AuditKind.CONTACT_UPDATED,
                organization_id=contact.organization_id,
                email=contact.email,
                roles=contact.roles,
            )
    except IntegrityError:
        raise Conflict("That address is a contact of this organization already.", field="email") from None
    return contact


async def remove(contact_id: uuid.UUID) -> None:
    async with in_transaction():
        contact = await _locked(contact_id)
        if ContactRole.PRIMARY in contact.role_list and not await _has_other_primary(contact):
            raise Conflict(NO_PRIMARY)
        await contact.delete()
        await audit.record(AuditKind.CONTACT_REMOVED, organization_id=contact.organization_id, email=contact.email)


async def _get(contact_id: uuid.UUID) -> Contact:
    contact = await Contact.get_or_none(id=contact_id)
    if contact is None:
        raise NotFound("No contact with that id exists.")
    return contact
