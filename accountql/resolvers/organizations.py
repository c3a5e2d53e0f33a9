
import strawberry

from accountql.domain import organizations
from accountql.errors import not_found
from accountql.models import Organization as OrganizationRow
from accountql.schema.inputs import (
    ChangeMemberRoleInput,
    CreateOrganizationInput,
    InviteMemberInput,
    RemoveMemberInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import Invitation, Membership, Organization


async def organization(info: strawberry.Info, id: strawberry.ID) -> Organization:
    row = await OrganizationRow.get_or_none(id=parse_id(id, "id"))
    if row is None:
        raise not_found("organization")
    return Organization.of(row)


async def my_invitations(info: strawberry.Info) -> list[Invitation]:
    rows = await organizations.pending_invitations(await info.context.user())
    return [Invitation.of(row) for row in rows]


async def create_organization(info: strawberry.Info, input: CreateOrganizationInput) -> Organization:
    row = await organizations.create_organization(await info.context.user(), input.name)
    return Organization.of(row)


async def invite_member(info: strawberry.Info, input: InviteMemberInput) -> Invitation:
    row = await organizations.invite_member(
        info.context.settings,
        info.context.client,
        await info.context.user(),
        parse_id(input.organization_id, "organizationId"),
        input.email,
        input.role,
    )
    return Invitation.of(row)


async def accept_invitation(info: strawberry.Info, id: strawberry.ID) -> Membership:
    row = await organizations.accept_invitation(await info.context.user(), parse_id(id, "id"))
    info.context.forget_memberships()
    return Membership.of(row)


async def change_member_role(info: strawberry.Info, input: ChangeMemberRoleInput) -> Membership:
    row = await organizations.change_member_role(
        await info.context.user(),
        parse_id(input.organization_id, "organizationId"),
        parse_id(input.user_id, "userId"),
        input.role,
    )
    info.context.forget_memberships()
    return Membership.of(row)


async def remove_member(info: strawberry.Info, input: RemoveMemberInput) -> bool:
    await organizations.remove_member(
        await info.context.user(),
        parse_id(input.organization_id, "organizationId"),
        parse_id(input.user_id, "userId"),
    )
    info.context.forget_memberships()
    return True


async def leave_organization(info: strawberry.Info, organization_id: strawberry.ID) -> bool:
    await organizations.leave_organization(
        await info.context.user(), parse_id(organization_id, "organizationId")
    )
    info.context.forget_memberships()
    return True


async def cancel_invitation(info: strawberry.Info, id: strawberry.ID) -> bool:
    await organizations.cancel_invitation(parse_id(id, "id"))
    return True
