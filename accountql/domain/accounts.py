"""Accounts: sign-up, log-in, password change. Callable without GraphQL."""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accountql import audit, events, outbox
from accountql.auth import passwords, rate_limits, sessions
from accountql.auth.challenges import PendingMfa, start_challenge
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import notices, verification
from accountql.errors import (
    BadUserInput,
    Conflict,
    EmailNotVerified,
    InvalidCredentials,
    RateLimited,
    not_found,
)
from accountql.models import (
    AuditKind,
    LoginAttempt,
    LoginMethod,
    SecondFactor,
    Session,
    UnknownAccountAttempt,
    User,
)

WRONG_CREDENTIALS = (
    "The e-mail address or password is wrong: check both, or reset your password."
)


def normalize_email(email: str, field: str = "email") -> str:
    """The address as stored: Unicode NFKC (a fullwidth "ａｄａ" is "ada"), validated,
    lower-cased (one account per address, any case); refused when a part mixes alphabets
    whose letters look alike, so a lookalike spelling never becomes a second account."""
    text = unicodedata.normalize("NFKC", email).strip()
    try:
        valid = validate_email(text, check_deliverability=False)
    except (EmailNotValidError, UnicodeError) as error:
        raise BadUserInput(f"That e-mail address is not valid: {error}", field=field) from None
    address = valid.normalized.lower()
    local, _, domain = address.rpartition("@")
    if any(len(_scripts(part)) > 1 for part in (local, *domain.split("."))):
        raise BadUserInput(
            "That e-mail address mixes alphabets (say, Latin and Cyrillic letters that look "
            "alike): write each part in one alphabet.",
            field=field,
        )
    return address


# Alphabets whose letters are mistaken for one another (a Latin "a" and a Cyrillic "а").
_LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")


def _scripts(text: str) -> set[str]:
    found = set()
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ", 1)[0]
            if script in _LOOKALIKE_SCRIPTS:
                found.add(script)
    return found


def clean_name(name: str, field: str = "name", max_length: int = 200) -> str:
    cleaned = " ".join(name.split())
    if any(not char.isprintable() for char in cleaned):
        raise BadUserInput("The name holds control characters: remove them.", field=field)
    if not cleaned:
        raise BadUserInput("The name is empty: enter a name.", field=field)
    if len(cleaned) > max_length:
        raise BadUserInput(f"The name is too long: use at most {max_length} characters.", field=field)
    return cleaned


@dataclass(frozen=True)
class SignedIn:
    token: str
    session: Session
    user: User


async def sign_up(
    settings: Settings, client: Client, email: str, password: str, name: str
) -> SignedIn:
    email = normalize_email(email)
    name = clean_name(name)
    passwords.check_policy(password, email=email)
    if client.ip_address:
        bucket = rate_limits.address_bucket(client.ip_address)
        await rate_limits.take(
            [rate_limits.Limit(f"signup:ip:{bucket}", settings.signups_per_ip, 3600)],
            "Too many accounts were created from your address.",
        )
    if await User.exists(email=email):
        raise Conflict(_EMAIL_TAKEN, field="email")
    password_hash = await passwords.hash_password(password)
    try:
        async with in_transaction():
            user = await User.create(
                email=email, name=name, password_hash=password_hash, mfa_required=settings.require_mfa
            )
            await verification.send_link(settings, user)
            return await sign_in(settings, client, user, LoginMethod.PASSWORD)
    except IntegrityError:  # the same address signed up concurrently
        raise Conflict(_EMAIL_TAKEN, field="email") from None


_EMAIL_TAKEN = "An account with this e-mail address already exists: log in instead."


# Deleted accounts keep a placeholder address in this domain (RFC 2606: never delivered to).
DELETED_DOMAIN = "deleted.invalid"


def lookup_email(email: str) -> str | None:
    """The address as sign-up stored it, or None for text that is no address or names a
    deleted account (it matches no account, and is rate-limited and answered like an
    unknown one)."""
    try:
        address = normalize_email(email)
    except BadUserInput:
        return None
    return None if address.endswith("@" + DELETED_DOMAIN) else address


def email_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()


def login_limits(settings: Settings, email: str, client: Client) -> list[rate_limits.Limit]:
    window = settings.login_window_seconds
    limits = [
        rate_limits.Limit(
            f"login:account:{email_key(email)}", settings.login_failures_per_account, window
        )
    ]
    if client.ip_address:
        limits.append(
            rate_limits.Limit(
                f"login:ip:{rate_limits.address_bucket(client.ip_address)}",
                settings.login_failures_per_ip,
                window,
            )
        )
    return limits


async def log_in(
    settings: Settings, client: Client, email: str, password: str
) -> SignedIn | PendingMfa:
    """A session for the right password, or an MFA challenge when the account has MFA on;
    INVALID_CREDENTIALS, the same message and about the same time, for a wrong password or
    an unknown address. Every attempt is recorded, rate-limited ones too."""
    address = lookup_email(email)
    email = address or email
    limits = login_limits(settings, email, client)
    try:
        await rate_limits.take(limits, "Too many failed logins for this account or address.")
    except RateLimited:
        # Recorded, but told to nobody: a flood must not become a flood of e-mails.
        await _record_failure(address and await User.get_or_none(email=address), email, client, notify=False)
        raise
    user = address and await User.get_or_none(email=address)
    if not await passwords.verify_password(user.password_hash if user else None, password):
        # Unknown addresses are recorded too: the same work, so the same time.
        await _record_failure(user, email, client)
        raise InvalidCredentials(WRONG_CREDENTIALS)
    await rate_limits.give_back(limits)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = await passwords.hash_password(password)
        await User.filter(id=user.id).update(password_hash=user.password_hash)
    if user.mfa_enabled:
        async with in_transaction():
            return await start_challenge(settings, user, client, LoginMethod.PASSWORD)
    async with in_transaction():
        return await sign_in(settings, client, user, LoginMethod.PASSWORD)


async def sign_in(
    settings: Settings,
    client: Client,
    user: User,
    method: LoginMethod,
    second_factor: SecondFactor | None = None,
) -> SignedIn:
    """Start a session for a user who has proven every factor. Call in a transaction."""
    # A passkey with user verification proves possession and a PIN or biometric, which is
    # more than a password: such a sign-in may make sensitive changes at once too (and a
    # user whose only second factor is a passkey gets a fresh proof this way).
    token, session = await sessions.start_session(
        user, client, settings.secret_key,
        password_proven=method in (LoginMethod.PASSWORD, LoginMethod.PASSKEY),
        phishing_resistant=method == LoginMethod.PASSKEY or second_factor == SecondFactor.PASSKEY,
    )
    await record_attempt(user, client, True, method, second_factor)
    user.last_login_at = session.created_at
    await User.filter(id=user.id).update(last_login_at=session.created_at)
    return SignedIn(token=token, session=session, user=user)


async def _record_failure(user: User | None, email: str, client: Client, notify: bool = True) -> None:
    if user is not None:
        await record_attempt(user, client, False, LoginMethod.PASSWORD, notify=notify)
    else:
        await UnknownAccountAttempt.create(
            email_hash=email_key(email),
            ip_address=client.ip_address,
            user_agent=(client.user_agent or "")[:512] or None,
        )
        await audit.record(AuditKind.LOGIN_FAILED, email_hash=email_key(email), known_account=False)


async def _may_notify(user: User) -> bool:
    """Login notices: at most LOGIN_NOTICES_PER_HOUR, the rest are only recorded."""
    limit = rate_limits.Limit(f"message:login_notice:{user.id}", LOGIN_NOTICES_PER_HOUR, 3600)
    try:
        await rate_limits.take([limit], "")
    except RateLimited:
        return False
    return True


LOGIN_NOTICES_PER_HOUR = 20


async def record_attempt(
    user: User,
    client: Client,
    succeeded: bool,
    method: LoginMethod,
    second_factor: SecondFactor | None = None,
    notify: bool = True,
) -> None:
    # Only to a verified address: an unverified one may be a stranger's.
    if notify and user.login_notifications and user.email_verified and await _may_notify(user):
        await outbox.login_notice(
            user.email, now(), client.ip_address, client.user_agent, succeeded
        )
    await audit.record(
        AuditKind.LOGIN_SUCCEEDED if succeeded else AuditKind.LOGIN_FAILED,
        subject_user_id=user.id,
        actor_user_id=user.id if succeeded else None,
        method=method,
        second_factor=second_factor,
    )
    await LoginAttempt.create(
        second_factor=second_factor,
        user=user,
        at=now(),
        ip_address=client.ip_address,
        user_agent=(client.user_agent or "")[:512] or None,
        succeeded=succeeded,
        method=method,
    )


async def change_password(
    settings: Settings, client: Client, session: Session, current: str, new: str
) -> None:
    """Needs the current password; ends every other session of the account."""
    user = session.user
    limits = login_limits(settings, user.email, client)
    await rate_limits.take(limits, "Too many wrong passwords for this account or address.")
    if not await passwords.verify_password(user.password_hash, current):
        raise InvalidCredentials("The current password is wrong: check it and try again.")
    await rate_limits.give_back(limits)
    passwords.check_policy(new, field="newPassword", email=user.email)
    if new == current:
        raise BadUserInput("The new password is the same as the current one.", field="newPassword")
    password_hash = await passwords.hash_password(new)
    async with in_transaction():
        changed = now()
        await User.filter(id=user.id).update(password_hash=password_hash, password_changed_at=changed)
        # Told before the other sessions end, so that they hear why.
        await events.password_changed(user.id)
        await sessions.end_other_sessions(user.id, keep=session.id)
        await audit.record(AuditKind.PASSWORD_CHANGED, subject_user_id=user.id)
        await notices.tell(user, "your password was changed; your other sessions were ended")


async def set_login_notifications(user: User, enabled: bool) -> User:
    if enabled and not user.email_verified:
        raise EmailNotVerified(verification.NOT_VERIFIED)
    async with in_transaction():
        await User.filter(id=user.id).update(login_notifications=enabled)
        await audit.record(AuditKind.LOGIN_NOTIFICATIONS_CHANGED, subject_user_id=user.id, enabled=enabled)
        if not enabled:  # a thief's first move would be to turn them off quietly
            await notices.tell(user, "login notifications were turned off")
    user.login_notifications = enabled
    return user


async def revoke_session(user: User, session_id: uuid.UUID) -> None:
    """End one of the user's own sessions (a lost device); NOT_FOUND for any other."""
    async with in_transaction():
        if not await sessions.revoke_own_session(user.id, session_id):
            raise not_found("session")
        await audit.record(AuditKind.SESSION_REVOKED, subject_user_id=user.id, session=session_id)


async def update_profile(user: User, name: str) -> User:
    """The name the user shows; the e-mail address changes by changeEmail."""
    name = clean_name(name, field="name")
    async with in_transaction():
        await User.filter(id=user.id).update(name=name)
        await audit.record(AuditKind.PROFILE_UPDATED, subject_user_id=user.id)
    user.name = name
    return user
