import strawberry

from accountql.domain import mfa, mfa_enforcement
from accountql.resolvers.accounts import auth_session
from accountql.schema.inputs import (
    DisableMfaInput,
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


async def begin_mfa_enrollment(info: strawberry.Info, code: str | None = None) -> MfaEnrollment:
    enrollment = await mfa.begin_enrollment(info.context.settings, await info.context.user(), code)
    return MfaEnrollment(
        secret=enrollment.secret,
        otpauth_uri=enrollment.otpauth_uri,
        qr_code_svg=enrollment.qr_code_svg,
        qr_code_data_uri=enrollment.qr_code_data_uri,
    )


async def confirm_mfa_enrollment(info: strawberry.Info, code: str) -> BackupCodes:
    session = await info.context.session()
    codes = await mfa.confirm_enrollment(info.context.settings, session.user, code, keep_session_id=session.id)
    return BackupCodes(codes=codes)


async def regenerate_backup_codes(info: strawberry.Info, code: str) -> BackupCodes:
    codes = await mfa.regenerate_backup_codes(info.context.settings, await info.context.user(), code)
    return BackupCodes(codes=codes)


async def disable_mfa(info: strawberry.Info, input: DisableMfaInput) -> User:
    user = await mfa.disable(
        info.context.settings, await info.context.user(), input.confirmation, input.code
    )
    return User.of(user)


async def verify_mfa(info: strawberry.Info, input: VerifyMfaInput) -> AuthSession:
    context = info.context
    signed_in = await mfa.verify(context.settings, context.client, input.challenge, input.code)
    return auth_session(signed_in)


async def set_mfa_enforcement(info: strawberry.Info, input: SetMfaEnforcementInput) -> Organization:
    organization = await mfa_enforcement.set_enforcement(
        await info.context.user(),
        parse_id(input.organization_id, "organizationId"),
        input.enforced,
        input.grace_period_days,
    )
    return Organization.of(organization)


async def send_mfa_reminder(info: strawberry.Info, organization_id: strawberry.ID) -> bool:
    await mfa_enforcement.send_reminders(parse_id(organization_id, "organizationId"))
    return True
