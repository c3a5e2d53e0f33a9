"""TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app expects), the
encryption of TOTP secrets at rest, and backup codes.

pyotp's own verify has no replay protection; `matching_step` returns the time step a code
belongs to, and the caller accepts it only if it is later than the last accepted one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

import pyotp
import segno

from accountql.auth import keyring, sealing

PERIOD = 30
TOTP_SECRETS = "totp secrets"  # the sealing purpose
DIGITS = 6
# RFC 6238 5.2: accept the current step and one step back, for clock drift and typing.
STEPS_BACK = 1
BACKUP_CODE_COUNT = 10


def new_secret() -> str:
    return pyotp.random_base32()  # 160 bits, the RFC 4226 recommendation


def step_of(moment: datetime) -> int:
    return int(moment.timestamp()) // PERIOD


def matching_step(secret: str, code: str, moment: datetime, digits: int = DIGITS) -> int | None:
    """The time step (current, or one back) whose code is `code`, else None. Constant time."""
    code = code.strip().replace(" ", "")
    if len(code) != digits or not (code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret, digits=digits, interval=PERIOD)
    current = step_of(moment)
    found = None
    for step in range(current - STEPS_BACK, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            found = step
    return found


def provisioning_uri(secret: str, email: str, issuer: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_code(uri: str) -> tuple[str, str]:
    """The QR code of `uri` as inline SVG, and as a data: URI a browser shows as an image."""
    qr = segno.make(uri, error="m")
    return qr.svg_inline(scale=4, dark="#000", light="#fff"), qr.svg_data_uri(scale=4)


def encrypt_secret(secret_key: str, secret: str) -> str:
    return sealing.seal(secret_key, TOTP_SECRETS, secret)


def decrypt_secret(keys: keyring.Keys, stored: str) -> str:
    return sealing.unseal(keys, TOTP_SECRETS, stored)


def new_backup_codes() -> list[str]:
    """Ten codes like 'k7fq-2m9x-pd4t': 60 bits each, easy to read out and type."""
    alphabet = "23456789abcdefghjkmnpqrstuvwxyz"
    codes = []
    for _ in range(BACKUP_CODE_COUNT):
        raw = "".join(secrets.choice(alphabet) for _ in range(12))
        codes.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    return codes


def looks_like_backup_code(code: str) -> bool:
    return len(normalize_backup_code(code)) == 12


def normalize_backup_code(code: str) -> str:
    return code.strip().lower().replace("-", "").replace(" ", "")


def hash_backup_code(secret_key: str, code: str) -> str:
    """Keyed hash: a stolen database alone does not let anyone test guesses offline."""
    return hmac.new(
        secret_key.encode(), normalize_backup_code(code).encode(), hashlib.sha256
    ).hexdigest()
