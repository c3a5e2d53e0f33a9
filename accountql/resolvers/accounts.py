import strawberry
from strawberry.scalars import JSON

from accountql import metrics
from accountql.auth import sessions
from accountql.auth.challenges import PendingMfa
from accountql.domain import accounts, data_export, deletion, reauthentication
from accountql.schema.inputs import (
    ChangePasswordInput,
    DeleteAccountInput,
    LogInInput,
    ReauthenticateInput,
    RevokeSessionInput,
    SignUpInput,
    UpdateProfileInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import AuthSession, LogInResult, MfaChallenge, Session, User
from accountql.web import cookies


def auth_session(signed_in: accounts.SignedIn, context=None, session_cookie: bool = False) -> AuthSession:
    """The new session, its token given to the caller, or set as an HttpOnly cookie that no
    script can read (then the token is null)."""
    token = signed_in.token
    if session_cookie and context is not None and context.response is not None:
        cookies.set_session(context.response, context.connection, context.settings, token, signed_in.session.expires_at)
        token = None
    return AuthSession(
        token=token,
        session=Session.of(signed_in.session, signed_in.session.id),
        user=User.of(signed_in.user),
    )


def challenge(pending: PendingMfa) -> MfaChallenge:
    return MfaChallenge(challenge=pending.challenge, expires_at=pending.expires_at, methods=list(pending.methods))


def log_in_result(result: accounts.SignedIn | PendingMfa, context=None, session_cookie: bool = False) -> LogInResult:
    if isinstance(result, PendingMfa):
        return challenge(result)
    return auth_session(result, context, session_cookie)


async def me(info: strawberry.Info) -> User:
    return User.of(await info.context.user())


async def sign_up(info: strawberry.Info, input: SignUpInput) -> AuthSession:
    context = info.context
    signed_in = await accounts.sign_up(
        context.settings, context.client, input.email, input.password, input.name
    )
    return auth_session(signed_in, context, input.session_cookie)


async def log_in(info: strawberry.Info, input: LogInInput) -> LogInResult:
    context = info.context
    result = await metrics.counted_login(
        "password", accounts.log_in(context.settings, context.client, input.email, input.password)
    )
    return log_in_result(result, context, input.session_cookie)


async def log_out(info: strawberry.Info) -> bool:
    context = info.context
    await sessions.end_session(await context.session())
    if context.response is not None:
        cookies.clear_session(context.response, context.connection, context.settings)
    return True


async def revoke_session(info: strawberry.Info, input: RevokeSessionInput) -> bool:
    await accounts.revoke_session(await info.context.user(), parse_id(input.id, "input.id"))
    return True


async def reauthenticate(info: strawberry.Info, input: ReauthenticateInput) -> Session:
    context = info.context
    session = await reauthentication.reauthenticate(
        context.settings, context.client, await context.session(), input.password, input.code, input.passkey
    )
    return Session.of(session, session.id)


async def change_password(info: strawberry.Info, input: ChangePasswordInput) -> bool:
    context = info.context
    await accounts.change_password(
        context.settings, context.client, await context.session(), input.current_password, input.new_password
    )
    return True


async def update_profile(info: strawberry.Info, input: UpdateProfileInput) -> User:
    return User.of(await accounts.update_profile(await info.context.user(), input.name))


async def delete_account(info: strawberry.Info, input: DeleteAccountInput) -> bool:
    context = info.context
    await deletion.delete_account(
        context.settings, context.client, await context.session(), input.password, input.code, input.passkey
    )
    if context.response is not None:
        cookies.clear_session(context.response, context.connection, context.settings)
    return True


async def export_my_data(info: strawberry.Info) -> JSON:
    return await data_export.export(await info.context.user())
