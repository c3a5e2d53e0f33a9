"""DataLoaders: the rows a page's items point at (a membership's user and organization,
an SSH key's owner, an audit event's actor), fetched in one statement per kind and page
instead of one per item.

Built per request (RequestContext.loaders), never shared: their cache holds what one
caller may see, and must not outlive the request nor reach another user.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from accountql.models import ApiKey, Organization, User

# What a list shows of a user: every column but the password hash, which no type shows
# and which is the one secret of the row (and its longest text).
USER_COLUMNS = tuple(name for name in User._meta.fields_db_projection if name != "password_hash")
API_KEY_COLUMNS = ("id", "organization_id", "name", "access", "prefix", "created_at", "expires_at",
                   "revoked_at", "last_used_at", "created_by_id")


def _by_id(model: type[Model], columns: tuple[str, ...] | None = None):
    """A batch function: the rows of `model` with the given ids, in the keys' order (None
    for an id with no row: deleted since, or never there)."""

    async def load(keys: list[uuid.UUID]) -> list[Model | None]:
        query = model.filter(id__in=set(keys))
        if columns is not None:
            query = query.only(*columns)
        rows = {row.id: row for row in await query}
        return [rows.get(key) for key in keys]

    return load


@dataclass
class Loaders:
    user: DataLoader[uuid.UUID, User | None] = field(
        default_factory=lambda: DataLoader(load_fn=_by_id(User, USER_COLUMNS))
    )
    organization: DataLoader[uuid.UUID, Organization | None] = field(
        default_factory=lambda: DataLoader(load_fn=_by_id(Organization))
    )
    api_key: DataLoader[uuid.UUID, ApiKey | None] = field(
        default_factory=lambda: DataLoader(load_fn=_by_id(ApiKey, API_KEY_COLUMNS))
    )

    def know_organizations(self, rows: Iterable[Organization]) -> None:
        """Rows this request already holds (its memberships' organizations): a page that
        points at them needs no statement."""
        for row in rows:
            self.organization.prime(row.id, row)

    async def user_or_none(self, user_id: uuid.UUID | None) -> User | None:
        return None if user_id is None else await self.user.load(user_id)
