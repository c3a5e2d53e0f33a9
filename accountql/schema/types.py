"""The object types. Each wraps a model row and exposes what the contract names."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from accountql import models
from accountql.auth import sessions
from accountql.clock import now
from accountql.domain import (
    abuse,
    audit_log,
    contacts,
    kyc,
    quotas,
    reauthentication,
    ssh_keys,
    support,
)
from accountql.domain.api_keys import of_organization as api_keys_of
from accountql.domain.mfa import backup_codes_remaining
from accountql.domain.organizations import invitations_of
from accountql.models import AuditKind as AuditKindRow
from accountql.models import LoginAttempt as LoginAttemptRow
from accountql.models import Membership as MembershipRow
from accountql.models import SupportPlan as SupportPlanRow
from accountql.schema.enums import (
    AbuseReason,
    ApiKeyAccess,
    AuditKind,
    ContactRole,
    KycDocumentType,
    KycStatus,
    LoginMethod,
    MfaMethod,
    Role,
    SecondFactor,
    SupportPlan,
    SupportReason,
)
from accountql.schema.pagination import Connection, paginate
from accountql.schema.permissions import HasRole, guard


@strawberry.type(description="A signed-in device or browser. Lasts one hour from sign-in.")
class Session:
    id: strawberry.ID
    created_at: datetime
    expires_at: datetime
    last_seen_at: datetime
    ip_address: str | None
    user_agent: str | None
    current: bool
    support: bool = strawberry.field(description="Used by platform staff under a support grant.")
    row: strawberry.Private[models.Session]

    @strawberry.field(
        description="Until when this session may make sensitive changes without calling "
        "reauthenticate (null: it must call it first)."
    )
    def reauthenticated_until(self, info: strawberry.Info) -> datetime | None:
        return reauthentication.valid_until(info.context.settings, self.row)

    @classmethod
    def of(cls, row: models.Session, current_id: uuid.UUID | None) -> Session:
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            created_at=row.created_at,
            expires_at=row.expires_at,
            last_seen_at=row.last_seen_at,
            ip_address=row.ip_address,
            user_agent=row.user_agent,
            current=row.id == current_id,
            support=row.support,
        )


@strawberry.type(description="One login attempt on the account, failed or not.")
class LoginAttempt:
    at: datetime
    ip_address: str | None
    user_agent: str | None
    succeeded: bool
    method: LoginMethod
    second_factor: SecondFactor | None = strawberry.field(
        description="The second factor presented, when the attempt got that far."
    )

    @classmethod
    def of(cls, row: LoginAttemptRow) -> LoginAttempt:
        return cls(
            at=row.at,
            ip_address=row.ip_address,
            user_agent=row.user_agent,
            succeeded=row.succeeded,
            method=LoginMethod(row.method),
            second_factor=SecondFactor(row.second_factor) if row.second_factor else None,
        )


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    name: str
    created_at: datetime
    last_login_at: datetime | None
    row: strawberry.Private[models.User]

    @classmethod
    def of(cls, row: models.User) -> User:
        return cls(
            id=strawberry.ID(str(row.id)),
            email=row.email,
            name=row.name,
            created_at=row.created_at,
            last_login_at=row.last_login_at,
            row=row,
        )

    @strawberry.field(
        description="Whether a link sent to the address was followed. Until then the account "
        "cannot accept invitations nor receive notices."
    )
    def email_verified(self) -> bool:
        return self.row.email_verified

    @strawberry.field(description="Whether the user has multi-factor authentication on.")
    def mfa_enabled(self) -> bool:
        return self.row.mfa_enabled

    @strawberry.field(description="The second factor logIn asks for once MFA is on.")
    def mfa_method(self) -> MfaMethod:
        return MfaMethod(self.row.mfa_method)

    @strawberry.field(description="The verified phone number (E.164). Only the user sees it.")
    def phone_number(self, info: strawberry.Info) -> str | None:
        return self.row.phone_number if self._is_viewer(info) else None

    @strawberry.field(description="Whether every login attempt is e-mailed to the user.")
    def login_notifications(self, info: strawberry.Info) -> bool:
        return self.row.login_notifications if self._is_viewer(info) else False

    @strawberry.field(
        description="Security events by or about the user, newest first. Only the user sees them."
    )
    async def audit_events(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        kinds: list[AuditKind] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> Connection[AuditEvent]:
        viewer = self.row.id if self._is_viewer(info) else None
        query = audit_log.of_user(viewer)
        return await audit_page(info, query, first, after, kinds, since, until, viewer_id=viewer)

    @strawberry.field(description="The user's SSH public keys. Only the user sees them here.")
    async def ssh_keys(self, info: strawberry.Info) -> list[SshKey]:
        if not self._is_viewer(info):
            return []
        return [SshKey.of(row) for row in await ssh_keys.of_user(self.row.id)]

    @strawberry.field(description="Unused backup codes left. Only the user sees them (else 0).")
    async def backup_codes_remaining(self, info: strawberry.Info) -> int:
        if not self._is_viewer(info):
            return 0
        return await backup_codes_remaining(self.row)

    def _is_viewer(self, info: strawberry.Info) -> bool:
        session = info.context.authenticated_session
        return session is not None and session.user_id == self.row.id

    @strawberry.field(
        description="The user's live sessions, newest first. Only the user sees them."
    )
    async def sessions(self, info: strawberry.Info) -> list[Session]:
        if not self._is_viewer(info):
            return []
        current = info.context.authenticated_session.id
        return [Session.of(row, current) for row in await sessions.active_sessions(self.row.id)]

    @strawberry.field(
        description="Every login attempt on the account, newest first. Only the user sees them."
    )
    async def login_attempts(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[LoginAttempt]:
        query = LoginAttemptRow.filter(user_id=self.row.id)
        if not self._is_viewer(info):
            query = query.filter(id=None)
        return await paginate(
            query,
            first,
            after,
            info.context.settings.max_page_size,
            LoginAttempt.of,
            time_field="at",
            newest_first=True,
        )

    @strawberry.field(description="The organizations the user belongs to. Only the user sees them.")
    async def memberships(self, info: strawberry.Info) -> list[Membership]:
        if not self._is_viewer(info):
            return []
        rows = await MembershipRow.filter(user_id=self.row.id).order_by("created_at")
        return [Membership.of(row) for row in rows]


@strawberry.type
class Organization:
    id: strawberry.ID
    name: str
    mfa_enforced: bool
    mfa_grace_until: datetime | None = strawberry.field(
        description="While MFA is enforced with a grace period: when members without MFA lose access."
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
            row=row,
        )

    # Every field past id, name and the MFA requirement is the organization's data: each is
    # guarded, so that a member blocked by MFA enforcement reaches none of it on any path
    # (organization(id:), me.memberships, invitations), and sees only why it is blocked.
    # They are nullable so that a refusal stays on its field: a non-null one would null
    # the whole `me` of a blocked member, leaving no blocked view to show.
    @strawberry.field(description="When the organization was created.", extensions=guard(HasRole(Role.MANAGER)))
    def created_at(self) -> datetime | None:
        return self.row.created_at

    @strawberry.field(
        description="The members, oldest first.", extensions=guard(HasRole(Role.MANAGER))
    )
    async def members(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[Membership] | None:
        return await paginate(
            MembershipRow.filter(organization_id=self.row.id).select_related("user"),
            first,
            after,
            info.context.settings.max_page_size,
            Membership.of,
        )


    @strawberry.field(
        description="Invitations not yet accepted nor expired, newest first.",
        extensions=guard(HasRole(Role.OWNER)),
    )
    async def invitations(self) -> list[Invitation] | None:
        return [Invitation.of(row) for row in await invitations_of(self.row.id)]


    @strawberry.field(
        description="The organization's API keys, newest first (never their secrets).",
        extensions=guard(HasRole(Role.MANAGER, api_keys=False)),
    )
    async def api_keys(self) -> list[ApiKey] | None:
        return [ApiKey.of(row) for row in await api_keys_of(self.row.id)]


    @strawberry.field(
        description="Where the organization's notifications go.",
        extensions=guard(HasRole(Role.MANAGER)),
    )
    async def contacts(self) -> list[Contact] | None:
        members = await contacts.member_emails(self.row.id)
        return [Contact.of(row, members) for row in await contacts.of_organization(self.row.id)]


    @strawberry.field(
        description="The SSH public keys of the members, for provisioning machines.",
        extensions=guard(HasRole(Role.MANAGER)),
    )
    async def ssh_keys(self) -> list[SshKey] | None:
        return [SshKey.of(row) for row in await ssh_keys.of_organization_members(self.row.id)]


    @strawberry.field(
        description="The organization's security audit log, newest first. Owners only.",
        extensions=guard(HasRole(Role.OWNER)),
    )
    async def audit_events(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        kinds: list[AuditKind] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> Connection[AuditEvent] | None:
        query = audit_log.of_organization(self.row.id)
        return await audit_page(info, query, first, after, kinds, since, until)


    @strawberry.field(
        description="Abuse cases against the organization's resources, newest first.",
        extensions=guard(HasRole(Role.MANAGER)),
    )
    async def abuse_cases(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[AbuseCase] | None:
        return await paginate(
            abuse.cases_of(self.row.id),
            first,
            after,
            info.context.settings.max_page_size,
            AbuseCase.of,
            newest_first=True,
        )

    @strawberry.field(
        description="Where the organization's identity verification stands.",
        extensions=guard(HasRole(Role.MANAGER)),
    )
    async def kyc_status(self) -> KycStatus | None:
        return KycStatus(await kyc.status_of(self.row.id))

    @strawberry.field(description="The support plan.", extensions=guard(HasRole(Role.MANAGER)))
    def support_plan(self) -> SupportPlan | None:
        return SupportPlan(self.row.support_plan)

    @strawberry.field(
        description="The plan's guaranteed time to a first answer, in minutes.",
        extensions=guard(HasRole(Role.MANAGER)),
    )
    def support_response_minutes(self) -> int | None:
        return quotas.RESPONSE_MINUTES[SupportPlanRow(self.row.support_plan)]

    @strawberry.field(description="Quotas with their usage.", extensions=guard(HasRole(Role.MANAGER)))
    async def quotas(self, info: strawberry.Info) -> list[Quota] | None:
        return [Quota.of(view) for view in await quotas.of_organization(info.context.settings, self.row.id)]

    @strawberry.field(
        description="Support access grants, newest first.", extensions=guard(HasRole(Role.MANAGER))
    )
    async def support_grants(self) -> list[SupportGrant] | None:
        return [SupportGrant.of(row) for row in await support.of_organization(self.row.id)]


@strawberry.type(description="One report in an abuse case (who reported stays with staff).")
class AbuseReport:
    id: strawberry.ID
    details: str
    created_at: datetime
    row: strawberry.Private[models.AbuseReport]

    @classmethod
    def of(cls, row: models.AbuseReport) -> AbuseReport:
        return cls(id=strawberry.ID(str(row.id)), details=row.details, created_at=row.created_at, row=row)

    @strawberry.field(description="Who reported: shown to platform staff only (else null).")
    async def reporter_email(self, info: strawberry.Info) -> str | None:
        session = info.context.authenticated_session
        reporter = self.row.reporter
        return reporter.email if session and session.user.is_staff and reporter else None


@strawberry.type(description="Reports of one resource for one reason.")
class AbuseCase:
    id: strawberry.ID
    resource_kind: str
    resource_id: str
    reason: AbuseReason
    created_at: datetime
    answer: str | None
    answered_at: datetime | None
    resolved_at: datetime | None
    resolution: str | None
    row: strawberry.Private[models.AbuseCase]

    @classmethod
    def of(cls, row: models.AbuseCase) -> AbuseCase:
        return cls(
            id=strawberry.ID(str(row.id)),
            resource_kind=row.resource_kind,
            resource_id=row.resource_id,
            reason=AbuseReason(row.reason),
            created_at=row.created_at,
            answer=row.answer,
            answered_at=row.answered_at,
            resolved_at=row.resolved_at,
            resolution=row.resolution,
            row=row,
        )

    @strawberry.field(description="The reports, oldest first.")
    async def reports(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[AbuseReport]:
        return await paginate(
            abuse.reports_of(self.row.id), first, after, info.context.settings.max_page_size, AbuseReport.of
        )


@strawberry.type(description="An identity verification, as staff review it.")
class KycSubmission:
    id: strawberry.ID
    document_type: KycDocumentType
    status: KycStatus
    created_at: datetime
    rejection_reason: str | None
    row: strawberry.Private[models.KycSubmission]

    @classmethod
    def of(cls, row: models.KycSubmission) -> KycSubmission:
        return cls(
            id=strawberry.ID(str(row.id)),
            document_type=KycDocumentType(row.document_type),
            status=KycStatus(row.status),
            created_at=row.created_at,
            rejection_reason=row.rejection_reason,
            row=row,
        )

    @strawberry.field
    async def organization(self) -> Organization:
        return Organization.of(await self.row.organization)

    @strawberry.field(description="The document image, base64 (each look is audited).")
    async def document_base64(self, info: strawberry.Info) -> str:
        return await kyc.image(info.context.settings, self.row, "document")

    @strawberry.field(description="The selfie with the document, base64 (each look is audited).")
    async def selfie_base64(self, info: strawberry.Info) -> str:
        return await kyc.image(info.context.settings, self.row, "selfie")


@strawberry.type(description="How much of a product's resource the organization may use, and uses.")
class Quota:
    product: str
    resource: str
    limit: int
    used: int

    @classmethod
    def of(cls, view: quotas.QuotaView) -> Quota:
        return cls(product=view.product, resource=view.resource, limit=view.limit, used=view.used)


@strawberry.type(description="Leave for platform staff to act in an organization as a MANAGER.")
class SupportGrant:
    id: strawberry.ID
    reason: SupportReason
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    active: bool

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


@strawberry.type(description="An SSH public key of a user.")
class SshKey:
    id: strawberry.ID
    name: str
    public_key: str
    key_type: str
    bits: int
    fingerprint: str = strawberry.field(description="As `ssh-keygen -lf` prints it: SHA256:…")
    created_at: datetime
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
    async def user(self) -> User:
        return User.of(await self.row.user)


@strawberry.type(description="A security-relevant event: who did what, when, from where.")
class AuditEvent:
    id: strawberry.ID
    kind: AuditKind
    at: datetime
    ip_address: str | None
    user_agent: str | None
    details: JSON
    organization_id: strawberry.ID | None
    actor_api_key_prefix: str | None = strawberry.field(
        description="When an API key acted: its visible prefix."
    )
    support: bool = strawberry.field(description="Done by platform staff under a support grant.")
    row: strawberry.Private[models.AuditEvent]

    @classmethod
    def of(cls, row: models.AuditEvent, show_client: bool = True) -> AuditEvent:
        key = row.actor_api_key
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=AuditKind(row.kind),
            at=row.at,
            ip_address=row.ip_address if show_client else None,
            user_agent=row.user_agent if show_client else None,
            details=row.details,
            organization_id=strawberry.ID(str(row.organization_id)) if row.organization_id else None,
            actor_api_key_prefix=key.prefix if key else None,
            support=row.support,
            row=row,
        )

    @strawberry.field(description="Who acted, when a signed-in user did.")
    def actor(self) -> User | None:
        return User.of(self.row.actor_user) if self.row.actor_user else None

    @strawberry.field(description="The account the event is about, if any.")
    def subject(self) -> User | None:
        return User.of(self.row.subject_user) if self.row.subject_user else None


async def audit_page(
    info, query, first, after, kinds, since, until, viewer_id: uuid.UUID | None = None
) -> Connection[AuditEvent]:
    """A page of events. For a user's own log (viewer_id), the address and browser of
    someone else who acted on them (an owner removing them) stay hidden."""

    def node(row: models.AuditEvent) -> AuditEvent:
        mine = row.actor_user_id in (viewer_id, None) and row.actor_api_key_id is None
        return AuditEvent.of(row, show_client=viewer_id is None or mine)

    query = audit_log.filtered(
        query, [AuditKindRow(kind.value) for kind in kinds] if kinds else None, since, until
    ).select_related("actor_user", "subject_user", "actor_api_key")
    return await paginate(
        query,
        first,
        after,
        info.context.settings.max_page_size,
        node,
        time_field="at",
        newest_first=True,
    )


@strawberry.type(description="A notification contact of an organization.")
class Contact:
    id: strawberry.ID
    email: str
    roles: list[ContactRole]
    can_log_in: bool = strawberry.field(description="Whether a member account has this e-mail.")
    confirmed: bool = strawberry.field(
        description="Whether the address is proven (a verified account's, or its link was "
        "followed): nothing is sent to it before."
    )
    created_at: datetime

    @classmethod
    def of(cls, row: models.Contact, member_emails: set[str]) -> Contact:
        return cls(
            confirmed=row.confirmed_at is not None,
            id=strawberry.ID(str(row.id)),
            email=row.email,
            roles=[ContactRole(role) for role in row.role_list],
            can_log_in=row.email in member_emails,
            created_at=row.created_at,
        )


@strawberry.type(description="An API key: it acts for its organization.")
class ApiKey:
    id: strawberry.ID
    name: str
    access: ApiKeyAccess
    prefix: str = strawberry.field(description="The first characters of the secret, to tell keys apart.")
    created_at: datetime
    last_used_at: datetime | None = strawberry.field(description="Kept to the minute.")
    expires_at: datetime | None
    revoked_at: datetime | None

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
    api_key: ApiKey
    secret: str


@strawberry.type(description="A user's place in an organization.")
class Membership:
    id: strawberry.ID
    role: Role
    created_at: datetime
    row: strawberry.Private[MembershipRow]

    @property
    def organization_id(self) -> uuid.UUID:
        return self.row.organization_id

    @classmethod
    def of(cls, row: MembershipRow) -> Membership:
        return cls(id=strawberry.ID(str(row.id)), role=Role(row.role), created_at=row.created_at, row=row)

    @strawberry.field
    async def user(self) -> User:
        return User.of(await self.row.user)

    @strawberry.field
    async def organization(self) -> Organization:
        return Organization.of(await self.row.organization)


@strawberry.type(description="An invitation to join an organization, for one e-mail address.")
class Invitation:
    id: strawberry.ID
    email: str
    role: Role
    created_at: datetime
    expires_at: datetime
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

    @strawberry.field
    async def organization(self) -> Organization:
        return Organization.of(await self.row.organization)


@strawberry.type(description="A new session: send `token` as 'Authorization: Bearer <token>'.")
class AuthSession:
    token: str
    session: Session
    user: User


@strawberry.type(
    description="Multi-factor authentication is on: pass `challenge` and a code to verifyMfa."
)
class MfaChallenge:
    challenge: str
    expires_at: datetime


@strawberry.type(description="A TOTP secret to add to an authenticator app, as text, URI and QR code.")
class MfaEnrollment:
    secret: str
    otpauth_uri: str
    qr_code_svg: str
    qr_code_data_uri: str = strawberry.field(
        description="The QR code as a data: URI: paste it into a browser's address bar to scan it."
    )


@strawberry.type(description="One-time backup codes. Shown this once: store them somewhere safe.")
class BackupCodes:
    codes: list[str]


LogInResult = Annotated[AuthSession | MfaChallenge, strawberry.union("LogInResult")]
