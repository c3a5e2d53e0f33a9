import strawberry

from accountql.auth import sessions
from accountql.auth.challenges import PendingMfa
from accountql.domain import accounts, reauthentication
from accountql.schema.inputs import (
    ChangePasswordInput,
    LogInInput,
    ReauthenticateInput,
    RevokeSessionInput,
    SignUpInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import AuthSession, LogInResult, MfaChallenge, Session, User


def auth_session(signed_in: accounts.SignedIn) -> AuthSession:
    return AuthSession(
        token=signed_in.token,
        session=Session.of(signed_in.session, signed_in.session.id),
        user=User.of(signed_in.user),
    )


def challenge(pending: PendingMfa) -> MfaChallenge:
    return MfaChallenge(challenge=pending.challenge, expires_at=pending.expires_at)


def log_in_result(result: accounts.SignedIn | PendingMfa) -> LogInResult:
    return challenge(result) if isinstance(result, PendingMfa) else auth_session(result)


async def me(info: strawberry.Info) -> User:
    return User.of(await info.context.user())


async def sign_up(info: strawberry.Info, input: SignUpInput) -> AuthSession:
    context = info.context
    signed_in = await accounts.sign_up(
        context.settings, context.client, input.email, input.password, input.name
    )
    return auth_session(signed_in)


async def log_in(info: strawberry.Info, input: LogInInput) -> LogInResult:
    context = info.context
    return log_in_result(await accounts.log_in(context.settings, context.client, input.email, input.password))


async def log_out(info: strawberry.Info) -> bool:
    await sessions.end_session((await info.context.session()).id)
    return True


async def revoke_session(info: strawberry.Info, input: RevokeSessionInput) -> bool:
    await accounts.revoke_session(await info.context.user(), parse_id(input.id, "input.id"))
    return True


async def reauthenticate(info: strawberry.Info, input: ReauthenticateInput) -> Session:
    context = info.context
    session = await reauthentication.reauthenticate(
        context.settings, context.client, await context.session(), input.password, input.code
    )
    return Session.of(session, session.id)


async def change_password(info: strawberry.Info, input: ChangePasswordInput) -> bool:
    context = info.context
    await accounts.change_password(
        context.settings, context.client, await context.session(), input.current_password, input.new_password
    )
    return True
