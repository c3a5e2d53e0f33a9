"""Phone numbers: E.164, validated with the phonenumbers library, verified by SMS code."""

from __future__ import annotations

from datetime import timedelta

import phonenumbers
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accountql import audit, outbox
from accountql.auth import one_time, rate_limits
from accountql.auth.sessions import Client
from accountql.clock import now
from accountql.config import Settings
from accountql.domain import notices
from accountql.errors import BadUserInput, Conflict
from accountql.models import AuditKind, Purpose, User

CODE_LIFETIME = timedelta(minutes=10)


def normalize(number: str, field: str = "phoneNumber") -> str:
    """The number in E.164 (+33612345678); BAD_USER_INPUT when it is no valid number."""
    try:
        parsed = phonenumbers.parse(number.strip(), None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise BadUserInput(
            "That is not a valid phone number: write it with its country code, e.g. +33612345678.",
            field=field,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


async def start_verification(settings: Settings, client: Client, user: User, number: str) -> None:
    """Text a code to the number; it becomes the account's once the code comes back. The
    caller has proven the password (and second factor) recently: else a stolen session
    could move the second factor to the thief's phone."""
    number = normalize(number)
    await rate_limits.limit_messages(settings, client, "phone_verification", number)
    if await User.filter(phone_number=number).exclude(id=user.id).exists():
        raise Conflict("That number belongs to another account.", field="phoneNumber")
    async with in_transaction():
        code = await one_time.issue_code(
            settings.secret_key, user, Purpose.PHONE_VERIFICATION, CODE_LIFETIME, payload=number
        )
        await outbox.phone_verification_code(number, code, 10)


async def verify(settings: Settings, user: User, code: str) -> User:
    # Spent outside a transaction: a wrong code's failed try must stay counted.
    row = await one_time.redeem_code(
        settings.secret_keys, user, Purpose.PHONE_VERIFICATION, code, tell_tries=True
    )
    try:
        async with in_transaction():
            verified_at = now()
            await User.filter(id=user.id).update(phone_number=row.payload, phone_verified_at=verified_at)
            await audit.record(AuditKind.PHONE_NUMBER_VERIFIED, subject_user_id=user.id)
            await notices.tell(user, f"the phone number {row.payload} was added to your account")
    except IntegrityError:
        raise Conflict("That number belongs to another account.", field="phoneNumber") from None
    user.phone_number, user.phone_verified_at = row.payload, verified_at
    return user


async def remove(user: User) -> User:
    if user.mfa_enabled and user.mfa_method == "SMS":
        raise Conflict(
            "Your second factor is SMS to this number: switch to an authenticator app first."
        )
    async with in_transaction():
        await User.filter(id=user.id).update(phone_number=None, phone_verified_at=None)
        await audit.record(AuditKind.PHONE_NUMBER_REMOVED, subject_user_id=user.id)
        await notices.tell(user, "the phone number was removed from your account")
    user.phone_number = None
    return user
