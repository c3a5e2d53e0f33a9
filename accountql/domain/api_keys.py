"""API keys of an organization: created by its owners and managers, shown once."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.transactions import in_transaction

from accountql import audit
from accountql.auth import api_keys
from accountql.clock import now
from accountql.domain import contacts, notices
from accountql.domain.accounts import clean_name
from accountql.errors import BadUserInput, NotFound
from accountql.models import (
    ApiKey,
    ApiKeyAccess,
    AuditKind,
    ContactRole,
    Organization,
    User,
)


async def create(
    secret_key: str,
    creator: User,
    organization_id: uuid.UUID,
    name: str,
    access: ApiKeyAccess,
    expires_at: datetime | None,
) -> tuple[ApiKey, str]:
    name = clean_name(name, field="name", max_length=100)
    if expires_at is not None:
        if expires_at.tzinfo is None:
            raise BadUserInput("expiresAt needs a time zone, e.g. 2027-01-01T00:00:00Z.", field="expiresAt")
        if expires_at <= now():
            raise BadUserInput("expiresAt is in the past: choose a later time.", field="expiresAt")
    secret = api_keys.new_secret()
    async with in_transaction():
        key = await ApiKey.create(
            organization_id=organization_id,
            name=name,
            access=access,
            prefix=secret[: api_keys.VISIBLE],
            secret_hash=api_keys.secret_hash(secret_key, secret),
            created_by=creator,
            expires_at=expires_at,
        )
        await audit.record(
            AuditKind.API_KEY_CREATED, organization_id=organization_id, key=key.id, name=name, access=access
        )
        await contacts.notify(
            organization_id,
            ContactRole.TECHNICAL,
            "api_key_created",
            f"A new API key: {name}",
            f"{creator.email} created the {access.value} API key {name!r} ({key.prefix}…). "
            "If you did not expect it, revoke it in the organization's settings.",
        )
        organization = await Organization.get(id=organization_id)
        await notices.tell(creator, f"you created the API key {name!r} for {organization.name}")
    return key, secret


async def revoke(key_id: uuid.UUID) -> ApiKey:
    """Ends the key at once (the permission has checked the caller may)."""
    async with in_transaction():
        revoked = await ApiKey.filter(id=key_id, revoked_at=None).update(revoked_at=now())
        key = await ApiKey.get_or_none(id=key_id)
        if key is None:
            raise NotFound("No API key with that id exists.")
        if revoked:
            await audit.record(
                AuditKind.API_KEY_REVOKED, organization_id=key.organization_id, key=key.id, name=key.name
            )
    return key


def of_organization(organization_id: uuid.UUID):
    """The organization's API keys (a query: the caller pages it)."""
    return ApiKey.filter(organization_id=organization_id)
