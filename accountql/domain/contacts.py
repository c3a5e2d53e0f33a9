"""An organization's notification contacts, and the one function that picks who gets a
notification: PRIMARY contacts get every kind, the others only their own."""

from __future__ import annotations

import uuid

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.domain.accounts import normalize_email
from accountql.domain.organizations import lock_organization
from accountql.errors import BadUserInput, Conflict, NotFound
from accountql.models import AuditKind, Contact, ContactRole, Membership

NO_PRIMARY = "An organization always has a PRIMARY contact: give the role to another contact first."


def _roles(roles: list[ContactRole]) -> str:
    if not roles:
        raise BadUserInput("Give a contact at least one role.", field="roles")
    return ",".join(sorted({ContactRole(role).value for role in roles}))


async def recipients(organization_id: uuid.UUID, kind: ContactRole) -> list[str]:
    """Who receives a notification of this kind."""
    contacts = await Contact.filter(organization_id=organization_id).order_by("created_at")
    return [
        c.email for c in contacts if ContactRole.PRIMARY in c.role_list or kind in c.role_list
    ]


async def notify(organization_id: uuid.UUID, kind: ContactRole, message_kind: str, subject: str, body: str) -> None:
    """Queue a notification to the organization's contacts for this kind."""
    for email in await recipients(organization_id, kind):
        await outbox.send_email(email, message_kind, subject, body)


async def of_organization(organization_id: uuid.UUID) -> list[Contact]:
    return await Contact.filter(organization_id=organization_id).order_by("created_at")


async def member_emails(organization_id: uuid.UUID) -> set[str]:
    rows = await Membership.filter(organization_id=organization_id).values_list("user__email", flat=True)
    return set(rows)


async def add(organization_id: uuid.UUID, email: str, roles: list[ContactRole]) -> Contact:
    email = normalize_email(email)
    try:
        async with in_transaction():
            contact = await Contact.create(organization_id=organization_id, email=email, roles=_roles(roles))
            await audit.record(AuditKind.CONTACT_ADDED, organization_id=organization_id, email=email, roles=contact.roles)
            return contact
    except IntegrityError:
        raise Conflict("That address is a contact of this organization already.", field="email") from None


async def _has_other_primary(contact: Contact) -> bool:
    others = await Contact.filter(organization_id=contact.organization_id).exclude(id=contact.id)
    return any(ContactRole.PRIMARY in other.role_list for other in others)


async def update(contact_id: uuid.UUID, email: str | None, roles: list[ContactRole] | None) -> Contact:
    try:
        async with in_transaction():
            contact = await _get(contact_id)
            await lock_organization(contact.organization_id)
            if email is not None:
                contact.email = normalize_email(email)
            if roles is not None:
                new_roles = _roles(roles)
                losing_primary = ContactRole.PRIMARY in contact.role_list and "PRIMARY" not in new_roles
                if losing_primary and not await _has_other_primary(contact):
                    raise Conflict(NO_PRIMARY)
                contact.roles = new_roles
            await contact.save(update_fields=["email", "roles"])
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
        contact = await _get(contact_id)
        await lock_organization(contact.organization_id)
        if ContactRole.PRIMARY in contact.role_list and not await _has_other_primary(contact):
            raise Conflict(NO_PRIMARY)
        await contact.delete()
        await audit.record(AuditKind.CONTACT_REMOVED, organization_id=contact.organization_id, email=contact.email)


async def _get(contact_id: uuid.UUID) -> Contact:
    contact = await Contact.get_or_none(id=contact_id)
    if contact is None:
        raise NotFound("No contact with that id exists.")
    return contact


async def organization_of(contact_id: uuid.UUID) -> uuid.UUID | None:
    contact = await Contact.get_or_none(id=contact_id).only("id", "organization_id")
    return contact.organization_id if contact else None
