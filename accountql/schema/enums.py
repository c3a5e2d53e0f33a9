import enum

import strawberry

from accountql.models import AbuseReason as AbuseReasonModel
from accountql.models import ApiKeyAccess as ApiKeyAccessModel
from accountql.models import AuditKind as AuditKindModel
from accountql.models import ContactRole as ContactRoleModel
from accountql.models import KycDocumentType as KycDocumentTypeModel
from accountql.models import KycStatus as KycStatusModel
from accountql.models import LoginMethod as LoginMethodModel
from accountql.models import MfaMethod as MfaMethodModel
from accountql.models import Role as RoleModel
from accountql.models import SecondFactor as SecondFactorModel
from accountql.models import SupportPlan as SupportPlanModel
from accountql.models import SupportReason as SupportReasonModel

Role = strawberry.enum(RoleModel, description="A member's role in an organization.")
LoginMethod = strawberry.enum(LoginMethodModel, description="How a login attempt proved who it was.")
ApiKeyAccess = strawberry.enum(
    ApiKeyAccessModel,
    description="READ_ONLY keys run queries only; READ_WRITE keys may also change the "
    "organization's resources, never its members, roles, MFA enforcement or API keys.",
)
AuditKind = strawberry.enum(AuditKindModel, description="What a security audit event records.")
ContactRole = strawberry.enum(
    ContactRoleModel,
    description="What a contact is told about: PRIMARY receives every kind of notification.",
)
SupportReason = strawberry.enum(SupportReasonModel, description="Why support may act in an organization.")
SupportPlan = strawberry.enum(SupportPlanModel, description="How fast support answers: see supportResponseMinutes.")
AbuseReason = strawberry.enum(AbuseReasonModel, description="Why a resource was reported.")
KycDocumentType = strawberry.enum(KycDocumentTypeModel, description="The identity document sent for KYC.")
KycStatus = strawberry.enum(KycStatusModel, description="Where an organization's identity verification stands.")
SecondFactor = strawberry.enum(
    SecondFactorModel, description="The second factor a login presented."
)


@strawberry.enum(description="How the user proves the second factor.")
class MfaMethod(enum.Enum):
    TOTP = strawberry.enum_value(
        MfaMethodModel.TOTP.value, description="An authenticator app: the recommended method."
    )
    SMS = strawberry.enum_value(
        MfaMethodModel.SMS.value,
        description=(
            "A code by SMS to the verified phone number: weaker (SIM swaps, interception; "
            "NIST SP 800-63B calls it restricted). Prefer an authenticator app."
        ),
    )


@strawberry.enum(description="Where a password-reset request sends its secret.")
class ResetChannel(enum.Enum):
    EMAIL = strawberry.enum_value("EMAIL", description="A one-time link to the account's address.")
    SMS = strawberry.enum_value(
        "SMS", description="A 6-digit code to the account's verified number, valid 10 minutes."
    )
