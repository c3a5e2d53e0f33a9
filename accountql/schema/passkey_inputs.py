"""The inputs of the passkey mutations (kept apart from inputs.py, which is long enough)."""

import strawberry
from strawberry.scalars import JSON

from accountql.schema.inputs import cookie, text

CREDENTIAL = (
    "The credential as PublicKeyCredential.toJSON() gives it (an object, or that object as a "
    "JSON string)."
)


@strawberry.input(description="Register a passkey: the answer to beginPasskeyRegistration's options.")
class FinishPasskeyRegistrationInput:
    credential: JSON = text(CREDENTIAL)
    name: str | None = strawberry.field(
        default=None, description="A name to tell it apart (up to 100 characters; default: Passkey)."
    )


@strawberry.input(description="Start signing in with a passkey.")
class BeginPasskeyLogInInput:
    mfa_challenge: str | None = strawberry.field(
        default=None,
        description="The MfaChallenge.challenge of a login to finish with a passkey as the second "
        "factor. Leave it out to sign in with a passkey alone (no e-mail address is asked).",
    )


@strawberry.input(description="Finish signing in with a passkey.")
class FinishPasskeyLogInInput:
    credential: JSON = text(CREDENTIAL)
    mfa_challenge: str | None = strawberry.field(
        default=None, description="The same MfaChallenge.challenge as given to beginPasskeyLogIn, if one was."
    )
    session_cookie: bool = cookie()


@strawberry.input(description="A new name for a passkey.")
class RenamePasskeyInput:
    id: strawberry.ID = text("The passkey.")
    name: str = text("Its new name (up to 100 characters).")


@strawberry.input(description="Remove a passkey.")
class RemovePasskeyInput:
    id: strawberry.ID = text("The passkey.")
