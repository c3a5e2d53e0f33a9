from typing import Annotated

import strawberry

from accountql.domain import deletion, organizations
from accountql.errors import not_found
from accountql.schema.inputs import (
    AcceptInvitationInput,
    CancelInvitationInput,
    ChangeMemberRoleInput,
    CreateOrganizationInput,
    DeleteOrganizationInput,
    InviteMemberInput,
    LeaveOrganizationInput,
    RemoveMemberInput,
    RenameOrganizationInput,
)
from accountql.schema.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    Order,
    paginate,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import Invitation, Membership, Organization


async def organization(
    info: strawberry.Info, id: Annotated[strawberry.ID, strawberry.argument(description="The organization's id.")]
) -> Organization:
    organization_id = parse_id(id, "id")
    # The permission check has just read the caller's membership with its organization:
    # the same row, not a second statement.
    row = await info.context.loaders.organization.load(organization_id)
    if row is None:
        raise not_found("organization")
    return Organization.of(row)


async def my_invitations(
    info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
) -> Connection[Invitation]:
    return await paginate(
        organizations.pending_invitations(await info.context.user()), Invitation.of,
        info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
        order=Order(newest_first=True),
    )


async def create_organization(info: strawberry.Info, input: CreateOrganizationInput) -> Organization:
    return Organization.of(await organizations.create_organization(await info.context.user(), input.name))


async def invite_member(info: strawberry.Info, input: InviteMemberInput) -> Invitation:
    row = await organizations.invite_member(
        info.context.settings,
        info.context.client,
        await info.context.user(),
        parse_id(input.organization_id, "input.organizationId"),
        input.email,
        input.role,
    )
    return Invitation.of(row)


async def accept_invitation(info: strawberry.Info, input: AcceptInvitationInput) -> Membership:
    row = await organizations.accept_invitation(await info.context.user(), parse_id(input.id, "input.id"))
    info.context.forget_memberships()
    return Membership.of(row)


async def change_member_role(info: strawberry.Info, input: ChangeMemberRoleInput) -> Membership:
    row = await organizations.change_member_role(
        await info.context.user(),
        parse_id(input.organization_id, "input.organizationId"),
        parse_id(input.user_id, "input.userId"),
        input.role,
    )
    info.context.forget_memberships()
    return Membership.of(row)


async def remove_member(info: strawberry.Info, input: RemoveMemberInput) -> bool:
    await organizations.remove_member(
        await info.context.user(),
        parse_id(input.organization_id, "input.organizationId"),
        parse_id(input.user_id, "input.userId"),
    )
    info.context.forget_memberships()
    return True


async def leave_organization(info: strawberry.Info, input: LeaveOrganizationInput) -> bool:
    await organizations.leave_organization(
        await info.context.user(), parse_id(input.organization_id, "input.organizationId")
    )
    info.context.forget_memberships()
    return True


async def cancel_invitation(info: strawberry.Info, input: CancelInvitationInput) -> bool:
    await organizations.cancel_invitation(parse_id(input.id, "input.id"))
    return True


async def rename_organization(info: strawberry.Info, input: RenameOrganizationInput) -> Organization:
    organization_id = parse_id(input.organization_id, "input.organizationId")
    return Organization.of(await organizations.rename_organization(organization_id, input.name))


async def delete_organization(info: strawberry.Info, input: DeleteOrganizationInput) -> bool:
    await deletion.delete_organization(
        info.context.settings, await info.context.user(),
        parse_id(input.organization_id, "input.organizationId"), input.confirm_name,
    )
    return True
