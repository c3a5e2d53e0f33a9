"""Passkeys: registering one, signing in with one (on its own, with user verification, or
as the second factor after a password), naming and removing them.

A passkey is a second factor: the first one a user adds turns MFA on (User.mfa_enabled,
with User.has_passkey, kept in step in the same transaction). Every change to a user's
passkeys writes the user's row first, so that two of them (removing the last two passkeys
at once) queue up behind each other on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction
from webauthn.helpers.structs import CredentialDeviceType

from accountql import audit
from accountql.auth import challenges, rate_limits, sessions, webauthn
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import accounts, mfa, notices
from accountql.domain.mfa_enforcement import enforcing_organizations
from accountql.errors import (
    BadUserInput,
    Conflict,
    Forbidden,
    InvalidCode,
    InvalidCredentials,
    RateLimited,
    Unauthenticated,
    not_found,
)
from accountql.models import (
    AuditKind,
    BackupCode,
    LoginMethod,
    Membership,
    MfaChallenge,
    MfaLevel,
    Passkey,
    PasskeyCeremony,
    SecondFactor,
    Session,
    User,
)

MAX_PASSKEYS = 20
NAME_MAX = 100
TRANSPORTS = {"usb", "nfc", "ble", "smart-card", "hybrid", "internal"}
NOT_VERIFIED = "That passkey could not be verified: try again, or sign in another way."
CLONED = (
    "That passkey's signature counter went backwards, a sign that the key may have been "
    "copied: it was refused, and the account's owner was told. Sign in another way."
)
LOGIN_GONE = "That login has expired or was finished already: log in again."


def clean_name(name: str | None, field: str = "name") -> str:
    if name is None or not name.strip():
        return "Passkey"
    return accounts.clean_name(name, field=field, max_length=NAME_MAX)


def of_user(user_id: uuid.UUID):
    return Passkey.filter(user_id=user_id)


# Registration


async def begin_registration(settings: Settings, session: Session) -> webauthn.Options:
    """Creation options, bound to this session. The caller proved the password (and second
    factor) in the last few minutes (sudo mode), as for adding an authenticator app."""
    user = session.user
    existing = await Passkey.filter(user_id=user.id)
    if len(existing) >= MAX_PASSKEYS:
        raise Conflict(f"An account holds at most {MAX_PASSKEYS} passkeys: remove one first.")
    await _refuse_unproven_addition(session, bool(existing))
    async with in_transaction():
        return await webauthn.registration_options(settings, user, session.id, existing)


async def _refuse_unproven_addition(session: Session, has_one: bool) -> None:
    """A member of an organization that requires passkeys, who has one, adds another only
    from a session that a passkey opened or confirmed: a phisher's relayed password and
    code open a session too (with sudo mode), and the phisher's own passkey would then
    open phishing-resistant sessions from then on."""
    if has_one and not session.phishing_resistant and await Membership.exists(
        user_id=session.user_id, organization__mfa_enforced=True, organization__mfa_level=MfaLevel.PHISHING_RESISTANT
    ):
        raise Forbidden(
            "An organization you belong to requires passkeys: confirm this session with an "
            "existing passkey (reauthenticate with passkey, or sign in with it) before you add another."
        )


def _transports(raw: dict[str, Any]) -> str:
    """The transport hints the browser reported, kept for allowCredentials; unknown ones
    are dropped (they are hints, not proofs)."""
    found = raw.get("response", {}).get("transports") or []
    if not isinstance(found, list):
        return ""
    return ",".join(sorted({t for t in found if isinstance(t, str) and t in TRANSPORTS}))


async def finish_registration(
    settings: Settings, session: Session, credential: Any, name: str | None
) -> Passkey:
    """Verify the attestation against the challenge this session was given, and keep the
    public key. The first passkey turns MFA on, which ends the user's other sessions
    (they were opened without a second factor)."""
    user = session.user
    name = clean_name(name)
    presented = webauthn.read_credential(credential)
    await _refuse_unproven_addition(session, await Passkey.exists(user_id=user.id))
    await webauthn.spend_challenge(
        settings, presented, PasskeyCeremony.REGISTRATION, user_id=user.id, session_id=session.id
    )
    verified, reason = webauthn.verify_registration(settings, presented)
    if verified is None:
        raise BadUserInput(f"That passkey could not be registered: {reason.rstrip('.')}.", field="credential")
    credential_id = webauthn.b64url(verified.credential_id)
    if credential_id != presented.credential_id:  # the attested id is the one that signs later
        raise BadUserInput("That passkey's id does not match its attested credential.", field="credential")
    if await Passkey.exists(credential_id=credential_id):
        raise Conflict("That passkey is registered already.", field="credential")
    was_enabled = user.mfa_enabled
    try:
        async with in_transaction():
            await User.filter(id=user.id).update(mfa_enabled=True, has_passkey=True)
            # The update waited for the user's row: a takeover of the address (a reset
            # link followed meanwhile) may have ended this session and removed the passkeys
            # while this request was verifying. Checked again now, or the squatter would
            # keep a passkey on the owner's account.
            if not await sessions.is_live(session.id):
                raise Unauthenticated(sessions.EXPIRED)
            if await Passkey.filter(user_id=user.id).count() >= MAX_PASSKEYS:
                raise Conflict(f"An account holds at most {MAX_PASSKEYS} passkeys: remove one first.")
            passkey = await Passkey.create(
                user_id=user.id,
                credential_id=credential_id,
                public_key=webauthn.b64url(verified.credential_public_key),
                name=name,
                sign_count=verified.sign_count,
                backup_eligible=verified.credential_device_type == CredentialDeviceType.MULTI_DEVICE,
                backed_up=verified.credential_backed_up,
                aaguid=verified.aaguid,
                attestation_format=str(getattr(verified.fmt, "value", verified.fmt))[:20],
                transports=_transports(presented.raw),
            )
            await audit.record(AuditKind.PASSKEY_ADDED, subject_user_id=user.id, passkey=passkey.id, name=name)
            what = f'the passkey "{name}" was added to your account'
            if not was_enabled:
                await audit.record(AuditKind.MFA_ENABLED, subject_user_id=user.id, method="PASSKEY")
                await sessions.end_other_sessions(user.id, keep=session.id)
                what += "; it is now your second factor, and your other sessions were ended"
            await notices.tell(user, what)
    except IntegrityError:  # the same credential registered concurrently
        raise Conflict("That passkey is registered already.", field="credential") from None
    user.mfa_enabled, user.has_passkey = True, True
    return passkey


# Signing in


def _ip_limit(settings: Settings, client: Client, kind: str) -> list[rate_limits.Limit]:
    if not client.ip_address:
        return []
    bucket = rate_limits.address_bucket(client.ip_address)
    return [rate_limits.Limit(f"passkey:{kind}:ip:{bucket}", settings.login_failures_per_ip, settings.login_window_seconds)]


async def _live_mfa_challenge(token: str) -> MfaChallenge:
    row = await MfaChallenge.get_or_none(
        token_hash=challenges.token_hash(token), used_at=None, expires_at__gt=now()
    ).select_related("user")
    if row is None:
        raise InvalidCode(LOGIN_GONE)
    return row


async def begin_log_in(settings: Settings, client: Client, mfa_challenge: str | None) -> webauthn.Options:
    """Request options. With an MFA challenge (after a password or magic link), bound to
    it and listing that user's passkeys; without, for any discoverable passkey with user
    verification: nothing in the answer depends on an account, so it tells nothing about
    which exist."""
    # Each begin stores a challenge: so many per address and window, counted whether or not
    # a sign-in follows.
    await rate_limits.take(_ip_limit(settings, client, "begin"), "Too many passkey sign-ins from your address.")
    if mfa_challenge is None:
        async with in_transaction():
            return await webauthn.request_options(settings, PasskeyCeremony.LOG_IN, [])
    pending = await _live_mfa_challenge(mfa_challenge)
    passkeys = await Passkey.filter(user_id=pending.user_id)
    if not passkeys:
        raise Conflict("This account has no passkey: answer the challenge with a code (verifyMfa).")
    async with in_transaction():
        return await webauthn.request_options(
            settings, PasskeyCeremony.SECOND_FACTOR, passkeys, user_id=pending.user_id, mfa_challenge_id=pending.id
        )


async def finish_log_in(
    settings: Settings, client: Client, credential: Any, mfa_challenge: str | None
) -> accounts.SignedIn:
    """Verify an assertion: a session, once. Passwordless, the passkey must be
    discoverable and the user verified; as a second factor, it must be a passkey of the
    MFA challenge's user, and finishes that login."""
    presented = webauthn.read_credential(credential)
    pending = None
    if mfa_challenge is not None:
        pending = await _live_mfa_challenge(mfa_challenge)
        # A try of the challenge's five, taken before anything is checked (as verifyMfa).
        tried = await MfaChallenge.filter(id=pending.id, failures__lt=mfa.CHALLENGE_MAX_FAILURES).update(
            failures=F("failures") + 1
        )
        if tried != 1:
            raise RateLimited("Too many failed tries for this login: log in again.", retry_after=1)
        await webauthn.spend_challenge(
            settings, presented, PasskeyCeremony.SECOND_FACTOR, mfa_challenge_id=pending.id
        )
        limits = [mfa.code_limit(settings, pending.user)]
        passkey = await Passkey.get_or_none(credential_id=presented.credential_id, user_id=pending.user_id)
        method, factor = LoginMethod(pending.method), SecondFactor.PASSKEY
    else:
        await webauthn.spend_challenge(settings, presented, PasskeyCeremony.LOG_IN)
        limits = _ip_limit(settings, client, "failures")
        passkey = await Passkey.get_or_none(credential_id=presented.credential_id)
        method, factor = LoginMethod.PASSKEY, None
    await rate_limits.take(limits, "Too many failed passkey sign-ins: wait, then try again.")
    user = pending.user if pending else passkey and await User.get_or_none(id=passkey.user_id, deleted_at=None)
    verified = await _check(settings, client, presented, passkey, user, pending is None, method, factor)
    await rate_limits.give_back(limits)
    async with in_transaction():
        await _advance(passkey, verified)
        if pending and await MfaChallenge.filter(id=pending.id, used_at=None).update(used_at=now()) != 1:
            raise InvalidCode(LOGIN_GONE)
        return await accounts.sign_in(settings, client, user, method, factor)


async def prove_possession(
    settings: Settings, client: Client, user: User, credential: Any, alone: bool = False
) -> None:
    """A re-authentication (sudo mode) by a passkey: an assertion with user verification
    by one of the user's passkeys, for options from beginPasskeyLogIn without a
    challenge. After the password it stands in for a code (users whose only second factor
    is a passkey have none to give); `alone`, it is the whole proof. Alone, a failure is a
    passkey attempt in the history, and counts against a limit of its own: the session
    that tries may be a thief's, who must not use up the owner's code limit."""
    presented = webauthn.read_credential(credential, field="passkey")
    await webauthn.spend_challenge(settings, presented, PasskeyCeremony.LOG_IN)
    if alone:
        key = f"reauth:passkey:{user.id}"
        limit = rate_limits.Limit(key, settings.mfa_failures_per_account, settings.login_window_seconds)
        method, factor, refusal = LoginMethod.PASSKEY, None, "Too many failed passkey confirmations for this account."
    else:
        limit, method, factor = mfa.code_limit(settings, user), LoginMethod.PASSWORD, SecondFactor.PASSKEY
        refusal = "Too many wrong second factors for this account."
    limits = [limit]
    await rate_limits.take(limits, refusal)
    passkey = await Passkey.get_or_none(credential_id=presented.credential_id, user_id=user.id)
    verified = await _check(settings, client, presented, passkey, user, True, method, factor)
    await rate_limits.give_back(limits)
    async with in_transaction():
        await _advance(passkey, verified)


async def _check(
    settings: Settings, client: Client, presented: webauthn.Presented, passkey: Passkey | None,
    user: User | None, require_uv: bool, method: LoginMethod, factor: SecondFactor | None,
):
    """The verified assertion, or INVALID_CREDENTIALS (one message whatever failed, and the
    failure in the user's login history)."""
    # The user handle, when the authenticator gives one, must name the passkey's owner.
    if passkey is None or user is None or (presented.user_handle not in (None, user.id.bytes)):
        await _failed(user, client, method, factor)
        raise InvalidCredentials(NOT_VERIFIED)
    verified = webauthn.verify_assertion(settings, presented, passkey, require_uv=require_uv)
    # BE is fixed when a credential is made (WebAuthn §6.1.3): a change is another authenticator.
    if verified is None or (verified.credential_device_type == CredentialDeviceType.MULTI_DEVICE) != passkey.backup_eligible:
        await _failed(user, client, method, factor)
        raise InvalidCredentials(NOT_VERIFIED)
    new_count = verified.new_sign_count
    if (new_count or passkey.sign_count) and new_count <= passkey.sign_count:
        await _suspect_clone(user, passkey, new_count)
        await _failed(user, client, method, factor)
        raise InvalidCredentials(CLONED)
    return verified


async def _advance(passkey: Passkey, verified) -> None:
    """Store the new counter and backup state by a conditional UPDATE: two assertions with
    one counter value cannot both pass. Call in a transaction."""
    moved = await Passkey.filter(id=passkey.id, sign_count=passkey.sign_count).update(
        sign_count=verified.new_sign_count, backed_up=verified.credential_backed_up, last_used_at=now()
    )
    if moved != 1:
        raise InvalidCredentials(NOT_VERIFIED)


async def _failed(user: User | None, client: Client, method: LoginMethod, factor: SecondFactor | None) -> None:
    if user is not None:
        await accounts.record_attempt(user, client, False, method, factor or SecondFactor.PASSKEY)
    else:  # a credential nobody registered here: recorded, about no account
        await audit.record(AuditKind.LOGIN_FAILED, method=LoginMethod.PASSKEY, known_account=False)


async def _suspect_clone(user: User, passkey: Passkey, presented_count: int) -> None:
    """WebAuthn §6.1.1: a signed counter not above the last one means two authenticators
    may hold the key. Recorded and told to the owner (in its own transaction: the sign-in
    itself is refused), who can remove the passkey."""
    async with in_transaction():
        await Passkey.filter(id=passkey.id).update(clone_suspected_at=now())
        await audit.record(
            AuditKind.PASSKEY_CLONE_SUSPECTED, subject_user_id=user.id, passkey=passkey.id,
            stored_count=passkey.sign_count, presented_count=presented_count,
        )
        await notices.tell(
            user,
            f'the passkey "{passkey.name}" was used with a signature counter that went backwards, '
            "so it may have been copied; the sign-in was refused. If you did not try to sign in, "
            "remove that passkey and change your password",
        )


# Managing


async def _own(user: User, passkey_id: uuid.UUID) -> Passkey:
    passkey = await Passkey.get_or_none(id=passkey_id, user_id=user.id)
    if passkey is None:
        raise not_found("passkey")
    return passkey


async def rename(user: User, passkey_id: uuid.UUID, name: str) -> Passkey:
    name = accounts.clean_name(name, field="name", max_length=NAME_MAX)
    async with in_transaction():
        passkey = await _own(user, passkey_id)
        passkey.name = name
        await passkey.save(update_fields=["name"])
        await audit.record(AuditKind.PASSKEY_RENAMED, subject_user_id=user.id, passkey=passkey.id, name=name)
    return passkey


async def remove(user: User, passkey_id: uuid.UUID) -> User:
    """Remove a passkey. Refused where it would leave the user without MFA that the server
    or an organization requires (the error names the organizations), as disableMfa."""
    async with in_transaction():
        await User.filter(id=user.id).update(has_passkey=user.has_passkey)  # queue behind other changes
        passkey = await _own(user, passkey_id)
        others = await Passkey.filter(user_id=user.id).exclude(id=passkey.id).count()
        code_factor = await mfa.has_code_factor(user)
        if not others:
            await _refuse_losing_last(user, code_factor)
        await passkey.delete()
        user.has_passkey, user.mfa_enabled = others > 0, code_factor or others > 0
        await User.filter(id=user.id).update(has_passkey=user.has_passkey, mfa_enabled=user.mfa_enabled)
        await audit.record(AuditKind.PASSKEY_REMOVED, subject_user_id=user.id, passkey=passkey.id, name=passkey.name)
        what = f'the passkey "{passkey.name}" was removed from your account'
        if not user.mfa_enabled:  # no second factor left: backup codes would stand in for none
            await BackupCode.filter(user_id=user.id).delete()
            await audit.record(AuditKind.MFA_DISABLED, subject_user_id=user.id)
            what += "; multi-factor authentication is now off"
        await notices.tell(user, what)
    return user


async def _refuse_losing_last(user: User, code_factor: bool) -> None:
    if not code_factor and user.mfa_required:
        raise Conflict("This server requires multi-factor authentication of your account: add another second factor first.")
    enforcing = await enforcing_organizations(user, phishing_resistant_only=code_factor)
    if enforcing:
        names = [organization.name for organization in enforcing]
        kind = "phishing-resistant multi-factor authentication (a passkey)" if code_factor else "multi-factor authentication"
        raise Conflict(
            f"{', '.join(names)} require{'s' if len(names) == 1 else ''} {kind}, and this is your last "
            f"{'passkey' if code_factor else 'second factor'}: add another first, leave them, or ask an "
            "owner to stop enforcing it.",
            organizations=names,
        )
