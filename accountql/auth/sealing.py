"""Authenticated encryption (AES-GCM) of what the server must read back later: TOTP
secrets, and outgoing messages while they wait in the outbox. Keys are derived from
ACCOUNTQL_SECRET_KEY, one per purpose."""

from __future__ import annotations

import base64
import os
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_configured_key: str | None = None


def configure(secret_key: str) -> None:
    """The key of this process, for callers that have no settings at hand (the outbox)."""
    global _configured_key
    _configured_key = secret_key


def configured_key() -> str:
    if _configured_key is None:
        raise RuntimeError("sealing.configure(secret_key) was not called")
    return _configured_key


@lru_cache(maxsize=16)
def _cipher(secret_key: str, purpose: str) -> AESGCM:
    key = HKDF(algorithm=SHA256(), length=32, salt=None, info=f"accountql {purpose}".encode())
    return AESGCM(key.derive(secret_key.encode()))


def seal(secret_key: str, purpose: str, text: str) -> str:
    nonce = os.urandom(12)
    sealed = _cipher(secret_key, purpose).encrypt(nonce, text.encode(), purpose.encode())
    return base64.urlsafe_b64encode(nonce + sealed).decode()


def unseal(secret_key: str, purpose: str, stored: str) -> str:
    raw = base64.urlsafe_b64decode(stored.encode())
    return _cipher(secret_key, purpose).decrypt(raw[:12], raw[12:], purpose.encode()).decode()
