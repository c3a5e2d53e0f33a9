import strawberry

from accountql.schema.enums import Role


@strawberry.input
class SignUpInput:
    email: str
    password: str
    name: str


@strawberry.input
class LogInInput:
    email: str
    password: str


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.input
class CreateOrganizationInput:
    name: str


@strawberry.input
class InviteMemberInput:
    organization_id: strawberry.ID
    email: str
    role: Role = Role.MANAGER


@strawberry.input
class ChangeMemberRoleInput:
    organization_id: strawberry.ID
    user_id: strawberry.ID
    role: Role


@strawberry.input
class RemoveMemberInput:
    organization_id: strawberry.ID
    user_id: strawberry.ID
