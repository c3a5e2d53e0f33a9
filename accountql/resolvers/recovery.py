import strawberry

from accountql.domain import accounts, email_change, phones, recovery, verification
from accountql.domain.accounts import SignedIn
from accountql.domain.mfa import enable_sms, send_sms_code
from accountql.resolvers.accounts import auth_session, challenge
from accountql.schema.inputs import (
    ChangeEmailInput,
    RequestPasswordResetInput,
    ResetPasswordInput,
    TokenInput,
)
from accountql.schema.types import BackupCodes, LogInResult, User


async def request_magic_link(info: strawberry.Info, email: str) -> bool:
    await recovery.request_magic_link(info.context.settings, info.context.client, email)
    return True


async def log_in_with_magic_link(info: strawberry.Info, token: str) -> LogInResult:
    result = await recovery.log_in_with_magic_link(info.context.settings, info.context.client, token)
    return auth_session(result) if isinstance(result, SignedIn) else challenge(result)


async def request_password_reset(info: strawberry.Info, input: RequestPasswordResetInput) -> bool:
    await recovery.request_password_reset(
        info.context.settings, info.context.client, input.channel.value, input.email, input.phone_number
    )
    return True


async def reset_password(info: strawberry.Info, input: ResetPasswordInput) -> bool:
    await recovery.reset_password(
        info.context.settings,
        input.new_password,
        token=input.token,
        code=input.code,
        email=input.email,
        phone_number=input.phone_number,
    )
    return True


async def set_phone_number(
    info: strawberry.Info, phone_number: str, code: str | None = None
) -> bool:
    context = info.context
    user = await context.user()
    await phones.start_verification(context.settings, context.client, user, phone_number, code)
    return True


async def verify_phone_number(info: strawberry.Info, code: str) -> User:
    return User.of(await phones.verify(info.context.settings, await info.context.user(), code))


async def remove_phone_number(info: strawberry.Info) -> User:
    return User.of(await phones.remove(await info.context.user()))


async def enable_sms_mfa(info: strawberry.Info, code: str | None = None) -> BackupCodes:
    session = await info.context.session()
    codes = await enable_sms(info.context.settings, session.user, code, keep_session_id=session.id)
    return BackupCodes(codes=codes)


async def send_mfa_sms_code(info: strawberry.Info) -> bool:
    context = info.context
    await send_sms_code(context.settings, context.client, await context.user())
    return True


async def change_email(info: strawberry.Info, input: ChangeEmailInput) -> bool:
    context = info.context
    await email_change.request(context.settings, context.client, await context.user(), input.new_email)
    return True


async def verify_email(info: strawberry.Info, input: TokenInput) -> User:
    return User.of(await verification.verify(info.context.settings, input.token))


async def resend_verification_email(info: strawberry.Info) -> bool:
    context = info.context
    await verification.resend(context.settings, context.client, await context.user())
    return True


async def confirm_email_change(info: strawberry.Info, token: str) -> User:
    return User.of(await email_change.confirm(info.context.settings, token))


async def set_login_notifications(info: strawberry.Info, enabled: bool) -> User:
    user = await info.context.user()
    return User.of(await accounts.set_login_notifications(user, enabled))
