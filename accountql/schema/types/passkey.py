"""The types of passkeys: the credentials themselves, and the options of a ceremony."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from accountql import models
from accountql.schema.enums import PasskeyDeviceType


@strawberry.type(description="A passkey (a WebAuthn credential) of the user: it signs in on its own, or as a second factor.")
class Passkey:
    id: strawberry.ID = strawberry.field(description="The passkey's id (for renamePasskey and removePasskey).")
    name: str = strawberry.field(description="The name the user gave it (a device, a password manager).")
    created_at: datetime = strawberry.field(description="When it was registered.")
    last_used_at: datetime | None = strawberry.field(description="When it last signed in (null: never).")
    device_type: PasskeyDeviceType = strawberry.field(
        description="Whether it is bound to one authenticator or may sync across devices."
    )
    backed_up: bool = strawberry.field(
        description="Whether the authenticator said, when last used, that it is backed up (synced)."
    )
    clone_suspected_at: datetime | None = strawberry.field(
        description="When it signed with a counter that went backwards (it may have been copied): "
        "consider removing it. Null when that never happened."
    )

    @classmethod
    def of(cls, row: models.Passkey) -> Passkey:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            device_type=PasskeyDeviceType.MULTI_DEVICE if row.backup_eligible else PasskeyDeviceType.SINGLE_DEVICE,
            backed_up=row.backed_up,
            clone_suspected_at=row.clone_suspected_at,
        )


@strawberry.type(description="The options of a passkey ceremony, for the browser's WebAuthn API.")
class PasskeyOptions:
    options: JSON = strawberry.field(
        description="Pass to PublicKeyCredential.parseCreationOptionsFromJSON (registration) or "
        "parseRequestOptionsFromJSON (sign-in), then to navigator.credentials.create or get."
    )
    expires_at: datetime = strawberry.field(description="When its challenge stops working: five minutes from now.")
