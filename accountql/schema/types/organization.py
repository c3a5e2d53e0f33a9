"""The types about an organization: itself, its members and invitations, its API keys,
SSH keys, contacts, support grants and quotas."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from accountql import models
from accountql.clock import now
from accountql.domain import api_keys, contacts, kyc, quotas, ssh_keys, support
from accountql.domain.organizations import invitations_of
from accountql.models import SupportPlan as SupportPlanRow
from accountql.schema.enums import (
    ApiKeyAccess,
    AuditKind,
    ContactRole,
    KycStatus,
    MfaLevel,
    Role,
    SupportPlan,
    SupportReason,
)
from accountql.schema.loaders import ready_or_later, selects
from accountql.schema.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    Order,
    paginate,
)
from accountql.schema.permissions import HasRole, guarded_field
from accountql.schema.types.account import User

if TYPE_CHECKING:
    from accountql.schema.types.audit import AuditEvent
    from accountql.schema.types.provider import AbuseCase

NEWEST_FIRST = Order(newest_first=True)
# What a page of memberships reads: what Membership shows and points at.
MEMBERSHIP_COLUMNS = ("id", "role", "created_at", "user_id", "organization_id")
MEMBERS = (HasRole(Role.MANAGER),)
OWNERS = (HasRole(Role.OWNER),)


@strawberry.type(description="A user's place in an organization.")
class Membership:
    id: strawberry.ID = strawberry.field(description="The membership's id.")
    role: Role = strawberry.field(description="The member's role.")
    created_at: datetime = strawberry.field(description="When the user joined.")
    row: strawberry.Private[models.Membership]

    @property
    def organization_id(self) -> uuid.UUID:
        return self.row.organization_id

    @classmethod
    def of(cls, row: models.Membership) -> Membership:
        return cls(id=strawberry.ID(str(row.id)), role=Role(row.role), created_at=row.created_at, row=row)

    @strawberry.field(description="The member.")
    def user(self, info: strawberry.Info) -> User:
        return ready_or_later(info.context.loaders.user, self.row.user_id, User.of)

    @strawberry.field(description="The organization.")
    def organization(self, info: strawberry.Info) -> Organization:
        return ready_or_later(info.context.loaders.organization, self.row.organization_id, Organization.of)


def _members_users(info: strawberry.Info):
    """For a page of members that shows their users: fetch them with the page, in one
    statement, so that each member's `user` answers at once."""
    if not selects(info, "edges", "node", "user"):
        return None

    async def prefetch(rows: list[models.Membership]) -> None:
        await info.context.loaders.user.load_many([row.user_id for row in rows])

    return prefetch


@strawberry.type(description="An invitation to join an organization, for one e-mail address.")
class Invitation:
    id: strawberry.ID = strawberry.field(description="The invitation's id (for acceptInvitation).")
    email: str = strawberry.field(description="The address it was sent to.")
    role: Role = strawberry.field(description="The role the invitee gets.")
    created_at: datetime = strawberry.field(description="When it was sent.")
    expires_at: datetime = strawberry.field(description="When it stops working.")
    row: strawberry.Private[models.Invitation]

    @classmethod
    def of(cls, row: models.Invitation) -> Invitation:
        return cls(
            id=strawberry.ID(str(row.id)),
            email=row.email,
            role=Role(row.role),
            created_at=row.created_at,
            expires_at=row.expires_at,
            row=row,
        )

    @strawberry.field(description="The organization it invites to (its data needs membership).")
    async def organization(self, info: strawberry.Info) -> Organization:
        return Organization.of(await info.context.loaders.organization.load(self.row.organization_id))


@strawberry.type(description="An API key: it acts for its organization.")
class ApiKey:
    id: strawberry.ID = strawberry.field(description="The key's id (for revokeApiKey).")
    name: str = strawberry.field(description="What the key is for.")
    access: ApiKeyAccess = strawberry.field(description="What the key may do.")
    prefix: str = strawberry.field(description="The first characters of the secret, to tell keys apart.")
    created_at: datetime = strawberry.field(description="When it was created.")
    last_used_at: datetime | None = strawberry.field(description="When it was last used, to the minute.")
    expires_at: datetime | None = strawberry.field(description="When it stops working, if ever.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked, if it was.")

    @classmethod
    def of(cls, row: models.ApiKey) -> ApiKey:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            access=ApiKeyAccess(row.access),
            prefix=row.prefix,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
        )


@strawberry.type(description="A new API key. The secret is shown this once: store it now.")
class CreatedApiKey:
    api_key: ApiKey = strawberry.field(description="The key.")
    secret: str = strawberry.field(description="Send it as 'Authorization: Bearer <secret>'. Only a hash is kept.")


@strawberry.type(description="A notification contact of an organization.")
class Contact:
    id: strawberry.ID = strawberry.field(description="The contact's id.")
    email: str = strawberry.field(description="Where notices go.")
    roles: list[ContactRole] = strawberry.field(description="What the contact is told about.")
    can_log_in: bool = strawberry.field(description="Whether a member account has this e-mail.")
    confirmed: bool = strawberry.field(
        description="Whether the address is proven (a verified account's, or its link was "
        "followed): nothing is sent to it before."
    )
    created_at: datetime = strawberry.field(description="When it was added.")

    @classmethod
    def of(cls, row: models.Contact, member_emails: set[str]) -> Contact:
        return cls(
            id=strawberry.ID(str(row.id)),
            email=row.email,
            roles=[ContactRole(role) for role in row.role_list],
            can_log_in=row.email in member_emails,
            confirmed=row.confirmed_at is not None,
            created_at=row.created_at,
        )


@strawberry.type(description="An SSH public key of a user.")
class SshKey:
    id: strawberry.ID = strawberry.field(description="The key's id (for deleteSshKey).")
    name: str = strawberry.field(description="What the key is for (a laptop's name).")
    public_key: str = strawberry.field(description="The key as one line of a .pub file.")
    key_type: str = strawberry.field(description="ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa.")
    bits: int = strawberry.field(description="The key's size in bits.")
    fingerprint: str = strawberry.field(description="As `ssh-keygen -lf` prints it: SHA256:…")
    created_at: datetime = strawberry.field(description="When it was added.")
    row: strawberry.Private[models.SshKey]

    @classmethod
    def of(cls, row: models.SshKey) -> SshKey:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            public_key=row.public_key,
            key_type=row.key_type,
            bits=row.bits,
            fingerprint=row.fingerprint,
            created_at=row.created_at,
            row=row,
        )

    @strawberry.field(description="Whose key it is.")
    async def user(self, info: strawberry.Info) -> User:
        return User.of(await info.context.loaders.user.load(self.row.user_id))


@strawberry.type(description="Leave for platform staff to act in an organization as a MANAGER.")
class SupportGrant:
    id: strawberry.ID = strawberry.field(description="The grant's id (for revokeSupportAccess).")
    reason: SupportReason = strawberry.field(description="Why support may act.")
    created_at: datetime = strawberry.field(description="When it was given.")
    expires_at: datetime = strawberry.field(description="When it ends (24 hours at most).")
    revoked_at: datetime | None = strawberry.field(description="When an owner ended it early, if one did.")
    active: bool = strawberry.field(description="Whether staff may act under it now.")

    @classmethod
    def of(cls, row: models.SupportGrant) -> SupportGrant:
        return cls(
            id=strawberry.ID(str(row.id)),
            reason=SupportReason(row.reason),
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            active=row.revoked_at is None and row.expires_at > now(),
        )


@strawberry.type(description="How much of a product's resource the organization may use, and uses.")
class Quota:
    product: str = strawberry.field(description="The product, e.g. instances.")
    resource: str = strawberry.field(description="The resource of the product, e.g. GP1-S.")
    limit: int = strawberry.field(description="How many the organization may use.")
    used: int = strawberry.field(description="How many it uses now.")

    @classmethod
    def of(cls, view: quotas.QuotaView) -> Quota:
        return cls(product=view.product, resource=view.resource, limit=view.limit, used=view.used)


@strawberry.type(description="An organization: members share its resources, keys and settings.")
class Organization:
    id: strawberry.ID = strawberry.field(description="The organization's id.")
    name: str = strawberry.field(description="The organization's name.")
    mfa_enforced: bool = strawberry.field(description="Whether every member must use multi-factor authentication.")
    mfa_grace_until: datetime | None = strawberry.field(
        description="While MFA is enforced with a grace period: when members without MFA lose access."
    )
    mfa_level: MfaLevel = strawberry.field(
        description="What counts as MFA while it is enforced: any second factor, or passkeys only."
    )
    row: strawberry.Private[models.Organization]

    @property
    def organization_id(self) -> uuid.UUID:
        return self.row.id

    @classmethod
    def of(cls, row: models.Organization) -> Organization:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            mfa_enforced=row.mfa_enforced,
            mfa_grace_until=row.mfa_grace_until,
            mfa_level=MfaLevel(row.mfa_level),
            row=row,
        )

    # Every field past id, name and the MFA requirement is the organization's data: each is
    # guarded, so that a member blocked by MFA enforcement reaches none of it on any path
    # (organization(id:), me.memberships, invitations), and sees only why it is blocked.
    # They are nullable so that a refusal stays on its field: a non-null one would null
    # the whole `me` of a blocked member, leaving no blocked view to show.
    @guarded_field(MEMBERS, description="When the organization was created.")
    def created_at(self) -> datetime | None:
        return self.row.created_at

    @guarded_field(MEMBERS, description="The members, oldest first.")
    async def members(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[Membership] | None:
        return await paginate(
            models.Membership.filter(organization_id=self.row.id), Membership.of,
            info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
            prefetch=_members_users(info), columns=MEMBERSHIP_COLUMNS,
        )

    @guarded_field(OWNERS, description="Invitations not yet accepted nor expired, newest first.")
    async def invitations(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[Invitation] | None:
        return await paginate(
            invitations_of(self.row.id), Invitation.of, info.context.settings.max_page_size,
            first=first, after=after, last=last, before=before, order=NEWEST_FIRST,
        )

    @guarded_field((HasRole(Role.MANAGER, api_keys=False),), description="The organization's API keys, newest first (never their secrets).")
    async def api_keys(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[ApiKey] | None:
        return await paginate(
            api_keys.of_organization(self.row.id), ApiKey.of, info.context.settings.max_page_size,
            first=first, after=after, last=last, before=before, order=NEWEST_FIRST,
        )

    @guarded_field(MEMBERS, description="Where the organization's notifications go, oldest first.")
    async def contacts(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[Contact] | None:
        members = await contacts.member_emails(self.row.id)
        return await paginate(
            contacts.of_organization(self.row.id), lambda row: Contact.of(row, members),
            info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
        )

    @guarded_field(MEMBERS, description="The SSH public keys of the members, for provisioning machines; oldest first.")
    async def ssh_keys(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[SshKey] | None:
        return await paginate(
            ssh_keys.of_organization_members(self.row.id), SshKey.of, info.context.settings.max_page_size,
            first=first, after=after, last=last, before=before,
        )

    @guarded_field(OWNERS, description="The organization's security audit log, newest first.")
    async def audit_events(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        kinds: Annotated[list[AuditKind] | None, strawberry.argument(description="Only these kinds.")] = None,
        since: Annotated[datetime | None, strawberry.argument(description="Only events at or after this time.")] = None,
        until: Annotated[datetime | None, strawberry.argument(description="Only events before this time.")] = None,
    ) -> Connection[Annotated[AuditEvent, strawberry.lazy("accountql.schema.types.audit")]] | None:
        from accountql.domain import audit_log
        from accountql.schema.types.audit import audit_page

        return await audit_page(info, audit_log.of_organization(self.row.id), first, after, last, before, kinds, since, until)

    @guarded_field(MEMBERS, description="Abuse cases against the organization's resources, newest first.")
    async def abuse_cases(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[Annotated[AbuseCase, strawberry.lazy("accountql.schema.types.provider")]] | None:
        from accountql.domain import abuse
        from accountql.schema.types.provider import AbuseCase

        return await paginate(
            abuse.cases_of(self.row.id), AbuseCase.of, info.context.settings.max_page_size,
            first=first, after=after, last=last, before=before, order=NEWEST_FIRST,
        )

    @guarded_field(MEMBERS, description="Where the organization's identity verification stands.")
    async def kyc_status(self) -> KycStatus | None:
        return KycStatus(await kyc.status_of(self.row.id))

    @guarded_field(MEMBERS, description="The support plan.")
    def support_plan(self) -> SupportPlan | None:
        return SupportPlan(self.row.support_plan)

    @guarded_field(MEMBERS, description="The plan's guaranteed time to a first answer, in minutes.")
    def support_response_minutes(self) -> int | None:
        return quotas.RESPONSE_MINUTES[SupportPlanRow(self.row.support_plan)]

    @guarded_field(MEMBERS, description="Quotas with their usage (a short list: one per product and resource).")
    async def quotas(self, info: strawberry.Info) -> list[Quota] | None:
        return [Quota.of(view) for view in await quotas.of_organization(info.context.settings, self.row.id)]

    @guarded_field(MEMBERS, description="Support access grants, newest first.")
    async def support_grants(
        self, info: strawberry.Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> Connection[SupportGrant] | None:
        return await paginate(
            support.of_organization(self.row.id), SupportGrant.of, info.context.settings.max_page_size,
            first=first, after=after, last=last, before=before, order=NEWEST_FIRST,
        )
