"""Signed tokens (JWT, HS256). Every token names its kind in `typ`; a token of one kind
(an MFA challenge, a reset link) is never accepted where another is expected."""

from __future__ import annotations

import uuid
from datetime import datetime

import jwt

from accountql.auth import keyring
from accountql.clock import now

ALGORITHM = "HS256"
ISSUER = "accountql"
AUDIENCE = "accountql-api"

SESSION = "session"


class InvalidToken(Exception):
    pass


def issue(secret_key: str, kind: str, subject: uuid.UUID, expires_at: datetime, **claims) -> str:
    payload = {
        "typ": kind,
        "sub": str(subject),
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": int(now().timestamp()),
        "exp": int(expires_at.timestamp()),
        **claims,
    }
    return jwt.encode(payload, secret_key, algorithm=ALGORITHM)


def decode(keys: keyring.Keys, token: str, kind: str, required: tuple[str, ...] = ()) -> dict:
    """The claims of a valid token of this kind, signed by any of the keys; InvalidToken
    for anything else."""
    *older, last = keyring.each(keys)
    for key in older:
        try:
            return _decode(key, token, kind, required)
        except InvalidSignature:
            continue
    return _decode(last, token, kind, required)


class InvalidSignature(InvalidToken):
    pass


def _decode(secret_key: str, token: str, kind: str, required: tuple[str, ...]) -> dict:
    try:
        claims = jwt.decode(
            token,
            secret_key,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            issuer=ISSUER,
            # Time is checked below against the one clock of the app, which tests move.
            options={
                "require": ["exp", "iss", "aud", "sub", "typ", *required],
                "verify_exp": False,
                "verify_iat": False,
            },
        )
    except jwt.InvalidSignatureError as error:
        raise InvalidSignature(str(error)) from None
    except jwt.PyJWTError as error:
        raise InvalidToken(str(error)) from None
    if not isinstance(claims["exp"], int) or claims["exp"] <= now().timestamp():
        raise InvalidToken("the token has expired")
    if claims.get("typ") != kind:
        raise InvalidToken(f"expected a {kind} token")
    return claims
