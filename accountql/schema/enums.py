"""The enums of the schema. Each mirrors a model enum value for value, and every value
carries a description: `described` refuses to build an enum with one left out."""

import enum

import strawberry

from accountql.models import AbuseReason as AbuseReasonModel
from accountql.models import ApiKeyAccess as ApiKeyAccessModel
from accountql.models import AuditKind as AuditKindModel
from accountql.models import ContactRole as ContactRoleModel
from accountql.models import KycDocumentType as KycDocumentTypeModel
from accountql.models import KycStatus as KycStatusModel
from accountql.models import LoginMethod as LoginMethodModel
from accountql.models import MfaLevel as MfaLevelModel
from accountql.models import MfaMethod as MfaMethodModel
from accountql.models import Role as RoleModel
from accountql.models import SecondFactor as SecondFactorModel
from accountql.models import SupportPlan as SupportPlanModel
from accountql.models import SupportReason as SupportReasonModel


def described(model: type[enum.Enum], description: str, values: dict[str, str]):
    """The model enum as a GraphQL enum (so domain values compare with it as they are),
    with a description on every value."""
    missing = [member.name for member in model if member.name not in values]
    extra = set(values) - {member.name for member in model}
    if missing or extra:
        raise ValueError(f"{model.__name__}: describe {missing}, drop {sorted(extra)}")
    graphql_enum = strawberry.enum(model, description=description)
    # strawberry.enum takes no per-value descriptions for an existing enum: set them on the
    # definition it made, before any schema is built from it.
    for value in graphql_enum.__strawberry_definition__.values:
        value.description = values[value.name]
    return graphql_enum


Role = described(RoleModel, "A member's role in an organization.", {
    "OWNER": "Manages members, roles, invitations, MFA enforcement, support access, KYC and the plan; an organization always has one.",
    "MANAGER": "Uses and changes the organization's resources, but not its members or roles.",
})

LoginMethod = described(LoginMethodModel, "How a login attempt proved the first factor.", {
    "PASSWORD": "The account's password.",
    "MAGIC_LINK": "A one-time link sent to the account's address.",
    "PASSKEY": "A passkey with user verification (a PIN or biometric), on its own: no password.",
})

SecondFactor = described(SecondFactorModel, "The second factor a login presented.", {
    "TOTP": "A code from an authenticator app.",
    "BACKUP_CODE": "One of the account's single-use backup codes.",
    "SMS_CODE": "A code texted to the account's verified phone number.",
    "PASSKEY": "A passkey (WebAuthn): phishing-resistant, answered with finishPasskeyLogIn.",
})

ApiKeyAccess = described(
    ApiKeyAccessModel,
    "What an API key may do. No key ever manages members, roles, MFA enforcement or API keys.",
    {
        "READ_ONLY": "Runs queries only; every mutation answers FORBIDDEN.",
        "READ_WRITE": "May also change the organization's resources (fields marked @readWrite).",
    },
)

ContactRole = described(ContactRoleModel, "What a notification contact is told about.", {
    "PRIMARY": "Every kind of notification; an organization always has a PRIMARY contact.",
    "TECHNICAL": "Technical notices: new API keys, changes to security settings.",
    "BILLING": "Invoices, payment problems and plan changes.",
    "ABUSE": "Abuse reports against the organization's resources.",
    "EMERGENCY": "Urgent incidents that need someone at once.",
})

SupportReason = described(SupportReasonModel, "Why platform staff may act in an organization.", {
    "PROBLEM_RESOLUTION": "To solve a problem the organization reported.",
    "TROUBLESHOOTING": "To investigate a fault.",
    "CONFIGURATION": "To help set something up.",
    "TRAINING": "To show members how something works.",
    "SECURITY_CHECK": "To review the organization's security settings.",
})

SupportPlan = described(SupportPlanModel, "How fast support answers (see supportResponseMinutes).", {
    "BASIC": "A first answer within 24 hours.",
    "SILVER": "A first answer within 4 hours.",
    "GOLD": "A first answer within 1 hour.",
    "PLATINUM": "A first answer within 15 minutes.",
})

AbuseReason = described(AbuseReasonModel, "Why a resource was reported.", {
    "SPAM": "It sends unsolicited messages.",
    "MALWARE": "It serves or spreads malicious software.",
    "PHISHING": "It impersonates someone to steal credentials.",
    "COPYRIGHT": "It infringes someone's copyright.",
    "ILLEGAL_CONTENT": "It hosts content that is illegal.",
    "CYBERCRIME": "It attacks other systems (scans, denial of service, intrusion).",
    "OTHER": "Something else, said in the report's details.",
})

KycDocumentType = described(KycDocumentTypeModel, "The identity document sent for KYC.", {
    "PASSPORT": "A passport.",
    "DRIVING_LICENSE": "A driving licence.",
    "ID_CARD": "A national identity card.",
    "RESIDENCE_PERMIT": "A residence permit.",
})

KycStatus = described(KycStatusModel, "Where an organization's identity verification stands.", {
    "NOT_SUBMITTED": "Nothing was sent yet.",
    "PENDING": "Sent, waiting for staff review.",
    "APPROVED": "Staff approved it.",
    "REJECTED": "Staff rejected it; the owners were told why.",
})

AuditKind = described(AuditKindModel, "What a security audit event records.", {
    "LOGIN_SUCCEEDED": "A login succeeded.",
    "LOGIN_FAILED": "A login failed (wrong password, code, or an unknown address).",
    "SESSION_REVOKED": "A session was ended by its user.",
    "PASSWORD_CHANGED": "The password was changed.",
    "PASSWORD_RESET": "The password was reset by link or SMS code.",
    "EMAIL_CHANGED": "The account's e-mail address was changed.",
    "EMAIL_VERIFIED": "The account's e-mail address was verified by a link sent to it.",
    "PROFILE_UPDATED": "The user changed their name.",
    "REAUTHENTICATED": "The password (and second factor) was proven again for a sensitive change.",
    "CONTACT_CONFIRMED": "A notification contact followed its confirmation link.",
    "PHONE_NUMBER_VERIFIED": "A phone number was verified and added to the account.",
    "PHONE_NUMBER_REMOVED": "The phone number was removed from the account.",
    "LOGIN_NOTIFICATIONS_CHANGED": "Login notifications were turned on or off.",
    "MFA_ENABLED": "Multi-factor authentication was turned on (or its method changed).",
    "MFA_DISABLED": "Multi-factor authentication was turned off.",
    "BACKUP_CODES_REGENERATED": "New backup codes replaced the old ones.",
    "ORGANIZATION_CREATED": "The organization was created.",
    "ORGANIZATION_RENAMED": "The organization was renamed.",
    "MEMBER_INVITED": "Someone was invited to join.",
    "INVITATION_CANCELLED": "A pending invitation was withdrawn.",
    "MEMBER_JOINED": "An invitation was accepted.",
    "MEMBER_REMOVED": "An owner removed a member.",
    "MEMBER_LEFT": "A member left.",
    "ROLE_CHANGED": "A member's role changed.",
    "MFA_ENFORCEMENT_CHANGED": "The organization started or stopped requiring MFA.",
    "API_KEY_CREATED": "An API key was created.",
    "API_KEY_REVOKED": "An API key was revoked (by a member, or because its creator left).",
    "SSH_KEY_ADDED": "An SSH key was added.",
    "SSH_KEY_DELETED": "An SSH key was deleted.",
    "CONTACT_ADDED": "A notification contact was added.",
    "CONTACT_UPDATED": "A notification contact was changed.",
    "CONTACT_REMOVED": "A notification contact was removed.",
    "STAFF_GRANTED": "The account became platform staff.",
    "STAFF_REVOKED": "The account stopped being platform staff.",
    "MFA_RESET_BY_STAFF": "Staff turned MFA off after an identity check.",
    "EMAIL_CHANGED_BY_STAFF": "Staff moved the account to a new address after an identity check.",
    "SUPPORT_ACCESS_GRANTED": "An owner let platform staff act in the organization.",
    "SUPPORT_ACCESS_REVOKED": "A support grant was ended.",
    "SUPPORT_PLAN_CHANGED": "The support plan changed.",
    "QUOTA_LIMIT_SET": "Staff changed a quota limit.",
    "ABUSE_REPORTED": "A resource of the organization was reported.",
    "ABUSE_CASE_ANSWERED": "A member answered an abuse case.",
    "ABUSE_CASE_RESOLVED": "Staff closed an abuse case.",
    "KYC_SUBMITTED": "An identity verification was sent.",
    "KYC_APPROVED": "Staff approved the identity verification.",
    "KYC_REJECTED": "Staff rejected the identity verification.",
    "KYC_DOCUMENT_VIEWED": "Staff looked at an identity document.",
    "ACCOUNT_DELETED": "The user deleted their account; it shows as a deleted user from then on.",
    "ORGANIZATION_DELETED": "An owner deleted an organization (recorded in the owner's own log).",
    "DATA_EXPORTED": "The user downloaded everything the service holds about them.",
    "PASSKEY_ADDED": "A passkey was registered on the account.",
    "PASSKEY_RENAMED": "A passkey was renamed.",
    "PASSKEY_REMOVED": "A passkey was removed from the account.",
    "PASSKEY_CLONE_SUSPECTED": "A passkey signed with a counter that did not increase (it may have been copied); the sign-in was refused.",
})

MfaLevel = described(MfaLevelModel, "What counts as multi-factor authentication where an organization enforces it.", {
    "ANY": "Any second factor: a passkey, an authenticator app, or SMS codes.",
    "PHISHING_RESISTANT": (
        "Passkeys only: members whose only second factor is an authenticator app or SMS codes "
        "are treated as members without MFA."
    ),
})



@strawberry.enum(description="Whether a passkey can leave its authenticator (WebAuthn's backup eligibility).")
class PasskeyDeviceType(enum.Enum):
    SINGLE_DEVICE = strawberry.enum_value(
        "SINGLE_DEVICE", description="Bound to one authenticator (a security key): it cannot be backed up or synced."
    )
    MULTI_DEVICE = strawberry.enum_value(
        "MULTI_DEVICE", description="May be backed up and synced to the user's other devices (a password manager)."
    )

MfaMethod = described(MfaMethodModel, "How the user proves the second factor.", {
    "TOTP": "An authenticator app: the recommended method.",
    "SMS": (
        "A code by SMS to the verified phone number: weaker (SIM swaps, interception; NIST SP "
        "800-63B calls it restricted). Prefer an authenticator app."
    ),
})


@strawberry.enum(description="Where a password-reset request sends its secret.")
class ResetChannel(enum.Enum):
    EMAIL = strawberry.enum_value("EMAIL", description="A one-time link to the account's address.")
    SMS = strawberry.enum_value(
        "SMS", description="A 6-digit code to the account's verified number, valid 10 minutes."
    )
