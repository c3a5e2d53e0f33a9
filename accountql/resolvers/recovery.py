import strawberry

from accountql import metrics
from accountql.domain import accounts, email_change, phones, recovery, verification
from accountql.domain.mfa import enable_sms, send_sms_code
from accountql.resolvers.accounts import log_in_result
from accountql.schema.inputs import (
    ChangeEmailInput,
    ConfirmEmailChangeInput,
    LogInWithMagicLinkInput,
    RequestMagicLinkInput,
    RequestPasswordResetInput,
    ResetPasswordInput,
    SetLoginNotificationsInput,
    SetPhoneNumberInput,
    VerifyEmailInput,
    VerifyPhoneNumberInput,
)
from accountql.schema.types import BackupCodes, LogInResult, User


async def request_magic_link(info: strawberry.Info, input: RequestMagicLinkInput) -> bool:
    await recovery.request_magic_link(info.context.settings, info.context.client, input.email)
    return True


async def log_in_with_magic_link(info: strawberry.Info, input: LogInWithMagicLinkInput) -> LogInResult:
    context = info.context
    result = await metrics.counted_login(
        "magic_link", recovery.log_in_with_magic_link(context.settings, context.client, input.token)
    )
    return log_in_result(result, context, input.session_cookie)


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


async def verify_email(info: strawberry.Info, input: VerifyEmailInput) -> User:
    return User.of(await verification.verify(info.context.settings, await info.context.user(), input.token))


async def resend_verification_email(info: strawberry.Info) -> bool:
    context = info.context
    await verification.resend(context.settings, context.client, await context.user())
    return True


async def set_phone_number(info: strawberry.Info, input: SetPhoneNumberInput) -> bool:
    context = info.context
    await phones.start_verification(context.settings, context.client, await context.user(), input.phone_number)
    return True


async def verify_phone_number(info: strawberry.Info, input: VerifyPhoneNumberInput) -> User:
    return User.of(await phones.verify(info.context.settings, await info.context.user(), input.code))


async def remove_phone_number(info: strawberry.Info) -> User:
    return User.of(await phones.remove(await info.context.user()))


async def enable_sms_mfa(info: strawberry.Info) -> BackupCodes:
    session = await info.context.session()
    return BackupCodes(codes=await enable_sms(info.context.settings, session.user, keep_session_id=session.id))


async def send_mfa_sms_code(info: strawberry.Info) -> bool:
    context = info.context
    await send_sms_code(context.settings, context.client, await context.user())
    return True


async def change_email(info: strawberry.Info, input: ChangeEmailInput) -> bool:
    context = info.context
    await email_change.request(context.settings, context.client, await context.user(), input.new_email)
    return True


async def confirm_email_change(info: strawberry.Info, input: ConfirmEmailChangeInput) -> User:
    return User.of(await email_change.confirm(info.context.settings, input.token))


async def set_login_notifications(info: strawberry.Info, input: SetLoginNotificationsInput) -> User:
    return User.of(await accounts.set_login_notifications(await info.context.user(), input.enabled))
