import strawberry

from accountql.domain import contacts
from accountql.models import ContactRole as RoleRow
from accountql.schema.inputs import (
    AddContactInput,
    ConfirmContactInput,
    RemoveContactInput,
    UpdateContactInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import Contact


def _roles(roles) -> list[RoleRow] | None:
    return None if roles is None else [RoleRow(role.value) for role in roles]


async def _actor(context):
    """The signed-in user acting, or None for an API key (it acts for the organization)."""
    return None if context.uses_api_key else await context.user()


async def _shaped(row) -> Contact:
    return Contact.of(row, await contacts.member_emails(row.organization_id))


async def add_contact(info: strawberry.Info, input: AddContactInput) -> Contact:
    context = info.context
    row = await contacts.add(
        context.settings, context.client, await _actor(context), parse_id(input.organization_id, "input.organizationId"),
        input.email, _roles(input.roles),
    )
    return await _shaped(row)


async def update_contact(info: strawberry.Info, input: UpdateContactInput) -> Contact:
    context = info.context
    row = await contacts.update(
        context.settings, context.client, await _actor(context), parse_id(input.id, "input.id"), input.email, _roles(input.roles)
    )
    return await _shaped(row)


async def remove_contact(info: strawberry.Info, input: RemoveContactInput) -> bool:
    await contacts.remove(parse_id(input.id, "input.id"))
    return True


async def confirm_contact(info: strawberry.Info, input: ConfirmContactInput) -> bool:
    await contacts.confirm(info.context.settings, input.token)
    return True
