"""Access checks as Strawberry permission classes. Each prints as a schema directive on the
fields it guards, so the SDL tells a client which fields need what."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from graphql import OperationType
from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.schema_directive import Location

from accountql.domain import mfa_enforcement, organizations, reauthentication
from accountql.errors import BadUserInput, Forbidden, MfaRequired, not_found
from accountql.models import ApiKeyAccess
from accountql.schema.enums import Role


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="isAuthenticated",
    description="Needs a valid session token.",
)
class IsAuthenticatedDirective:
    pass


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="readWrite",
    description="Changes the organization's resources: a READ_ONLY API key gets FORBIDDEN.",
)
class ReadWriteDirective:
    pass


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="hasRole",
    description=(
        "Needs membership of the organization the field belongs to, with this role at least "
        "(MANAGER: any member; OWNER: owners only). Outsiders get NOT_FOUND."
    ),
)
class HasRoleDirective:
    role: Role


HAS_ROLE_ARGUMENT = "The least role needed: MANAGER (any member) or OWNER."


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="requiresReauthentication",
    description=(
        "A sensitive change: needs a password (and second-factor) proof from the last few "
        "minutes, by logIn or reauthenticate; REAUTHENTICATION_REQUIRED otherwise."
    ),
)
class RequiresReauthenticationDirective:
    pass


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="isStaff",
    description="For platform staff only (granted with `accountql staff grant`).",
)
class IsStaffDirective:
    pass


class IsStaff(BasePermission):
    """The caller is platform staff."""

    _schema_directive = IsStaffDirective()

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        if not (await info.context.user()).is_staff:
            raise Forbidden("This is for platform staff only.")
        return True


class RecentlyReauthenticated(BasePermission):
    """The caller's session proved the password (and second factor) recently: sudo mode."""

    _schema_directive = RequiresReauthenticationDirective()

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        reauthentication.require_recent(info.context.settings, await info.context.session())
        return True


class IsAuthenticated(BasePermission):
    """The caller has a live session. An account created while ACCOUNTQL_REQUIRE_MFA is on
    can use only the fields marked `mfa_exempt` (me, enrollment, logOut) until enrolled."""

    _schema_directive = IsAuthenticatedDirective()

    def __init__(self, mfa_exempt: bool = False, api_keys: bool = False) -> None:
        self.mfa_exempt = mfa_exempt
        self.api_keys = api_keys

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        if self.api_keys and info.context.uses_api_key:
            await info.context.api_key()  # raises UNAUTHENTICATED; HasRole checks the rest
            return True
        user = await info.context.user()  # raises UNAUTHENTICATED, or FORBIDDEN for a key
        if user.mfa_required and not user.mfa_enabled and not self.mfa_exempt:
            raise MfaRequired(
                "This server requires multi-factor authentication: turn it on with "
                "beginMfaEnrollment and confirmMfaEnrollment, then try again."
            )
        return True


OrganizationOf = Callable[[dict[str, Any]], Awaitable[uuid.UUID | None]]


class HasRole(BasePermission):
    """The caller is a member of the field's organization, with at least `role`.

    The organization is the parent object's, or named by the arguments; for a mutation that
    names only an object (`cancelInvitation(id:)`), `organization_of` looks it up, and an
    object that does not exist answers NOT_FOUND like one in another organization."""

    def __init__(
        self,
        role: Role,
        organization_of: OrganizationOf | None = None,
        kind: str = "organization",
        api_keys: bool = True,
        support: bool = True,
        mfa_gate: bool = True,
    ) -> None:
        self.role = role
        # Whether MFA enforcement applies here. The root `organization(id:)` lets a blocked
        # member through to the organization's identity (its fields check for themselves),
        # so that a client can show why the rest is refused.
        self.mfa_gate = mfa_gate
        self.organization_of = organization_of
        self.kind = kind
        # Whether an API key of the organization may use the field at all; it never may
        # where OWNER is needed (members, roles, MFA enforcement) nor on other API keys.
        self.api_keys = api_keys and role != Role.OWNER
        # Whether staff under a support grant may use it: never for what outlives the grant
        # (API keys, contacts that keep receiving the organization's mail).
        self.support = support
        self._schema_directive = HasRoleDirective(role=role)

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        if self.organization_of is not None:
            organization_id = await self.organization_of(kwargs)
        else:
            organization_id = organization_id_of(source, kwargs)
        if info.context.uses_api_key:
            return await self._api_key_may(info, organization_id)
        membership = organization_id and await info.context.membership(organization_id)
        if not membership:
            raise not_found(self.kind)
        if getattr(membership, "via_support", False) and not self.support:
            raise Forbidden(
                "Support access cannot create what outlives it (API keys, contacts): ask an "
                "owner of the organization."
            )
        organization = membership.organization
        session = await info.context.session()
        if self.mfa_gate and mfa_enforcement.blocks(organization, session.user, session):
            raise MfaRequired(
                mfa_enforcement.blocked_message(organization, session.user),
                organizationId=str(organization.id),
                level=organization.mfa_level.value,
            )
        if self.role == Role.OWNER and membership.role != Role.OWNER:
            raise Forbidden(
                "Only an owner of this organization can do this: ask one of its owners."
            )
        return True


    async def _api_key_may(self, info: strawberry.Info, organization_id: uuid.UUID | None) -> bool:
        key = await info.context.api_key()
        if organization_id != key.organization_id:
            raise not_found(self.kind)
        if not self.api_keys:
            raise Forbidden(
                "API keys cannot manage members, roles, MFA enforcement or API keys: "
                "sign in as an owner or manager."
            )
        if is_mutation(info) and key.access != ApiKeyAccess.READ_WRITE:
            raise Forbidden(READ_ONLY_KEY)
        if self.mfa_gate and await mfa_enforcement.blocks_key(key):
            # A key speaks for the member who made it: one that enforcement keeps out must
            # not keep reading through it (it works again once they turn MFA on).
            raise MfaRequired(
                "The member who created this API key does not meet the organization's "
                "multi-factor authentication rule: they must turn MFA on (or an owner makes "
                "a new key) before it works again.",
                organizationId=str(key.organization_id),
            )
        return True


READ_ONLY_KEY = "This API key is read-only: use a READ_WRITE key to change anything."


def is_mutation(info: strawberry.Info) -> bool:
    return info.operation.operation == OperationType.MUTATION


class ReadWrite(BasePermission):
    """Changes the organization's resources: READ_ONLY API keys are refused."""

    _schema_directive = ReadWriteDirective()

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        if info.context.uses_api_key and (await info.context.api_key()).access != ApiKeyAccess.READ_WRITE:
            raise Forbidden(READ_ONLY_KEY)
        return True


def object_of(model: type) -> OrganizationOf:
    """For a mutation that names an object by `input.id` (or a query by `id`): its
    organization."""

    async def lookup(arguments: dict[str, Any]) -> uuid.UUID | None:
        if "input" in arguments:
            object_id = parse_id(arguments["input"].id, "input.id")
        else:
            object_id = parse_id(arguments["id"], "id")
        return await organizations.organization_of(model, object_id)

    return lookup


def organization_id_of(source: Any, kwargs: dict[str, Any]) -> uuid.UUID:
    """Which organization a guarded field is about: its parent object, or the argument that
    names it. A malformed id is reported at the path the client wrote (`id`,
    `input.organizationId`)."""
    organization_id = getattr(source, "organization_id", None)
    if organization_id is not None:
        return organization_id
    payload = kwargs.get("input")
    if payload is not None and getattr(payload, "organization_id", None) is not None:
        return parse_id(payload.organization_id, "input.organizationId")
    for name, path in (("organization_id", "organizationId"), ("id", "id")):
        if kwargs.get(name) is not None:
            return parse_id(kwargs[name], path)
    return parse_id(None, "id")


def parse_id(value: Any, field: str) -> uuid.UUID:
    """A UUID, or BAD_USER_INPUT naming `field` (the argument's path as the client wrote it)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        name = field.rsplit(".", 1)[-1]
        raise BadUserInput(f"{name} is not a valid id: ids are UUIDs.", field=field) from None


def guard(*permissions: BasePermission, mfa_exempt: bool = False) -> list[FieldExtension]:
    """Field extensions that check the caller (a session, or an API key where a HasRole
    lets keys in), then `permissions` in order, and print them as directives."""
    api_keys = any(getattr(p, "api_keys", False) for p in permissions)
    return [PermissionExtension(permissions=[IsAuthenticated(mfa_exempt, api_keys), *permissions])]


def who_may(permissions: tuple[BasePermission, ...], mfa_exempt: bool = False) -> str:
    """The sentence a guarded field's description ends with: who may use it. Made from
    the permissions themselves, so that it cannot say something else than they check."""
    role = next((p for p in permissions if isinstance(p, HasRole)), None)
    if any(isinstance(p, IsStaff) for p in permissions):
        who = "Platform staff only."
    elif role is not None and role.role == Role.OWNER:
        who = "Owners of the organization only."
    elif role is not None:
        who = "Members of the organization" + (" and its API keys." if role.api_keys else " only.")
    else:
        who = "Signed-in users" + (" (also before enrolling when the server requires MFA)." if mfa_exempt else ".")
    if any(isinstance(p, ReadWrite) for p in permissions) and role is not None and role.api_keys:
        who += " READ_ONLY keys are refused."
    if any(isinstance(p, RecentlyReauthenticated) for p in permissions):
        who += " Needs a password proof from the last few minutes (reauthenticate)."
    return who


def guarded_field(
    permissions: tuple[BasePermission, ...] = (),
    *,
    description: str,
    mfa_exempt: bool = False,
    mutation: bool = False,
    extensions: tuple[FieldExtension, ...] = (),
    **options: Any,
):
    """A guarded field (or mutation): its permissions as directives, and who may use it at
    the end of its description."""
    make = strawberry.mutation if mutation else strawberry.field
    return make(
        description=f"{description} {who_may(permissions, mfa_exempt)}",
        extensions=[*extensions, *guard(*permissions, mfa_exempt=mfa_exempt)],
        **options,
    )
