"""Changing the account's e-mail address: under a recent re-authentication, a link to the
new address; the old address is told once the change is done.

The answer is the same whether or not the new address has an account (else a session could
test millions of addresses): an address that is taken is told so by mail instead, and the
requests are limited per account."""

from __future__ import annotations

from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import one_time, rate_limits
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import accounts, contacts, notices
from accountql.errors import BadUserInput, Conflict
from accountql.models import AuditKind, OneTimeToken, Purpose, User

LINK_LIFETIME = timedelta(hours=1)
TAKEN = "An account with that e-mail address exists already."


async def request(settings: Settings, client: Client, user: User, new_email: str) -> None:
    new_email = accounts.normalize_email(new_email, field="input.newEmail")
    if new_email == user.email:
        raise BadUserInput("That is your address already.", field="input.newEmail")
    await rate_limits.take(
        [rate_limits.Limit(f"message:email_change:account:{user.id}", settings.messages_per_recipient, 3600)],
        "Too many e-mail changes were asked for from this account.",
    )
    await rate_limits.limit_messages(settings, client, "email_change", new_email)
    async with in_transaction():
        if await User.exists(email=new_email):
            await outbox.email_taken_notice(new_email)
            return
        token = await one_time.issue_link_token(
            settings.secret_key, user, Purpose.EMAIL_CHANGE, LINK_LIFETIME, payload=new_email
        )
        await outbox.email_change_link(new_email, f"{settings.app_url}/confirm-email#token={token}", 60)


async def confirm(settings: Settings, token: str) -> User:
    """Follow the link sent to the new address: the address, proven by the link, becomes
    the account's; contacts that named the old one follow; both addresses are told."""
    try:
        async with in_transaction():
            row = await one_time.redeem_link_token(settings.secret_keys, Purpose.EMAIL_CHANGE, token)
            user = row.user
            old_email, old_verified = user.email, user.email_verified
            user.email, user.email_verified, user.email_verified_at = row.payload, True, now()
            await User.filter(id=user.id).update(
                email=user.email, email_verified=True, email_verified_at=user.email_verified_at
            )
            # Links sent to the old address stop working with it.
            await one_time.void_all(
                user.id, Purpose.MAGIC_LINK, Purpose.PASSWORD_RESET, Purpose.EMAIL_CHANGE, Purpose.EMAIL_VERIFICATION
            )
            await contacts.follow_email_change(user, old_email)
            await audit.record(AuditKind.EMAIL_CHANGED, subject_user_id=user.id, old=old_email, new=user.email)
            await notices.tell(
                user,
                f"your account's e-mail address was changed from {old_email} to {user.email}",
                also=(old_email,) if old_verified else (),
            )
    except IntegrityError:
        raise Conflict(TAKEN, field="input.token") from None
    return user


async def pending(user: User) -> str | None:
    """The new address of the user's newest e-mail change still waiting for its link."""
    row = await OneTimeToken.filter(
        user_id=user.id, purpose=Purpose.EMAIL_CHANGE.value, used_at=None, expires_at__gt=now()
    ).order_by("-created_at").first()
    return row.payload if row else None
