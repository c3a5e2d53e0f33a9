"""Authenticated encryption (AES-GCM) of what the server must read back later: TOTP
secrets, and outgoing messages while they wait in the outbox. Keys are derived from
ACCOUNTQL_SECRET_KEY, one per purpose; the newest secret key seals, every key unseals (see
keyring), and `reseal` moves a stored value to the newest."""

from __future__ import annotations

import base64
import os
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from accountql.auth import keyring

_configured_keys: tuple[str, ...] = ()


def configure(keys: keyring.Keys) -> None:
    """The keys of this process, for callers that have no settings at hand (the outbox)."""
    global _configured_keys
    _configured_keys = keyring.each(keys)


def configured_keys() -> tuple[str, ...]:
    if not _configured_keys:
        raise RuntimeError("sealing.configure(settings.secret_keys) was not called")
    return _configured_keys


def configured_key() -> str:
    """The key that seals from now on."""
    return configured_keys()[0]


@lru_cache(maxsize=16)
def _cipher(secret_key: str, purpose: str) -> AESGCM:
    key = HKDF(algorithm=SHA256(), length=32, salt=None, info=f"accountql {purpose}".encode())
    return AESGCM(key.derive(secret_key.encode()))


def seal(secret_key: str, purpose: str, text: str) -> str:
    nonce = os.urandom(12)
    sealed = _cipher(secret_key, purpose).encrypt(nonce, text.encode(), purpose.encode())
    return base64.urlsafe_b64encode(nonce + sealed).decode()


def unseal(keys: keyring.Keys, purpose: str, stored: str) -> str:
    """The text, sealed under any of the keys; InvalidTag when none of them sealed it."""
    raw = base64.urlsafe_b64decode(stored.encode())
    for key in keyring.each(keys):
        try:
            return _cipher(key, purpose).decrypt(raw[:12], raw[12:], purpose.encode()).decode()
        except InvalidTag:
            continue
    raise InvalidTag("sealed under none of the configured secret keys")


def reseal(keys: keyring.Keys, purpose: str, stored: str) -> str | None:
    """The value sealed under the newest key, or None when it already is."""
    newest = keyring.newest(keys)
    raw = base64.urlsafe_b64decode(stored.encode())
    try:
        _cipher(newest, purpose).decrypt(raw[:12], raw[12:], purpose.encode())
        return None
    except InvalidTag:
        return seal(newest, purpose, unseal(keys, purpose, stored))
