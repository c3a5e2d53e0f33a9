"""Deleting an account or an organization: the right to erasure, as GitHub's and Google's
account pages offer it.

An account is emptied rather than removed: its row stays, with a placeholder name and
address, so that audit events keep an actor ("Deleted user") and what the user did in an
organization stays accountable. Everything that can act for the user, or that describes
them (sessions, login history, second factors, phone number, SSH keys, the API keys they
created, memberships), goes; the e-mail address is freed for a new account."""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path

from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import passwords, sessions
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import accounts, notices, organizations, reauthentication
from accountql.errors import BadUserInput, Conflict, Forbidden, not_found
from accountql.models import (
    AuditKind,
    BackupCode,
    KycSubmission,
    LoginAttempt,
    Membership,
    MfaChallenge,
    MfaMethod,
    OneTimeToken,
    Organization,
    Passkey,
    Role,
    Session,
    SshKey,
    TotpCredential,
    User,
)

DELETED_NAME = "Deleted user"


def placeholder_address(user_id: uuid.UUID) -> str:
    """A deleted account's address: unique, and in the .invalid domain (RFC 2606), which
    no mail is ever delivered to."""
    return f"deleted-{user_id}@{accounts.DELETED_DOMAIN}"


async def last_owner_of(user_id: uuid.UUID) -> list[Organization]:
    """The organizations the user is the only OWNER of, by name."""
    owned = await Membership.filter(user_id=user_id, role=Role.OWNER).values_list("organization_id", flat=True)
    alone = [
        organization_id for organization_id in owned
        if await Membership.filter(organization_id=organization_id, role=Role.OWNER).count() == 1
    ]
    return await Organization.filter(id__in=alone).order_by("name") if alone else []


async def _refuse_if_last_owner(user_id: uuid.UUID) -> None:
    stranded = await last_owner_of(user_id)
    if stranded:
        names = ", ".join(organization.name for organization in stranded)
        raise Conflict(
            f"You are the last owner of {names}: make another member an owner of each, or "
            "delete it, then delete your account.",
            organizations=[{"id": str(o.id), "name": o.name} for o in stranded],
        )


async def delete_account(
    settings: Settings, client: Client, session: Session, password: str, code: str | None,
    passkey: object = None,
) -> None:
    """Delete the signed-in user's account, once the password and the second factor (a code
    or a passkey's assertion) prove it is them. Refused with CONFLICT while an organization
    would be left with no owner."""
    user = session.user
    # Checked first so that a refusal spends no second-factor code, and again under the
    # organizations' locks, where no other owner can step down meanwhile.
    await _refuse_if_last_owner(user.id)
    await reauthentication.prove(settings, client, user, password, code, passkey)
    unusable = await passwords.hash_password(secrets.token_urlsafe(32))
    async with in_transaction():
        memberships = await Membership.filter(user_id=user.id).order_by("organization_id")
        for membership in memberships:  # in one order, so that two deletions cannot deadlock
            await organizations.lock_organization(membership.organization_id)
        await _refuse_if_last_owner(user.id)
        # The last notice, to the verified address, before the address is let go.
        await notices.tell(user, "your account was deleted, with everything it held")
        for membership in memberships:
            await organizations.end_membership(membership, "deleted their account and left")
            await audit.record(
                AuditKind.MEMBER_LEFT, organization_id=membership.organization_id, subject_user_id=user.id
            )
        await sessions.end_other_sessions(user.id, keep=None)  # live subscribers hear of it
        for model in (Session, LoginAttempt, MfaChallenge, OneTimeToken, TotpCredential, BackupCode, SshKey, Passkey):
            await model.filter(user_id=user.id).delete()
        deleted_at = now()
        await User.filter(id=user.id).update(
            email=placeholder_address(user.id), email_verified=False, email_verified_at=None,
            name=DELETED_NAME, password_hash=unusable, password_changed_at=deleted_at,
            last_login_at=None, mfa_enabled=False, has_passkey=False, mfa_required=False, mfa_method=MfaMethod.TOTP,
            phone_number=None, phone_verified_at=None, login_notifications=False, is_staff=False,
            deleted_at=deleted_at,
        )
        await audit.record(
            AuditKind.ACCOUNT_DELETED,
            subject_user_id=user.id,
            organizations_left=[str(m.organization_id) for m in memberships],
        )


async def delete_organization(
    settings: Settings, actor: User, organization_id: uuid.UUID, confirm_name: str
) -> None:
    """Delete an organization with everything in it (members, invitations, API keys,
    contacts, quotas, grants, abuse cases, identity documents, its audit log). The OWNER
    types its name, as GitHub asks, so that a slip cannot do it; every member is told."""
    async with in_transaction():
        await organizations.lock_organization(organization_id)
        organization = await Organization.get_or_none(id=organization_id)
        if organization is None:
            raise not_found("organization")
        if not await Membership.exists(organization_id=organization_id, user_id=actor.id, role=Role.OWNER):
            raise Forbidden("Only an owner of this organization can delete it.")
        if confirm_name != organization.name:
            raise BadUserInput(
                f"Type the organization's name exactly as it is shown ({organization.name}) to "
                "delete it.",
                field="input.confirmName",
            )
        members = await User.filter(memberships__organization_id=organization_id, email_verified=True)
        files = await KycSubmission.filter(organization_id=organization_id).values_list(
            "document_file", "selfie_file"
        )
        for member in members:
            await outbox.organization_deleted(member.email, organization.name, actor.name)
        # In the owner's own log: the organization's log goes with it.
        await audit.record(
            AuditKind.ORGANIZATION_DELETED,
            subject_user_id=actor.id,
            organization=str(organization_id),
            name=organization.name,
            members=await Membership.filter(organization_id=organization_id).count(),
        )
        await organization.delete()
    # Only once the rows are gone for good: a rollback must not leave records without files.
    folder = Path(settings.kyc_dir)
    for names in files:
        for name in names:
            (folder / name).unlink(missing_ok=True)
