"""The types about one person: the user, sessions, login history, MFA enrollment."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from accountql import models
from accountql.auth import sessions
from accountql.domain import (
    audit_log,
    email_change,
    passkeys,
    reauthentication,
    ssh_keys,
)
from accountql.domain.mfa import backup_codes_remaining
from accountql.schema.enums import AuditKind, LoginMethod, MfaMethod, SecondFactor
from accountql.schema.loaders import selects
from accountql.schema.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    Order,
    empty_connection,
    paginate,
)

if TYPE_CHECKING:
    from accountql.schema.types.audit import AuditEvent
    from accountql.schema.types.organization import Membership, SshKey
    from accountql.schema.types.passkey import Passkey

ORGANIZATION = "accountql.schema.types.organization"
AUDIT = "accountql.schema.types.audit"
PASSKEY = "accountql.schema.types.passkey"
NEWEST_FIRST = Order(newest_first=True)
# What a page of sessions reads: what Session shows (and reauthenticatedUntil needs).
SESSION_COLUMNS = ("id", "created_at", "expires_at", "last_seen_at", "ip_address", "user_agent", "support",
                   "reauthenticated_at")


@strawberry.type(description="A signed-in device or browser. Lasts one hour from sign-in.")
class Session:
    id: strawberry.ID = strawberry.field(description="The session's id (for revokeSession).")
    created_at: datetime = strawberry.field(description="When the user signed in.")
    expires_at: datetime = strawberry.field(description="When the session ends unless revoked before.")
    last_seen_at: datetime = strawberry.field(description="The last request made with it, to the minute.")
    ip_address: str | None = strawberry.field(description="The client address it signed in from.")
    user_agent: str | None = strawberry.field(description="The browser or client it signed in with.")
    current: bool = strawberry.field(description="Whether this is the session making the request.")
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
    at: datetime = strawberry.field(description="When it was made.")
    ip_address: str | None = strawberry.field(description="The client address it came from.")
    user_agent: str | None = strawberry.field(description="The browser or client it came from.")
    succeeded: bool = strawberry.field(description="Whether it signed in.")
    method: LoginMethod = strawberry.field(description="How it proved the first factor.")
    second_factor: SecondFactor | None = strawberry.field(
        description="The second factor presented, when the attempt got that far."
    )

    @classmethod
    def of(cls, row: models.LoginAttempt) -> LoginAttempt:
        return cls(
            at=row.at,
            ip_address=row.ip_address,
            user_agent=row.user_agent,
            succeeded=row.succeeded,
            method=LoginMethod(row.method),
            second_factor=SecondFactor(row.second_factor) if row.second_factor else None,
        )


@strawberry.type(description="A person with an account. Only they see their own sessions, keys and history.")
class User:
    id: strawberry.ID = strawberry.field(description="The user's id.")
    email: str = strawberry.field(description="The account's e-mail address, lower-cased.")
    name: str = strawberry.field(description="The name the user gave.")
    created_at: datetime = strawberry.field(description="When the account was created.")
    last_login_at: datetime | None = strawberry.field(description="The last successful login.")
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

    def _is_viewer(self, info: strawberry.Info) -> bool:
        session = info.context.authenticated_session
        return session is not None and session.user_id == self.row.id

    @strawberry.field(
        description="Whether a link sent to the address was followed. Until then the account "
        "cannot accept invitations nor receive notices."
    )
    def email_verified(self) -> bool:
        return self.row.email_verified

    @strawberry.field(
        description="Whether the account was deleted: its name and address are then placeholders "
        "(\"Deleted user\"), kept so that audit events still name who acted."
    )
    def deleted(self) -> bool:
        return self.row.deleted_at is not None

    @strawberry.field(description="Whether the user has multi-factor authentication on.")
    def mfa_enabled(self) -> bool:
        return self.row.mfa_enabled

    @strawberry.field(
        description="Whether the user has a passkey: what an organization that requires "
        "phishing-resistant MFA (passkeys only) counts, where mfaEnabled counts any second factor."
    )
    def has_passkey(self) -> bool:
        return self.row.has_passkey

    @strawberry.field(
        description="The code logIn asks for once MFA is on: TOTP (an authenticator app) or SMS. A "
        "user whose only second factors are passkeys has no code method: it reads TOTP then; "
        "hasPasskey and MfaChallenge.methods say what such a user answers with."
    )
    def mfa_method(self) -> MfaMethod:
        return MfaMethod(self.row.mfa_method)

    @strawberry.field(description="The verified phone number (E.164). Only the user sees it (else null).")
    def phone_number(self, info: strawberry.Info) -> str | None:
        return self.row.phone_number if self._is_viewer(info) else None

    @strawberry.field(description="Whether every login attempt is e-mailed to the user. Only the user sees it.")
    def login_notifications(self, info: strawberry.Info) -> bool:
        return self.row.login_notifications if self._is_viewer(info) else False

    @strawberry.field(description="Unused backup codes left. Only the user sees them (else 0).")
    async def backup_codes_remaining(self, info: strawberry.Info) -> int:
        return await backup_codes_remaining(self.row) if self._is_viewer(info) else 0

    @strawberry.field(description="The session making this request. Only the user sees it (else null).")
    def current_session(self, info: strawberry.Info) -> Session | None:
        session = info.context.authenticated_session
        return Session.of(session, session.id) if self._is_viewer(info) else None

    @strawberry.field(
        description="The address an e-mail change waits to be confirmed for (its link not yet "
        "followed, nor expired). Only the user sees it."
    )
    async def pending_email(self, info: strawberry.Info) -> str | None:
        return await email_change.pending(self.row) if self._is_viewer(info) else None

    @strawberry.field(description="The user's live sessions, newest first. Only the user sees them.")
    async def sessions(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Session]:
        if not self._is_viewer(info):
            return empty_connection()
        current = info.context.authenticated_session.id
        return await paginate(
            sessions.active_sessions(self.row.id), lambda row: Session.of(row, current),
            info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
            order=NEWEST_FIRST, columns=SESSION_COLUMNS,
        )

    @strawberry.field(description="Every login attempt on the account, newest first. Only the user sees them.")
    async def login_attempts(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[LoginAttempt]:
        if not self._is_viewer(info):
            return empty_connection()
        return await paginate(
            models.LoginAttempt.filter(user_id=self.row.id), LoginAttempt.of,
            info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
            order=Order(time_field="at", newest_first=True),
        )

    @strawberry.field(description="The organizations the user belongs to, oldest first. Only the user sees them.")
    async def memberships(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Membership, strawberry.lazy(ORGANIZATION)]]:
        from accountql.schema.types.organization import MEMBERSHIP_COLUMNS, Membership

        if not self._is_viewer(info):
            return empty_connection()
        loaders = info.context.loaders

        async def organizations(rows: list[models.Membership]) -> None:
            await loaders.organization.load_many([row.organization_id for row in rows])

        return await paginate(
            models.Membership.filter(user_id=self.row.id), Membership.of,
            info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
            prefetch=organizations if selects(info, "edges", "node", "organization") else None,
            columns=MEMBERSHIP_COLUMNS,
        )

    @strawberry.field(description="The user's SSH public keys, oldest first. Only the user sees them here.")
    async def ssh_keys(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[SshKey, strawberry.lazy(ORGANIZATION)]]:
        from accountql.schema.types.organization import SshKey

        if not self._is_viewer(info):
            return empty_connection()
        return await paginate(
            ssh_keys.of_user(self.row.id), SshKey.of,
            info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
        )

    @strawberry.field(description="The user's passkeys, oldest first. Only the user sees them.")
    async def passkeys(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Passkey, strawberry.lazy(PASSKEY)]]:
        from accountql.schema.types.passkey import Passkey

        if not self._is_viewer(info):
            return empty_connection()
        return await paginate(
            passkeys.of_user(self.row.id), Passkey.of,
            info.context.settings.max_page_size, first=first, after=after, last=last, before=before,
        )

    @strawberry.field(description="Security events by or about the user, newest first. Only the user sees them.")
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
    ) -> Connection[Annotated[AuditEvent, strawberry.lazy(AUDIT)]]:
        from accountql.schema.types.audit import audit_page

        if not self._is_viewer(info):
            return empty_connection()
        return await audit_page(
            info, audit_log.of_user(self.row.id), first, after, last, before, kinds, since, until, viewer_id=self.row.id
        )


@strawberry.type(description="A new session: its token, and the session and user it belongs to.")
class AuthSession:
    token: str | None = strawberry.field(
        description="Send it as 'Authorization: Bearer <token>'. Null when the session was set as "
        "an HttpOnly cookie (sessionCookie: true): no script can read it."
    )
    session: Session = strawberry.field(description="The session that started.")
    user: User = strawberry.field(description="Who signed in.")


@strawberry.type(
    description="Multi-factor authentication is on: pass `challenge` and a code to verifyMfa, or "
    "answer it with a passkey (beginPasskeyLogIn and finishPasskeyLogIn with this challenge)."
)
class MfaChallenge:
    challenge: str = strawberry.field(description="The half-finished login, for verifyMfa (five tries).")
    expires_at: datetime = strawberry.field(description="When the challenge ends: five minutes from the password.")
    methods: list[SecondFactor] = strawberry.field(
        description="The second factors the account has that can answer it (PASSKEY: with finishPasskeyLogIn)."
    )


@strawberry.type(description="A TOTP secret to add to an authenticator app, as text, URI and QR code.")
class MfaEnrollment:
    secret: str = strawberry.field(description="The secret in base32, to type into an app by hand.")
    otpauth_uri: str = strawberry.field(description="The otpauth:// URI the QR code holds.")
    qr_code_svg: str = strawberry.field(description="The QR code as inline SVG markup.")
    qr_code_data_uri: str = strawberry.field(
        description="The QR code as a data: URI: paste it into a browser's address bar to scan it."
    )


@strawberry.type(description="One-time backup codes. Shown this once: store them somewhere safe.")
class BackupCodes:
    codes: list[str] = strawberry.field(description="Ten codes; each works once in place of a second factor.")


LogInResult = Annotated[
    AuthSession | MfaChallenge,
    strawberry.union("LogInResult", description="A session, or the challenge for a second factor when MFA is on."),
]
