import strawberry

from accountql import metrics
from accountql.domain import mfa, mfa_enforcement
from accountql.resolvers.accounts import auth_session
from accountql.schema.inputs import (
    ConfirmMfaEnrollmentInput,
    DisableMfaInput,
    SendMfaReminderInput,
    SetMfaEnforcementInput,
    VerifyMfaInput,
)
from accountql.schema.permissions import parse_id
from accountql.schema.types import (
    AuthSession,
    BackupCodes,
    MfaEnrollment,
    Organization,
    User,
)


async def begin_mfa_enrollment(info: strawberry.Info) -> MfaEnrollment:
    enrollment = await mfa.begin_enrollment(info.context.settings, await info.context.user())
    return MfaEnrollment(
        secret=enrollment.secret,
        otpauth_uri=enrollment.otpauth_uri,
        qr_code_svg=enrollment.qr_code_svg,
        qr_code_data_uri=enrollment.qr_code_data_uri,
    )


async def confirm_mfa_enrollment(info: strawberry.Info, input: ConfirmMfaEnrollmentInput) -> BackupCodes:
    session = await info.context.session()
    codes = await mfa.confirm_enrollment(info.context.settings, session.user, input.code, keep_session_id=session.id)
    return BackupCodes(codes=codes)


async def regenerate_backup_codes(info: strawberry.Info) -> BackupCodes:
    return BackupCodes(codes=await mfa.regenerate_backup_codes(info.context.settings, await info.context.user()))


async def disable_mfa(info: strawberry.Info, input: DisableMfaInput) -> User:
    return User.of(await mfa.disable(info.context.settings, await info.context.user(), input.confirmation))


async def verify_mfa(info: strawberry.Info, input: VerifyMfaInput) -> AuthSession:
    context = info.context
    signed_in = await metrics.counted_login(
        "mfa", mfa.verify(context.settings, context.client, input.challenge, input.code)
    )
    return auth_session(signed_in, context, input.session_cookie)


async def set_mfa_enforcement(info: strawberry.Info, input: SetMfaEnforcementInput) -> Organization:
    session = await info.context.session()
    organization = await mfa_enforcement.set_enforcement(
        session.user,
        parse_id(input.organization_id, "input.organizationId"),
        input.enforced,
        input.grace_period_days,
        input.level,
        session,
    )
    return Organization.of(organization)


async def send_mfa_reminder(info: strawberry.Info, input: SendMfaReminderInput) -> bool:
    await mfa_enforcement.send_reminders(parse_id(input.organization_id, "input.organizationId"))
    return True
