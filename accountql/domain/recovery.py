"""Getting in without the password: magic links and password resets (e-mail link or SMS
code). Every request answers the same whether or not the account exists."""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import timedelta

from tortoise.transactions import in_transaction

from accountql import audit, events, outbox
from accountql.auth import one_time, passwords, rate_limits, sessions
from accountql.auth.challenges import PendingMfa, start_challenge
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import accounts, notices, phones, verification
from accountql.errors import BadUserInput
from accountql.models import AuditKind, LoginMethod, MfaMethod, Purpose, User

MAGIC_LINK_LIFETIME = timedelta(minutes=15)
RESET_LINK_LIFETIME = timedelta(minutes=30)
RESET_CODE_LIFETIME = timedelta(minutes=10)
ANSWER_TIME = 0.05  # seconds every request-a-message answer takes, account or not
# What a reset or an e-mail change voids: links and codes already sent stop working.
LOGIN_LINKS = (Purpose.MAGIC_LINK, Purpose.PASSWORD_RESET, Purpose.PASSWORD_RESET_SMS, Purpose.EMAIL_CHANGE)


@contextlib.asynccontextmanager
async def taking_at_least(seconds: float):
    """Answer no sooner than `seconds` after the start: whether a message was written for a
    real account or nothing was done for an unknown one, the timing is the same."""
    started = time.monotonic()
    try:
        yield
    finally:
        await asyncio.sleep(max(0.0, seconds - (time.monotonic() - started)))


async def request_magic_link(settings: Settings, client: Client, email: str) -> None:
    if not email.strip():  # names no account: refusing it tells nothing about accounts
        raise BadUserInput("Enter the e-mail address of your account.", field="input.email")
    address = accounts.lookup_email(email)
    await rate_limits.limit_messages(settings, client, "magic_link", address or email)
    async with taking_at_least(ANSWER_TIME):
        user = address and await User.get_or_none(email=address)
        if user is not None:
            await _send_magic_link(settings, user)


async def _send_magic_link(settings: Settings, user: User) -> None:
    async with in_transaction():
        token = await one_time.issue_link_token(
            settings.secret_key, user, Purpose.MAGIC_LINK, MAGIC_LINK_LIFETIME
        )
        await outbox.magic_link(user.email, f"{settings.app_url}/magic-link#token={token}", 15)


async def log_in_with_magic_link(
    settings: Settings, client: Client, token: str
) -> accounts.SignedIn | PendingMfa:
    async with in_transaction():
        row = await one_time.redeem_link_token(settings.secret_keys, Purpose.MAGIC_LINK, token)
        user = row.user
        # The link proves the address: an unverified one is claimed by whoever followed it.
        if await verification.claim(user):
            await notices.tell(user, f"{verification.CLAIMED}; choose a password with requestPasswordReset")
        if user.mfa_enabled:
            return await start_challenge(settings, user, client, LoginMethod.MAGIC_LINK)
        return await accounts.sign_in(settings, client, user, LoginMethod.MAGIC_LINK)


async def _account_by(email: str | None, phone_number: str | None) -> tuple[User | None, str]:
    """The account an e-mail address or phone number names, and the text to rate-limit by."""
    if bool(email) == bool(phone_number):
        raise BadUserInput("Give either an e-mail address or a phone number.", field="email")
    if email:
        address = accounts.lookup_email(email)
        return (address and await User.get_or_none(email=address)), address or email
    number = phones.normalize(phone_number, field="phoneNumber")
    return await User.get_or_none(phone_number=number), number


async def request_password_reset(
    settings: Settings, client: Client, channel: str, email: str | None, phone_number: str | None
) -> None:
    user, recipient = await _account_by(email, phone_number)
    await rate_limits.limit_messages(settings, client, f"reset_{channel.lower()}", recipient)
    async with taking_at_least(ANSWER_TIME):
        if user is not None:
            await _send_reset(settings, user, channel)


async def _send_reset(settings: Settings, user: User, channel: str) -> None:
    async with in_transaction():
        if channel == "EMAIL":
            token = await one_time.issue_link_token(
                settings.secret_key, user, Purpose.PASSWORD_RESET, RESET_LINK_LIFETIME
            )
            await outbox.password_reset_link(
                user.email, f"{settings.app_url}/reset-password#token={token}", 30
            )
        elif user.phone_number and not (user.mfa_enabled and user.mfa_method == MfaMethod.SMS):
            # SMS only to a verified number, and never when SMS is also the second factor:
            # one stolen phone would then open the account.
            if _verified_recently(settings, user):
                # A stolen session could have just put its own number on the account: such a
                # number gets no code, only the way to the e-mailed link. The answer to the
                # request stays the same, so it tells an outsider nothing.
                await outbox.send_sms(
                    user.phone_number,
                    "password_reset_refused",
                    f"This number was added to the account less than {settings.sms_reset_delay_hours} "
                    "hours ago, so it cannot reset the password yet: use the reset link by e-mail.",
                )
                return
            code = await one_time.issue_code(
                settings.secret_key, user, Purpose.PASSWORD_RESET_SMS, RESET_CODE_LIFETIME
            )
            await outbox.password_reset_code(user.phone_number, code, 10)


def _verified_recently(settings: Settings, user: User) -> bool:
    """Whether the number was verified less than the setting's hours ago (a number verified
    before the time was recorded counts as old)."""
    verified_at = user.phone_verified_at
    return verified_at is not None and now() - verified_at < timedelta(hours=settings.sms_reset_delay_hours)


async def reset_password(
    settings: Settings,
    new_password: str,
    token: str | None = None,
    code: str | None = None,
    email: str | None = None,
    phone_number: str | None = None,
) -> None:
    """Set a new password with a link token, or with an SMS code and the address or number
    it was asked for. Ends every session; MFA stays on, so the next login asks for it."""
    if bool(token) == bool(code):
        raise BadUserInput("Give either the token from the link or the code from the SMS.", field="token")
    if code:
        # The same checks whether or not the account exists, so the answer tells nothing;
        # the e-mail-address rule waits until the code has proven who is asking.
        user, _ = await _account_by(email, phone_number)
        passwords.check_policy(new_password, field="newPassword")
    else:
        # Looked at, not spent: a password the policy refuses must not use up the link.
        user = (await one_time.peek_link_token(settings.secret_keys, Purpose.PASSWORD_RESET, token)).user
        passwords.check_policy(new_password, field="newPassword", email=user.email)
    password_hash = await passwords.hash_password(new_password)
    # Spent outside the transaction: a wrong code's failed try must stay counted.
    if token:
        row = await one_time.redeem_link_token(settings.secret_keys, Purpose.PASSWORD_RESET, token)
    else:
        row = await one_time.redeem_code(settings.secret_keys, user, Purpose.PASSWORD_RESET_SMS, code)
        passwords.check_policy(new_password, field="newPassword", email=row.user.email)
    async with in_transaction():
        await events.password_changed(row.user_id)  # before the sessions end: they hear why
        await sessions.end_other_sessions(row.user_id, keep=None)
        await one_time.void_all(row.user_id, *LOGIN_LINKS)
        # The e-mailed link proves the address (and claims an unverified one); the new
        # password is set after, in place of the unusable one a claim leaves.
        claimed = bool(token) and await verification.claim(row.user)
        await User.filter(id=row.user_id).update(password_hash=password_hash, password_changed_at=now())
        await audit.record(
            AuditKind.PASSWORD_RESET, subject_user_id=row.user_id, channel="EMAIL" if token else "SMS"
        )
        await notices.tell(
            row.user, verification.CLAIMED if claimed else "your password was reset; every session was ended"
        )
