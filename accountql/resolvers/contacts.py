
import strawberry

from accountql.domain import contacts
from accountql.models import ContactRole as RoleRow
from accountql.schema.inputs import AddContactInput, UpdateContactInput
from accountql.schema.permissions import parse_id
from accountql.schema.types import Contact


def _roles(roles) -> list[RoleRow] | None:
    return None if roles is None else [RoleRow(role.value) for role in roles]


async def _shaped(row) -> Contact:
    return Contact.of(row, await contacts.member_emails(row.organization_id))


async def add_contact(info: strawberry.Info, input: AddContactInput) -> Contact:
    row = await contacts.add(parse_id(input.organization_id, "organizationId"), input.email, _roles(input.roles))
    return await _shaped(row)


async def update_contact(info: strawberry.Info, input: UpdateContactInput) -> Contact:
    row = await contacts.update(parse_id(input.id, "id"), input.email, _roles(input.roles))
    return await _shaped(row)


async def remove_contact(info: strawberry.Info, id: strawberry.ID) -> bool:
    await contacts.remove(parse_id(id, "id"))
    return True
