"""The input objects: every mutation that takes a value takes exactly one `input` of its
own type, named after it (signUp takes SignUpInput)."""

from datetime import datetime

import strawberry
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON

from accountql.schema.enums import (
    AbuseReason,
    ApiKeyAccess,
    ContactRole,
    KycDocumentType,
    MfaLevel,
    ResetChannel,
    Role,
    SupportPlan,
    SupportReason,
)

SESSION_COOKIE = (
    "Set the session as an HttpOnly cookie instead of returning its token (for first-party "
    "front ends: no script can read it)."
)


def text(description: str):
    return strawberry.field(description=description)


def cookie():
    return strawberry.field(default=False, description=SESSION_COOKIE)


# Signing up and in


@strawberry.input(description="A new account.")
class SignUpInput:
    email: str = text("The account's e-mail address; a link is sent to verify it.")
    password: str = text("8 to 256 characters, not one of the most common passwords.")
    name: str = text("The name to show.")
    session_cookie: bool = cookie()


@strawberry.input(description="A password login.")
class LogInInput:
    email: str = text("The account's e-mail address.")
    password: str = text("The account's password.")
    session_cookie: bool = cookie()


@strawberry.input(description="The second step of a login with MFA on.")
class VerifyMfaInput:
    challenge: str = text("The challenge logIn (or logInWithMagicLink) answered.")
    code: str = text("A TOTP code, the SMS code, or one of your backup codes.")
    session_cookie: bool = cookie()


@strawberry.input(description="Ask for a sign-in link by e-mail.")
class RequestMagicLinkInput:
    email: str = text("The account's e-mail address.")


@strawberry.input(description="Sign in with a magic link.")
class LogInWithMagicLinkInput:
    token: str = text("The token in the link's #token= part.")
    session_cookie: bool = cookie()


@strawberry.input(
    description="Prove it is you again: the password, and a second factor when MFA is on; or a passkey alone."
)
class ReauthenticateInput:
    password: str | None = strawberry.field(
        default=None, description="The account's password. May be left out when a passkey answers."
    )
    code: str | None = strawberry.field(
        default=None, description="With MFA on: a code from the app, the SMS code, or a backup code."
    )
    passkey: JSON | None = strawberry.field(
        default=None,
        description="Instead of a code, or of the password and a code: a passkey's "
        "PublicKeyCredential.toJSON(), made for the options of beginPasskeyLogIn(input: {}) "
        "(user verification required).",
    )


@strawberry.input(description="A new password in place of the current one.")
class ChangePasswordInput:
    current_password: str = text("The password now.")
    new_password: str = text("8 to 256 characters, not one of the most common passwords.")


@strawberry.input(description="Change what your profile shows.")
class UpdateProfileInput:
    name: str = text("The name to show (200 characters at most).")


@strawberry.input(description="Delete your account: the password, and a second factor when MFA is on, prove it is you.")
class DeleteAccountInput:
    password: str = text("The account's password.")
    code: str | None = strawberry.field(
        default=None, description="With MFA on: a code from the app, the SMS code, or a backup code."
    )
    passkey: JSON | None = strawberry.field(
        default=None,
        description="With MFA on, instead of a code: a passkey's PublicKeyCredential.toJSON(), "
        "made for the options of beginPasskeyLogIn(input: {}) (user verification required).",
    )


@strawberry.input(description="End one of your sessions.")
class RevokeSessionInput:
    id: strawberry.ID = text("The session's id (from me.sessions).")


# Proving addresses and numbers


@strawberry.input(description="An e-mail address or the account's phone number, and a channel.")
class RequestPasswordResetInput:
    email: str | None = strawberry.field(default=None, description="The account's e-mail address.")
    phone_number: str | None = strawberry.field(default=None, description="The account's verified number (E.164).")
    channel: ResetChannel = strawberry.field(default=ResetChannel.EMAIL, description="Where the secret goes.")


@strawberry.input(
    description="The token from the e-mailed link, or the SMS code with the e-mail address or "
    "phone number it was asked for; and the new password."
)
class ResetPasswordInput:
    new_password: str = text("8 to 256 characters, not one of the most common passwords.")
    token: str | None = strawberry.field(default=None, description="The token in the reset link's #token= part.")
    code: str | None = strawberry.field(default=None, description="The 6-digit code of the SMS.")
    email: str | None = strawberry.field(default=None, description="With a code: the address it was asked for.")
    phone_number: str | None = strawberry.field(default=None, description="With a code: the number it was asked for.")


@strawberry.input(description="Follow the verification link of an address.")
class VerifyEmailInput:
    token: str = text("The token in the link's #token= part.")


@strawberry.input(description="Follow the link sent to a new address.")
class ConfirmEmailChangeInput:
    token: str = text("The token in the link's #token= part.")


@strawberry.input(description="Move the account to a new address.")
class ChangeEmailInput:
    new_email: str = text("The new address; a link is sent to it.")


@strawberry.input(description="A number to verify by SMS.")
class SetPhoneNumberInput:
    phone_number: str = text("The number with its country code (E.164, e.g. +33612345678).")


@strawberry.input(description="The code texted by setPhoneNumber.")
class VerifyPhoneNumberInput:
    code: str = text("The 6-digit code (five tries).")


@strawberry.input(description="Login notices on or off.")
class SetLoginNotificationsInput:
    enabled: bool = text("Whether every login attempt is e-mailed to you (needs a verified address).")


@strawberry.input(description="Follow the link sent to a new notification contact.")
class ConfirmContactInput:
    token: str = text("The token in the link's #token= part.")


# Multi-factor authentication


@strawberry.input(description="Turn MFA on with a code from the newly enrolled app.")
class ConfirmMfaEnrollmentInput:
    code: str = text("The 6-digit code the app shows now.")


@strawberry.input(description="Turn MFA off.")
class DisableMfaInput:
    confirmation: str = text('Type "DISABLE".')


# SSH keys


@strawberry.input(description="An OpenSSH public key to add to your account.")
class AddSshKeyInput:
    name: str = text("What the key is for (a laptop's name).")
    public_key: str = text("One line of your .pub file.")


@strawberry.input(description="Delete one of your SSH keys.")
class DeleteSshKeyInput:
    id: strawberry.ID = text("The key's id.")


# Organizations and members


@strawberry.input(description="A new organization; you become its OWNER.")
class CreateOrganizationInput:
    name: str = text("The organization's name (100 characters at most).")


@strawberry.input(description="Rename an organization.")
class RenameOrganizationInput:
    organization_id: strawberry.ID = text("The organization.")
    name: str = text("The new name (100 characters at most).")


@strawberry.input(description="Delete an organization with everything in it.")
class DeleteOrganizationInput:
    organization_id: strawberry.ID = text("The organization.")
    confirm_name: str = text("The organization's name, typed out exactly as it is shown.")


@strawberry.input(description="Invite someone by e-mail.")
class InviteMemberInput:
    organization_id: strawberry.ID = text("The organization.")
    email: str = text("The invitee's address; the invitation is mailed to it.")
    role: Role = strawberry.field(default=Role.MANAGER, description="The role the invitee gets.")


@strawberry.input(description="Withdraw a pending invitation.")
class CancelInvitationInput:
    id: strawberry.ID = text("The invitation's id.")


@strawberry.input(description="Join an organization you were invited to.")
class AcceptInvitationInput:
    id: strawberry.ID = text("The invitation's id (from the e-mailed link or myInvitations).")


@strawberry.input(description="Change a member's role.")
class ChangeMemberRoleInput:
    organization_id: strawberry.ID = text("The organization.")
    user_id: strawberry.ID = text("The member.")
    role: Role = text("The new role.")


@strawberry.input(description="Remove a member.")
class RemoveMemberInput:
    organization_id: strawberry.ID = text("The organization.")
    user_id: strawberry.ID = text("The member to remove.")


@strawberry.input(description="Leave an organization.")
class LeaveOrganizationInput:
    organization_id: strawberry.ID = text("The organization to leave.")


@strawberry.input(description="Require MFA of every member, or no longer.")
class SetMfaEnforcementInput:
    organization_id: strawberry.ID = text("The organization.")
    enforced: bool = text("Whether to require MFA.")
    grace_period_days: int = strawberry.field(
        default=0, description="Days (0 to 90) during which members without MFA keep working."
    )
    level: MfaLevel = strawberry.field(
        default=MfaLevel.ANY,
        description="What counts as MFA: any second factor, or passkeys only (PHISHING_RESISTANT).",
    )


@strawberry.input(description="Remind members who still have no MFA.")
class SendMfaReminderInput:
    organization_id: strawberry.ID = text("The organization.")


# API keys, contacts, support


@strawberry.input(description="A new API key for an organization.")
class CreateApiKeyInput:
    organization_id: strawberry.ID = text("The organization the key acts for.")
    name: str = text("What the key is for.")
    access: ApiKeyAccess = strawberry.field(default=ApiKeyAccess.READ_ONLY, description="What it may do.")
    expires_at: datetime | None = strawberry.field(default=None, description="When it stops working; never if null.")


@strawberry.input(description="End an API key at once.")
class RevokeApiKeyInput:
    id: strawberry.ID = text("The key's id.")


@strawberry.input(description="A new notification contact.")
class AddContactInput:
    organization_id: strawberry.ID = text("The organization.")
    email: str = text("Where its notices go; a confirmation link is sent unless it is a verified account's.")
    roles: list[ContactRole] = text("What it is told about (at least one).")


@strawberry.input(description="Change a contact. Leave a field out to keep it as it is.")
class UpdateContactInput:
    id: strawberry.ID = text("The contact's id.")
    email: str | None = strawberry.field(default=None, description="A new address (confirmed anew).")
    roles: list[ContactRole] | None = strawberry.field(default=None, description="New roles.")


@strawberry.input(description="Remove a contact.")
class RemoveContactInput:
    id: strawberry.ID = text("The contact's id.")


@strawberry.input(description="Let platform staff act in the organization as a MANAGER for a while.")
class GrantSupportAccessInput:
    organization_id: strawberry.ID = text("The organization.")
    reason: SupportReason = text("Why support may act.")
    hours: int = strawberry.field(default=24, description="How long, 1 to 24 hours.")


@strawberry.input(description="End a support grant at once.")
class RevokeSupportAccessInput:
    id: strawberry.ID = text("The grant's id.")


@strawberry.input(description="Pick a support plan.")
class ChangeSupportPlanInput:
    organization_id: strawberry.ID = text("The organization.")
    plan: SupportPlan = text("The new plan.")


# Quotas, abuse, KYC


@strawberry.input(description="Take some of a quota.")
class ReserveQuotaInput:
    organization_id: strawberry.ID = text("The organization.")
    product: str = text("The product, e.g. instances.")
    resource: str = text("The resource, e.g. GP1-S.")
    amount: int = strawberry.field(default=1, description="How many (at least 1).")


@strawberry.input(description="Give back what reserveQuota took.")
class ReleaseQuotaInput:
    organization_id: strawberry.ID = text("The organization.")
    product: str = text("The product, e.g. instances.")
    resource: str = text("The resource, e.g. GP1-S.")
    amount: int = strawberry.field(default=1, description="How many (at least 1).")


@strawberry.input(description="Override one organization's limit.")
class SetQuotaLimitInput:
    organization_id: strawberry.ID = text("The organization.")
    product: str = text("The product, e.g. instances.")
    resource: str = text("The resource, e.g. GP1-S.")
    limit: int = text("The new limit.")


@strawberry.input(description="Report abuse by a resource (an id and a kind) of an organization.")
class ReportAbuseInput:
    organization_id: strawberry.ID = text("The organization whose resource it is.")
    resource_kind: str = text("What kind of resource, e.g. instance, bucket, ip.")
    resource_id: str = text("Which resource.")
    reason: AbuseReason = text("Why.")
    details: str = text("What you saw (2,000 characters at most).")


@strawberry.input(description="Say what the organization did about a case.")
class AnswerAbuseCaseInput:
    id: strawberry.ID = text("The case's id.")
    answer: str = text("What was done.")


@strawberry.input(description="Close a case.")
class ResolveAbuseCaseInput:
    id: strawberry.ID = text("The case's id.")
    resolution: str = text("What staff concluded.")


@strawberry.input(
    description="Send as a GraphQL multipart request: the document image and a selfie holding it "
    "(JPEG, PNG or PDF)."
)
class SubmitKycInput:
    organization_id: strawberry.ID = text("The organization.")
    document_type: KycDocumentType = text("The kind of document.")
    document: Upload = text("The document's image.")
    selfie: Upload = text("A photo of you holding the document.")


@strawberry.input(description="Approve an identity verification.")
class ApproveKycInput:
    id: strawberry.ID = text("The submission's id.")


@strawberry.input(description="Reject an identity verification.")
class RejectKycInput:
    id: strawberry.ID = text("The submission's id.")
    reason: str = text("Why; the owners read it.")
