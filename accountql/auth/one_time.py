"""One-time secrets sent to a user: link tokens (32 random bytes) and 6-digit codes.

Only a keyed hash is stored. A link token is found by its hash; a code, which is short, is
checked only against the newest code of its user and purpose, with a few tries. Either is
spent by one conditional UPDATE whose row count decides, so it works once, also under
concurrent requests."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from tortoise.expressions import F

from accountql.auth import keyring
from accountql.clock import now
from accountql.errors import InvalidCode
from accountql.models import OneTimeToken, Purpose, User

CODE_TRIES = 5
WRONG = "That code is wrong, expired or used up: ask for a new one."


def keyed_hash(secret_key: str, value: str) -> str:
    """How every one-time secret is stored: a keyed hash, useless without the server's key."""
    return hmac.new(secret_key.encode(), value.strip().encode(), hashlib.sha256).hexdigest()



async def _store(
    secret_key: str, user: User, purpose: Purpose, secret: str, lifetime: timedelta, payload: str | None
) -> str:
    await OneTimeToken.create(
        user=user,
        purpose=purpose.value,
        token_hash=keyed_hash(secret_key, secret),
        expires_at=now() + lifetime,
        payload=payload,
    )
    return secret


async def issue_link_token(
    secret_key: str, user: User, purpose: Purpose, lifetime: timedelta, payload: str | None = None
) -> str:
    return await _store(secret_key, user, purpose, secrets.token_urlsafe(32), lifetime, payload)


async def issue_code(
    secret_key: str, user: User, purpose: Purpose, lifetime: timedelta, payload: str | None = None
) -> str:
    """A new 6-digit code; it replaces any earlier unused one of the same purpose."""
    await OneTimeToken.filter(user_id=user.id, purpose=purpose.value, used_at=None).update(
        used_at=now()
    )
    code = f"{secrets.randbelow(10**6):06d}"
    return await _store(secret_key, user, purpose, code, lifetime, payload)


async def void_all(user_id, *purposes: Purpose) -> None:
    """Make every unused token of these purposes useless (after a reset or an e-mail change,
    links already sent must not work any more)."""
    await OneTimeToken.filter(
        user_id=user_id, used_at=None, purpose__in=[p.value for p in purposes]
    ).update(used_at=now())


def keyed_hashes(keys: keyring.Keys, value: str) -> list[str]:
    """The value's hash under each key: what an older key stored is found too."""
    return [keyed_hash(key, value) for key in keyring.each(keys)]


async def peek_link_token(keys: keyring.Keys, purpose: Purpose, token: str) -> OneTimeToken:
    """The live token, without spending it (to check the rest of a request first)."""
    row = await OneTimeToken.get_or_none(
        token_hash__in=keyed_hashes(keys, token), purpose=purpose.value, used_at=None, expires_at__gt=now()
    ).select_related("user")
    if row is None:
        raise InvalidCode("That link is wrong, expired or used already: ask for a new one.")
    return row


async def _spend(row: OneTimeToken) -> OneTimeToken:
    spent = await OneTimeToken.filter(id=row.id, used_at=None).update(used_at=now())
    if spent != 1:
        raise InvalidCode("That link or code was used already: ask for a new one.")
    return row


async def redeem_link_token(keys: keyring.Keys, purpose: Purpose, token: str) -> OneTimeToken:
    """Spend a link token; INVALID_CODE when it is wrong, expired or used."""
    return await _spend(await peek_link_token(keys, purpose, token))


async def redeem_code(
    keys: keyring.Keys, user: User | None, purpose: Purpose, code: str, tell_tries: bool = False
) -> OneTimeToken:
    """Spend the user's newest code of this purpose; INVALID_CODE for a wrong code (a few
    tries, then the code is dead), an expired one, or none. Only a signed-in user is told
    how many tries are left: to anyone else that would show the account exists."""
    row = None
    if user is not None:
        row = (
            await OneTimeToken.filter(
                user_id=user.id, purpose=purpose.value, used_at=None, expires_at__gt=now()
            )
            .order_by("-created_at")
            .select_related("user")
            .first()
        )
    if row is None:
        raise InvalidCode(WRONG)
    # A try is taken before the code is compared, by one conditional UPDATE: concurrent
    # guesses cannot all read "tries left" before any of them is counted.
    if await OneTimeToken.filter(id=row.id, failures__lt=CODE_TRIES).update(failures=F("failures") + 1) != 1:
        raise InvalidCode(WRONG)
    # Compared with every key's hash, all of them: the time does not tell which matched.
    if not [h for h in keyed_hashes(keys, code) if hmac.compare_digest(row.token_hash, h)]:
        if not tell_tries:
            raise InvalidCode(WRONG)
        tried = await OneTimeToken.filter(id=row.id).values_list("failures", flat=True)
        left = CODE_TRIES - tried[0]
        raise InvalidCode(
            f"That code is wrong: {left} tries left, then ask for a new one."
            if left
            else "That code is wrong, and it is now used up: ask for a new one."
        )
    return await _spend(row)
