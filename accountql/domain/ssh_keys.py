"""SSH public keys: parsed and checked with `cryptography`, fingerprinted as OpenSSH does."""

from __future__ import annotations

import base64
import binascii
import hashlib
import uuid

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_ssh_public_key,
)
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accountql import audit
from accountql.domain.accounts import clean_name
from accountql.errors import BadUserInput, Conflict, NotFound
from accountql.models import AuditKind, SshKey, User

MIN_RSA_BITS = 2048
MAX_RSA_BITS = 16384  # OpenSSH's own limit
MAX_COMMENT = 255
CURVES = {"secp256r1": 256, "secp384r1": 384, "secp521r1": 521}
ACCEPTED_TYPES = {
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "ssh-rsa",
}
FIELD = "publicKey"


def parse(text: str) -> tuple[str, str, int, str]:
    """(normalized line, key type, bits, fingerprint) of one OpenSSH public key line."""
    line = " ".join(text.split())
    if "PRIVATE KEY" in line:
        raise BadUserInput(
            "That is a private key: never share it. Paste the public key, the .pub file "
            "(it starts with ssh-ed25519, ecdsa-sha2-… or ssh-rsa).",
            field=FIELD,
        )
    parts = line.split(" ")
    if len(parts) < 2:
        raise BadUserInput(_UNREADABLE, field=FIELD)
    if parts[0] not in ACCEPTED_TYPES:
        raise BadUserInput(_NOT_ACCEPTED, field=FIELD)
    comment = " ".join(parts[2:])
    if len(comment) > MAX_COMMENT:
        raise BadUserInput(f"The key's comment is longer than {MAX_COMMENT} characters.", field=FIELD)
    try:
        key = load_ssh_public_key(f"{parts[0]} {parts[1]}".encode())
    except (ValueError, UnsupportedAlgorithm, binascii.Error):
        raise BadUserInput(_UNREADABLE, field=FIELD) from None
    if isinstance(key, ed25519.Ed25519PublicKey):
        bits = 256
    elif isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name in CURVES:
        bits = CURVES[key.curve.name]
    elif isinstance(key, rsa.RSAPublicKey):
        bits = key.key_size
        if bits > MAX_RSA_BITS or key.public_numbers().n % 2 == 0:
            raise BadUserInput(
                f"That RSA key is not one OpenSSH would use: keep to {MAX_RSA_BITS} bits or fewer.",
                field=FIELD,
            )
        if bits < MIN_RSA_BITS:
            raise BadUserInput(
                f"That RSA key has {bits} bits: use {MIN_RSA_BITS} or more, or better an "
                "ed25519 key (ssh-keygen -t ed25519).",
                field=FIELD,
            )
    else:
        raise BadUserInput(_NOT_ACCEPTED, field=FIELD)
    # Fingerprint and store the key as OpenSSH encodes it, not as pasted: the same key
    # pasted with padded numbers must be the same key (a duplicate) with the same print.
    canonical = key.public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH).decode()
    blob = base64.b64decode(canonical.split(" ")[1])
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    line = f"{canonical} {comment}".strip()
    return line, parts[0], bits, f"SHA256:{digest}"


_NOT_ACCEPTED = (
    "That key type is not accepted: use ssh-ed25519, ecdsa-sha2-nistp256/384/521 or "
    "ssh-rsa of 2048 bits or more."
)
_UNREADABLE = (
    "That is not an OpenSSH public key: paste one line such as 'ssh-ed25519 AAAA… you@host' "
    "from your .pub file."
)


async def add(user: User, name: str, public_key: str) -> SshKey:
    name = clean_name(name, field="name", max_length=100)
    line, key_type, bits, fingerprint = parse(public_key)
    try:
        async with in_transaction():
            key = await SshKey.create(
                user=user, name=name, public_key=line, key_type=key_type, bits=bits, fingerprint=fingerprint
            )
            await audit.record(AuditKind.SSH_KEY_ADDED, subject_user_id=user.id, fingerprint=fingerprint, name=name)
            return key
    except IntegrityError:
        raise Conflict("That key is added already (to this or another account).", field=FIELD) from None


async def delete(user: User, key_id: uuid.UUID) -> None:
    key = await SshKey.get_or_none(id=key_id, user_id=user.id)
    async with in_transaction():
        if key is None or await SshKey.filter(id=key_id, user_id=user.id).delete() != 1:
            raise NotFound("You have no SSH key with that id.")
        await audit.record(AuditKind.SSH_KEY_DELETED, subject_user_id=user.id, fingerprint=key.fingerprint)


def of_user(user_id: uuid.UUID):
    """The user's SSH keys (a query: the caller pages it)."""
    return SshKey.filter(user_id=user_id)


def of_organization_members(organization_id: uuid.UUID):
    """The SSH keys of the organization's members (a query: the caller pages it)."""
    return SshKey.filter(user__memberships__organization_id=organization_id)
