"""Sudo mode, as GitHub calls it: a change that could lock the owner out (phone number,
second factors, backup codes, e-mail address, API keys) needs a proof of the password, and
of the second factor when MFA is on (or of a passkey alone), from the last few minutes. A
password login gives that proof; `reauthenticate` renews it. A stolen session token alone is then not enough to take
the account over."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from accountql import audit
from accountql.auth import passwords, rate_limits
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import accounts, mfa, passkeys
from accountql.errors import (
    BadUserInput,
    InvalidCode,
    InvalidCredentials,
    ReauthenticationRequired,
)
from accountql.models import AuditKind, LoginMethod, Session, User


def valid_until(settings: Settings, session: Session) -> datetime | None:
    """Until when the session's last password proof lets it make sensitive changes."""
    if session.reauthenticated_at is None:
        return None
    return session.reauthenticated_at + timedelta(minutes=settings.reauthentication_minutes)


def require_recent(settings: Settings, session: Session) -> None:
    until = valid_until(settings, session)
    if until is None or now() >= until:
        raise ReauthenticationRequired(
            "This change needs your password again (and a code from your second factor when "
            "multi-factor authentication is on), or your passkey: call reauthenticate, then retry.",
            withinMinutes=settings.reauthentication_minutes,
        )


async def prove(
    settings: Settings, client: Client, user: User, password: str | None, code: str | None, passkey: object = None
) -> None:
    """Check the password, and the second factor when MFA is on (a code, or a passkey's
    assertion), for a sensitive change. Wrong passwords count against the same limits as
    logins and show in the login history; wrong codes and passkeys against the account's
    code limit. The inputs that call this name their fields `password` and `code`: a
    refusal names the one to fix, so a form can show it there.

    A passkey's assertion alone is enough (GitHub's sudo mode takes one): made with user
    verification, it proves possession and a PIN or biometric, which is more than a
    password and a code, and it cannot be phished."""
    if password is None:
        if passkey is None:
            raise BadUserInput("Give your password, or confirm with a passkey.", field="input.password")
        await passkeys.prove_possession(settings, client, user, passkey, alone=True)
        return
    limits = accounts.login_limits(settings, user.email, client)
    await rate_limits.take(limits, "Too many wrong passwords for this account or address.")
    if not await passwords.verify_password(user.password_hash, password):
        # In the login history like any wrong password, and told like one when asked.
        await accounts.record_attempt(user, client, False, LoginMethod.PASSWORD)
        raise InvalidCredentials("The password is wrong: check it and try again.", field="input.password")
    await rate_limits.give_back(limits)
    if user.mfa_enabled:
        if passkey is not None:
            await passkeys.prove_possession(settings, client, user, passkey)
        else:
            try:
                await mfa.spend_second_factor(settings, user, code)
            except InvalidCode as wrong:
                wrong.extensions.setdefault("field", "input.code")
                raise


async def reauthenticate(
    settings: Settings, client: Client, session: Session, password: str | None, code: str | None, passkey: object = None
) -> Session:
    """Prove the password (and second factor) again: the session may make sensitive changes
    for the next few minutes."""
    user = session.user
    await prove(settings, client, user, password, code, passkey)
    async with in_transaction():
        session.reauthenticated_at = now()
        # A passkey's assertion, bound to this site's origin, makes the session as good as
        # one opened with it (what phishing-resistant enforcement asks of sessions).
        session.phishing_resistant = session.phishing_resistant or passkey is not None
        await Session.filter(id=session.id).update(
            reauthenticated_at=session.reauthenticated_at, phishing_resistant=session.phishing_resistant
        )
        await audit.record(AuditKind.REAUTHENTICATED, subject_user_id=user.id)
    return session
