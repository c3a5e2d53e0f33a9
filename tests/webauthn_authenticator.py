"""A software WebAuthn authenticator and browser, enough to drive the server's ceremonies:
it reads the options JSON that beginPasskey* answers (as parseCreationOptionsFromJSON
would), and answers with what PublicKeyCredential.toJSON() gives.

Keys are made with `cryptography` (ES256 on P-256, RS256 with 2048 bits); attestation
objects and COSE keys are CBOR-encoded with py_webauthn's own encoder (cbor2). Every
field a test may want to get wrong (origin, RP id, flags, counter, challenge) can be
overridden per call."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from webauthn.helpers import encode_cbor

UP, UV, BE, BS, AT = 0x01, 0x04, 0x08, 0x10, 0x40
ES256, RS256 = -7, -257
AAGUID = bytes(16)  # "none" attestation: authenticators send zeros


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Credential:
    """One passkey inside the authenticator."""

    credential_id: bytes
    rp_id: str
    user_handle: bytes
    algorithm: int
    private_key: object
    sign_count: int = 0

    def cose_public_key(self) -> bytes:
        public = self.private_key.public_key()
        if self.algorithm == ES256:
            numbers = public.public_numbers()
            return encode_cbor({1: 2, 3: ES256, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})
        numbers = public.public_numbers()
        n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
        e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
        return encode_cbor({1: 3, 3: RS256, -1: n, -2: e})

    def sign(self, data: bytes) -> bytes:
        if self.algorithm == ES256:
            return self.private_key.sign(data, ec.ECDSA(hashes.SHA256()))
        return self.private_key.sign(data, padding.PKCS1v15(), hashes.SHA256())


@dataclass
class Authenticator:
    """A platform authenticator that keeps discoverable credentials. `counter_step` 0 makes
    one that keeps no counter (like many synced passkeys); `backup_eligible` a synced one."""

    algorithm: int = ES256
    attestation: str = "none"  # or "packed" (self attestation)
    origin: str = "https://accounts.example.com"
    user_verification: bool = True
    backup_eligible: bool = False
    backed_up: bool = False
    counter_step: int = 1
    credentials: list[Credential] = field(default_factory=list)

    def _new_key(self):
        if self.algorithm == ES256:
            return ec.generate_private_key(ec.SECP256R1())
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def _flags(self, extra: int = 0, uv: bool | None = None, be: bool | None = None) -> int:
        flags = UP | extra
        if self.user_verification if uv is None else uv:
            flags |= UV
        if self.backup_eligible if be is None else be:
            flags |= BE
            if self.backed_up:
                flags |= BS
        return flags

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps(
            {"type": kind, "challenge": challenge, "origin": origin or self.origin, "crossOrigin": False},
            separators=(",", ":"),
        ).encode()

    def create(self, options: dict, *, origin: str | None = None, rp_id: str | None = None,
               challenge: str | None = None, uv: bool | None = None, credential_id: bytes | None = None) -> dict:
        """navigator.credentials.create(), then toJSON(): a new credential for options
        (with `credential_id`, one that reuses an id, as a broken or hostile one might)."""
        rp = rp_id or options["rp"]["id"]
        algorithms = [p["alg"] for p in options["pubKeyCredParams"]]
        assert self.algorithm in algorithms, f"the server does not offer {self.algorithm}"
        credential = Credential(
            credential_id=credential_id or secrets.token_bytes(32), rp_id=rp, user_handle=unb64url(options["user"]["id"]),
            algorithm=self.algorithm, private_key=self._new_key(),
        )
        client_data = self._client_data("webauthn.create", challenge or options["challenge"], origin)
        attested = AAGUID + struct.pack(">H", len(credential.credential_id)) + credential.credential_id
        auth_data = (
            hashlib.sha256(rp.encode()).digest()
            + bytes([self._flags(AT, uv=uv)])
            + struct.pack(">I", credential.sign_count)
            + attested
            + credential.cose_public_key()
        )
        statement: dict = {}
        if self.attestation == "packed":  # self attestation: signed by the credential's own key
            statement = {"alg": self.algorithm, "sig": credential.sign(auth_data + hashlib.sha256(client_data).digest())}
        attestation_object = encode_cbor({"fmt": self.attestation, "attStmt": statement, "authData": auth_data})
        self.credentials.append(credential)
        return {
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation_object),
                "transports": ["internal", "hybrid"],
            },
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {},
        }

    def get(self, options: dict, *, origin: str | None = None, rp_id: str | None = None,
            challenge: str | None = None, uv: bool | None = None, be: bool | None = None,
            sign_count: int | None = None, credential: Credential | None = None) -> dict:
        """navigator.credentials.get(), then toJSON(): an assertion by the credential the
        options allow (or, for an empty allow list, the newest one of this RP: the one a
        person would pick, whatever failed to register before it)."""
        rp = rp_id or options["rpId"]
        if credential is None:
            allowed = {unb64url(c["id"]) for c in options.get("allowCredentials") or []}
            credential = next(
                c for c in reversed(self.credentials) if (c.credential_id in allowed if allowed else c.rp_id == options["rpId"])
            )
        if sign_count is None:
            credential.sign_count += self.counter_step
            sign_count = credential.sign_count
        client_data = self._client_data("webauthn.get", challenge or options["challenge"], origin)
        auth_data = hashlib.sha256(rp.encode()).digest() + bytes([self._flags(uv=uv, be=be)]) + struct.pack(">I", sign_count)
        signature = credential.sign(auth_data + hashlib.sha256(client_data).digest())
        return {
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(signature),
                "userHandle": b64url(credential.user_handle),
            },
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {},
        }
