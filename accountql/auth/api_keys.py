"""API key secrets: `aqk_` and 43 characters (32 random bytes), found by a keyed hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from tortoise.expressions import Q

from accountql.auth import keyring
from accountql.clock import now
from accountql.errors import Unauthenticated
from accountql.models import ApiKey

PREFIX = "aqk_"
VISIBLE = 12  # "aqk_" and 8 characters: enough to tell keys apart, useless to guess with
LAST_USED_RESOLUTION = timedelta(minutes=1)


def new_secret() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def looks_like_api_key(token: str) -> bool:
    return token.startswith(PREFIX)


def secret_hash(secret_key: str, secret: str) -> str:
    return hmac.new(secret_key.encode(), secret.encode(), hashlib.sha256).hexdigest()


async def authenticate(keys: keyring.Keys, token: str) -> ApiKey:
    """The live key a secret names; UNAUTHENTICATED for an unknown, revoked or expired one.
    lastUsedAt is written at most once a minute, not on every request. A key hashed under
    an older secret key is hashed again under the newest on use, so that the older secret
    key can be retired once the keys in use have been seen."""
    current = now()
    hashes = [secret_hash(key, token) for key in keyring.each(keys)]
    key = await ApiKey.get_or_none(
        Q(expires_at=None) | Q(expires_at__gt=current),
        secret_hash__in=hashes,
        revoked_at=None,
    )
    if key is None:
        raise Unauthenticated(
            "The API key is not valid: it may have been revoked or have expired. Create a new one."
        )
    if key.secret_hash != hashes[0]:
        await ApiKey.filter(id=key.id, secret_hash=key.secret_hash).update(secret_hash=hashes[0])
        key.secret_hash = hashes[0]
    if key.last_used_at is None or current - key.last_used_at >= LAST_USED_RESOLUTION:
        # Conditional: of concurrent requests at the minute's turn, one writes.
        await ApiKey.filter(
            Q(last_used_at=None) | Q(last_used_at__lte=current - LAST_USED_RESOLUTION), id=key.id
        ).update(last_used_at=current)
        key.last_used_at = current
    return key
