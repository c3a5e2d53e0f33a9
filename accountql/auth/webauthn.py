"""WebAuthn ceremonies on py_webauthn: the options a browser's
PublicKeyCredential.parseCreationOptionsFromJSON / parseRequestOptionsFromJSON read, the
challenges behind them, and the checks of a credential that PublicKeyCredential.toJSON()
made.

A challenge is 32 random bytes, given to the client once; the database keeps only its
keyed hash (like every one-time secret), the ceremony it is for, what it is bound to, and
until when it works (five minutes). Finishing a ceremony reads the challenge back out of
the signed clientDataJSON, finds its row by hash and spends it by one conditional UPDATE,
before anything else is checked: a challenge answers one try, also under a race."""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import options_to_json_dict
from webauthn.helpers.cose import COSEAlgorithmIdentifier
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AttestationConveyancePreference,
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from accountql.auth import one_time
from accountql.clock import now
from accountql.config import Settings
from accountql.errors import BadUserInput, InvalidCode
from accountql.models import Passkey, PasskeyCeremony, PasskeyChallenge

CHALLENGE_LIFETIME = timedelta(minutes=5)
# ES256 (most authenticators), EdDSA, RS256 (Windows Hello): what py_webauthn verifies.
ALGORITHMS = [
    COSEAlgorithmIdentifier.ECDSA_SHA_256,
    COSEAlgorithmIdentifier.EDDSA,
    COSEAlgorithmIdentifier.RSASSA_PKCS1_v1_5_SHA_256,
]
EXPIRED = "That passkey request is wrong, expired or was used already: start again."
MALFORMED = (
    "credential is not what PublicKeyCredential.toJSON() makes: pass that object as it is "
    "(base64url fields id, rawId, response.clientDataJSON and so on)."
)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Options:
    """What a begin mutation answers: the options JSON, and until when they work."""

    options: dict[str, Any]
    expires_at: datetime


def _descriptors(passkeys: list[Passkey]) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(
            id=unb64url(p.credential_id),
            transports=[AuthenticatorTransport(t) for t in p.transports.split(",")] if p.transports else None,
        )
        for p in passkeys
    ]


async def _issue(settings: Settings, ceremony: PasskeyCeremony, **bound: Any) -> tuple[bytes, datetime]:
    challenge = secrets.token_bytes(32)
    expires_at = now() + CHALLENGE_LIFETIME
    await PasskeyChallenge.create(
        challenge_hash=one_time.keyed_hash(settings.secret_key, b64url(challenge)),
        ceremony=ceremony,
        expires_at=expires_at,
        **bound,
    )
    return challenge, expires_at


async def registration_options(settings: Settings, user, session_id, existing: list[Passkey]) -> Options:
    """Creation options for a discoverable credential with user verification, so that the
    passkey also signs in on its own; the user's passkeys are excluded (no duplicate)."""
    challenge, expires_at = await _issue(
        settings, PasskeyCeremony.REGISTRATION, user_id=user.id, session_id=session_id
    )
    options = generate_registration_options(
        rp_id=settings.rp_id,
        rp_name=settings.rp_name,
        user_id=user.id.bytes,  # an opaque handle: no e-mail address in the authenticator's user.id
        user_name=user.email,
        user_display_name=user.name,
        challenge=challenge,
        timeout=int(CHALLENGE_LIFETIME.total_seconds() * 1000),
        attestation=AttestationConveyancePreference.NONE,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=_descriptors(existing),
        supported_pub_key_algs=ALGORITHMS,
    )
    return Options(options_to_json_dict(options), expires_at)


async def request_options(settings: Settings, ceremony: PasskeyCeremony, allowed: list[Passkey], **bound: Any) -> Options:
    """Request options: with no allowed credentials (passwordless), the browser offers the
    discoverable passkeys it has for this relying party."""
    challenge, expires_at = await _issue(settings, ceremony, **bound)
    options = generate_authentication_options(
        rp_id=settings.rp_id,
        challenge=challenge,
        timeout=int(CHALLENGE_LIFETIME.total_seconds() * 1000),
        allow_credentials=_descriptors(allowed),
        user_verification=(
            UserVerificationRequirement.REQUIRED
            if ceremony == PasskeyCeremony.LOG_IN
            else UserVerificationRequirement.PREFERRED
        ),
    )
    return Options(options_to_json_dict(options), expires_at)


@dataclass(frozen=True)
class Presented:
    """A credential as the client sent it, read just enough to find what it answers."""

    raw: dict[str, Any]
    credential_id: str
    challenge: str  # base64url, as clientDataJSON carries it
    user_handle: bytes | None


# A real credential's JSON is a few kilobytes (clientDataJSON a few hundred bytes; an
# attestation with a certificate chain the most). Bounds far above those keep parsing cheap.
MAX_CREDENTIAL_CHARS = 64 * 1024
MAX_CLIENT_DATA_CHARS = 8 * 1024


def read_credential(credential: Any, field: str = "credential") -> Presented:
    """The credential's id, challenge and user handle; BAD_USER_INPUT for anything that is
    not a PublicKeyCredential's JSON. Nothing here is trusted yet: the signature is checked
    later, against the stored challenge and key."""
    if isinstance(credential, str):
        if len(credential) > MAX_CREDENTIAL_CHARS:
            raise BadUserInput(MALFORMED, field=field)
        try:
            credential = json.loads(credential)
        except (ValueError, RecursionError):  # "[[[[…" 100,000 deep: json recurses
            raise BadUserInput(MALFORMED, field=field) from None
    try:
        response = credential["response"]
        if len(response["clientDataJSON"]) > MAX_CLIENT_DATA_CHARS:
            raise ValueError
        client_data = json.loads(unb64url(response["clientDataJSON"]))
        challenge = client_data["challenge"]
        credential_id = credential["id"]
        handle = response.get("userHandle")
        user_handle = unb64url(handle) if handle else None
        if not all(isinstance(v, str) and v for v in (challenge, credential_id)) or len(credential_id) > 1400:
            raise ValueError
    except (KeyError, TypeError, ValueError, AttributeError, binascii.Error, UnicodeDecodeError, RecursionError):
        raise BadUserInput(MALFORMED, field=field) from None
    return Presented(credential, credential_id, challenge, user_handle)


async def spend_challenge(
    settings: Settings, presented: Presented, ceremony: PasskeyCeremony, **bound: Any
) -> PasskeyChallenge:
    """The live challenge of this ceremony, bound to `bound` (the session, the MFA
    challenge), that the credential answers, spent now (it works once, whatever the
    outcome); INVALID_CODE when wrong, expired, used, or bound to someone else, whose
    challenge is then left alone."""
    hashes = one_time.keyed_hashes(settings.secret_keys, presented.challenge)
    row = await PasskeyChallenge.get_or_none(
        challenge_hash__in=hashes, ceremony=ceremony, used_at=None, expires_at__gt=now(), **bound
    )
    if row is None or await PasskeyChallenge.filter(id=row.id, used_at=None).update(used_at=now()) != 1:
        raise InvalidCode(EXPIRED)
    return row


def verify_registration(settings: Settings, presented: Presented):
    """py_webauthn's checks of the attestation (type webauthn.create, challenge, origin, RP
    id hash, user present and verified, algorithm, attestation statement): the result and
    None, or None and why it failed (for the user who registers: it is their own device)."""
    try:
        return verify_registration_response(
            credential=presented.raw,
            expected_challenge=unb64url(presented.challenge),
            expected_rp_id=settings.rp_id,
            expected_origin=list(settings.rp_origins),
            require_user_presence=True,
            require_user_verification=True,
            supported_pub_key_algs=ALGORITHMS,
        ), None
    except (WebAuthnException, KeyError, TypeError, ValueError) as error:
        return None, str(error) or type(error).__name__


def verify_assertion(settings: Settings, presented: Presented, passkey: Passkey, require_uv: bool):
    """py_webauthn's checks of the assertion (type webauthn.get, challenge, origin, RP id
    hash, user present, verified when required, signature); None when one fails. The
    counter is compared by the caller, after the signature: only a signed counter that
    went backwards is evidence of a copied key."""
    try:
        return verify_authentication_response(
            credential=presented.raw,
            expected_challenge=unb64url(presented.challenge),
            expected_rp_id=settings.rp_id,
            expected_origin=list(settings.rp_origins),
            credential_public_key=unb64url(passkey.public_key),
            credential_current_sign_count=0,
            require_user_verification=require_uv,
        )
    except (WebAuthnException, KeyError, TypeError, ValueError):
        return None
