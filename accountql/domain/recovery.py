"""Getting in without the password: magic links and password resets (e-mail link or SMS
code). Every request answers the same whether or not the account exists."""

from __future__ import annotations

from datetime import timedelta

from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import one_time, passwords, sessions
from accountql.auth.challenges import PendingMfa, start_challenge
from accountql.auth.sessions import Client
from accountql.config import Settings
from accountql.domain import accounts, phones
from accountql.errors import BadUserInput
from accountql.models import AuditKind, LoginMethod, Purpose, User

MAGIC_LINK_LIFETIME = timedelta(minutes=15)
RESET_LINK_LIFETIME = timedelta(minutes=30)
RESET_CODE_LIFETIME = timedelta(minutes=10)


async def request_magic_link(settings: Settings, client: Client, email: str) -> None:
    address = accounts.lookup_email(email)
    await accounts.limit_messages(settings, client, "magic_link", address or email)
    user = address and await User.get_or_none(email=address)
    if user is None:
        return
    async with in_transaction():
        token = await one_time.issue_link_token(
            settings.secret_key, user, Purpose.MAGIC_LINK, MAGIC_LINK_LIFETIME
        )
        await outbox.magic_link(user.email, f"{settings.app_url}/magic-link#token={token}", 15)


async def log_in_with_magic_link(
    settings: Settings, client: Client, token: str
) -> accounts.SignedIn | PendingMfa:
    async with in_transaction():
        row = await one_time.redeem_link_token(settings.secret_key, Purpose.MAGIC_LINK, token)
        user = row.user
        if user.mfa_enabled:
            return await start_challenge(settings.secret_key, user, client, LoginMethod.MAGIC_LINK)
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
    await accounts.limit_messages(settings, client, f"reset_{channel.lower()}", recipient)
    if user is None:
        return
    async with in_transaction():
        if channel == "EMAIL":
            token = await one_time.issue_link_token(
                settings.secret_key, user, Purpose.PASSWORD_RESET, RESET_LINK_LIFETIME
            )
            await outbox.password_reset_link(
                user.email, f"{settings.app_url}/reset-password#token={token}", 30
            )
        elif user.phone_number:  # SMS, to a verified number only
            code = await one_time.issue_code(
                settings.secret_key, user, Purpose.PASSWORD_RESET_SMS, RESET_CODE_LIFETIME
            )
            await outbox.password_reset_code(user.phone_number, code, 10)


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
        user, _ = await _account_by(email, phone_number)
    passwords.check_policy(new_password, field="newPassword")
    password_hash = await passwords.hash_password(new_password)
    # Spent outside the transaction: a wrong code's failed try must stay counted.
    if token:
        row = await one_time.redeem_link_token(settings.secret_key, Purpose.PASSWORD_RESET, token)
    else:
        row = await one_time.redeem_code(settings.secret_key, user, Purpose.PASSWORD_RESET_SMS, code)
    async with in_transaction():
        await User.filter(id=row.user_id).update(password_hash=password_hash)
        await sessions.end_other_sessions(row.user_id, keep=None)
        await audit.record(
            AuditKind.PASSWORD_RESET, subject_user_id=row.user_id, channel="EMAIL" if token else "SMS"
        )
