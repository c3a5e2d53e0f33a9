from datetime import datetime

import strawberry
from strawberry.file_uploads import Upload

from accountql.schema.enums import (
    AbuseReason,
    ApiKeyAccess,
    ContactRole,
    KycDocumentType,
    ResetChannel,
    Role,
    SupportPlan,
    SupportReason,
)


@strawberry.input
class SignUpInput:
    email: str
    password: str
    name: str


@strawberry.input
class LogInInput:
    email: str
    password: str


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.input
class CreateOrganizationInput:
    name: str


@strawberry.input
class InviteMemberInput:
    organization_id: strawberry.ID
    email: str
    role: Role = Role.MANAGER


@strawberry.input
class ChangeMemberRoleInput:
    organization_id: strawberry.ID
    user_id: strawberry.ID
    role: Role


@strawberry.input
class RemoveMemberInput:
    organization_id: strawberry.ID
    user_id: strawberry.ID


@strawberry.input
class VerifyMfaInput:
    challenge: str
    code: str = strawberry.field(description="A TOTP code, or one of your backup codes.")


@strawberry.input
class DisableMfaInput:
    confirmation: str = strawberry.field(description='Type "DISABLE".')
    code: str


@strawberry.input
class SetMfaEnforcementInput:
    organization_id: strawberry.ID
    enforced: bool
    grace_period_days: int = 0


@strawberry.input(description="An e-mail address or the account's phone number, and a channel.")
class RequestPasswordResetInput:
    email: str | None = None
    phone_number: str | None = None
    channel: ResetChannel = ResetChannel.EMAIL


@strawberry.input(
    description="The token from the e-mailed link, or the SMS code with the e-mail address or "
    "phone number it was asked for; and the new password."
)
class ResetPasswordInput:
    new_password: str
    token: str | None = None
    code: str | None = None
    email: str | None = None
    phone_number: str | None = None


@strawberry.input
class ChangeEmailInput:
    new_email: str


@strawberry.input(description="The token from a link: in its #token= part.")
class TokenInput:
    token: str


@strawberry.input(description="Prove the password again, and a second factor when MFA is on.")
class ReauthenticateInput:
    password: str
    code: str | None = strawberry.field(
        default=None, description="With MFA on: a code from the app, the SMS code, or a backup code."
    )


@strawberry.input
class CreateApiKeyInput:
    organization_id: strawberry.ID
    name: str
    access: ApiKeyAccess = ApiKeyAccess.READ_ONLY
    expires_at: datetime | None = None


@strawberry.input
class AddContactInput:
    organization_id: strawberry.ID
    email: str
    roles: list[ContactRole]


@strawberry.input(description="Leave a field out to keep it as it is.")
class UpdateContactInput:
    id: strawberry.ID
    email: str | None = None
    roles: list[ContactRole] | None = None


@strawberry.input
class AddSshKeyInput:
    name: str
    public_key: str = strawberry.field(description="One line of your .pub file.")


@strawberry.input(description="Let platform staff act in the organization as a MANAGER for a while.")
class GrantSupportAccessInput:
    organization_id: strawberry.ID
    reason: SupportReason
    hours: int = strawberry.field(default=24, description="1 to 24.")


@strawberry.input
class QuotaAmountInput:
    organization_id: strawberry.ID
    product: str
    resource: str
    amount: int = 1


@strawberry.input
class SetQuotaLimitInput:
    organization_id: strawberry.ID
    product: str
    resource: str
    limit: int


@strawberry.input
class ChangeSupportPlanInput:
    organization_id: strawberry.ID
    plan: SupportPlan


@strawberry.input(description="Report abuse by a resource (an id and a kind) of an organization.")
class ReportAbuseInput:
    organization_id: strawberry.ID
    resource_kind: str = strawberry.field(description="e.g. instance, bucket, ip")
    resource_id: str
    reason: AbuseReason
    details: str


@strawberry.input
class AnswerAbuseCaseInput:
    id: strawberry.ID
    answer: str


@strawberry.input
class ResolveAbuseCaseInput:
    id: strawberry.ID
    resolution: str


@strawberry.input(
    description="Send as a GraphQL multipart request: the document image and a selfie holding it "
    "(JPEG, PNG or PDF)."
)
class SubmitKycInput:
    organization_id: strawberry.ID
    document_type: KycDocumentType
    document: Upload
    selfie: Upload


@strawberry.input
class RejectKycInput:
    id: strawberry.ID
    reason: str
