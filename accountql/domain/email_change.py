"""Changing the account's e-mail address: the password first, then a link to the new
address; the old address is told once the change is done."""

from __future__ import annotations

from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import one_time, passwords, rate_limits
from accountql.auth.sessions import Client
from accountql.config import Settings
from accountql.domain import accounts
from accountql.errors import BadUserInput, Conflict, InvalidCredentials
from accountql.models import AuditKind, Purpose, User

LINK_LIFETIME = timedelta(hours=1)
TAKEN = "An account with that e-mail address exists already."


async def request(settings: Settings, client: Client, user: User, new_email: str, password: str) -> None:
    new_email = accounts.normalize_email(new_email, field="newEmail")
    if new_email == user.email:
        raise BadUserInput("That is your address already.", field="newEmail")
    limits = accounts.login_limits(settings, user.email, client)
    await rate_limits.take(limits, "Too many wrong passwords for this account or address.")
    if not await passwords.verify_password(user.password_hash, password):
        raise InvalidCredentials("The password is wrong: check it and try again.")
    await rate_limits.give_back(limits)
    if await User.exists(email=new_email):
        raise Conflict(TAKEN, field="newEmail")
    await rate_limits.limit_messages(settings, client, "email_change", new_email)
    async with in_transaction():
        token = await one_time.issue_link_token(
            settings.secret_key, user, Purpose.EMAIL_CHANGE, LINK_LIFETIME, payload=new_email
        )
        await outbox.email_change_link(new_email, f"{settings.app_url}/confirm-email#token={token}", 60)


async def confirm(settings: Settings, token: str) -> User:
    try:
        async with in_transaction():
            row = await one_time.redeem_link_token(settings.secret_key, Purpose.EMAIL_CHANGE, token)
            user = row.user
            old_email, user.email = user.email, row.payload
            await User.filter(id=user.id).update(email=user.email)
            # Links sent to the old address stop working with it.
            await one_time.void_all(user.id, Purpose.MAGIC_LINK, Purpose.PASSWORD_RESET, Purpose.EMAIL_CHANGE)
            await outbox.email_changed_notice(old_email, user.email)
            await audit.record(AuditKind.EMAIL_CHANGED, subject_user_id=user.id, old=old_email, new=user.email)
    except IntegrityError:
        raise Conflict(TAKEN, field="newEmail") from None
    return user
