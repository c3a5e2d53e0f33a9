import strawberry

from accountql.domain import passkeys
from accountql.resolvers.accounts import auth_session
from accountql.schema.passkey_inputs import (
    BeginPasskeyLogInInput,
    FinishPasskeyLogInInput,
    FinishPasskeyRegistrationInput,
    RemovePasskeyInput,
    RenamePasskeyInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import AuthSession, Passkey, PasskeyOptions, User


def _options(found) -> PasskeyOptions:
    return PasskeyOptions(options=found.options, expires_at=found.expires_at)


async def begin_passkey_registration(info: strawberry.Info) -> PasskeyOptions:
    return _options(await passkeys.begin_registration(info.context.settings, await info.context.session()))


async def finish_passkey_registration(info: strawberry.Info, input: FinishPasskeyRegistrationInput) -> Passkey:
    session = await info.context.session()
    return Passkey.of(await passkeys.finish_registration(info.context.settings, session, input.credential, input.name))


async def begin_passkey_log_in(info: strawberry.Info, input: BeginPasskeyLogInInput) -> PasskeyOptions:
    context = info.context
    return _options(await passkeys.begin_log_in(context.settings, context.client, input.mfa_challenge))


async def finish_passkey_log_in(info: strawberry.Info, input: FinishPasskeyLogInInput) -> AuthSession:
    context = info.context
    signed_in = await passkeys.finish_log_in(context.settings, context.client, input.credential, input.mfa_challenge)
    return auth_session(signed_in, context, input.session_cookie)


async def rename_passkey(info: strawberry.Info, input: RenamePasskeyInput) -> Passkey:
    user = await info.context.user()
    return Passkey.of(await passkeys.rename(user, parse_id(input.id, "input.id"), input.name))


async def remove_passkey(info: strawberry.Info, input: RemovePasskeyInput) -> User:
    user = await info.context.user()
    return User.of(await passkeys.remove(user, parse_id(input.id, "input.id")))
