"""The Query and Mutation roots and the Schema object with its protective extensions."""

from __future__ import annotations

import logging

import strawberry
from graphql import ExecutionResult, GraphQLError, NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.types.graphql import OperationType

from accountql import db, models, outage
from accountql.auth.context import RequestContext
from accountql.config import Settings
from accountql.errors import ApiError, Forbidden
from accountql.models import ApiKeyAccess
from accountql.resolvers import (
    abuse,
    accounts,
    api_keys,
    contacts,
    kyc,
    mfa,
    organizations,
    quotas,
    recovery,
    ssh_keys,
    support,
)
from accountql.schema.enums import Role
from accountql.schema.limits import DocumentChecker, DocumentGuard, QueryLimits
from accountql.schema.permissions import (
    READ_ONLY_KEY,
    HasRole,
    IsStaff,
    ReadWrite,
    RecentlyReauthenticated,
    guard,
    object_of,
)
from accountql.schema.types import (
    AbuseCase,
    ApiKey,
    AuthSession,
    BackupCodes,
    Contact,
    CreatedApiKey,
    Invitation,
    KycSubmission,
    LogInResult,
    Membership,
    MfaEnrollment,
    Organization,
    Quota,
    Session,
    SshKey,
    SupportGrant,
    User,
)
from accountql.schema.validation import NoLoneSurrogates

log = logging.getLogger("accountql")


@strawberry.type
class Query:
    me: User = strawberry.field(
        resolver=accounts.me, extensions=guard(mfa_exempt=True), description="The signed-in user."
    )
    organization: Organization = strawberry.field(
        resolver=organizations.organization,
        extensions=guard(HasRole(Role.MANAGER)),
        description="An organization you are a member of.",
    )
    pending_kyc_submissions: list[KycSubmission] = strawberry.field(
        resolver=kyc.pending_kyc_submissions,
        extensions=guard(IsStaff()),
        description="Identity verifications waiting for review (platform staff).",
    )
    open_abuse_cases: list[AbuseCase] = strawberry.field(
        resolver=abuse.open_abuse_cases,
        extensions=guard(IsStaff()),
        description="Every unresolved abuse case, oldest first (platform staff).",
    )
    my_invitations: list[Invitation] = strawberry.field(
        resolver=organizations.my_invitations,
        extensions=guard(),
        description="Pending invitations for your e-mail address.",
    )


@strawberry.type
class Mutation:
    sign_up: AuthSession = strawberry.mutation(
        resolver=accounts.sign_up, description="Create an account and sign in."
    )
    log_in: LogInResult = strawberry.mutation(
        resolver=accounts.log_in,
        description="Sign in with e-mail and password. Failed attempts are rate-limited.",
    )
    verify_mfa: AuthSession = strawberry.mutation(
        resolver=mfa.verify_mfa,
        description="Finish a login that answered an MfaChallenge: a TOTP code or a backup code.",
    )
    request_magic_link: bool = strawberry.mutation(
        resolver=recovery.request_magic_link,
        description=(
            "E-mail a one-time sign-in link (15 minutes) if the address has an account. "
            "Always true: the answer never tells whether it has."
        ),
    )
    log_in_with_magic_link: LogInResult = strawberry.mutation(
        resolver=recovery.log_in_with_magic_link,
        description="Sign in with the token of a magic link; an MfaChallenge when MFA is on.",
    )
    request_password_reset: bool = strawberry.mutation(
        resolver=recovery.request_password_reset,
        description=(
            "Send a reset link by e-mail or a 6-digit code by SMS, if the account exists. "
            "Always true."
        ),
    )
    reset_password: bool = strawberry.mutation(
        resolver=recovery.reset_password,
        description="Set a new password with a reset token or SMS code; ends every session. MFA stays on.",
    )
    verify_email: User = strawberry.mutation(
        resolver=recovery.verify_email,
        description="Follow the link sent at sign-up (or by resendVerificationEmail): the address is verified.",
    )
    resend_verification_email: bool = strawberry.mutation(
        resolver=recovery.resend_verification_email,
        extensions=guard(mfa_exempt=True),
        description="Send a new verification link to your address (so many an hour).",
    )
    reauthenticate: Session = strawberry.mutation(
        resolver=accounts.reauthenticate,
        extensions=guard(mfa_exempt=True),
        description=(
            "Prove your password again (and a second factor when MFA is on) before a "
            "sensitive change; lasts a few minutes (see Session.reauthenticatedUntil)."
        ),
    )
    confirm_contact: bool = strawberry.mutation(
        resolver=contacts.confirm_contact,
        description="Follow the link sent to a new notification contact: it starts receiving notices.",
    )
    confirm_email_change: User = strawberry.mutation(
        resolver=recovery.confirm_email_change,
        description="Follow the link sent to a new address: it becomes the account's.",
    )
    change_email: bool = strawberry.mutation(
        resolver=recovery.change_email,
        extensions=guard(RecentlyReauthenticated()),
        description=(
            "Send a link to a new address; it becomes the account's once the link is followed. "
            "The answer is the same whether or not the address has an account."
        ),
    )
    set_phone_number: bool = strawberry.mutation(
        resolver=recovery.set_phone_number,
        extensions=guard(RecentlyReauthenticated(), mfa_exempt=True),
        description="Text a verification code to a number (E.164, e.g. +33612345678).",
    )
    verify_phone_number: User = strawberry.mutation(
        resolver=recovery.verify_phone_number,
        extensions=guard(mfa_exempt=True),
        description="The code texted by setPhoneNumber: the number becomes the account's.",
    )
    remove_phone_number: User = strawberry.mutation(
        resolver=recovery.remove_phone_number, extensions=guard(RecentlyReauthenticated())
    )
    enable_sms_mfa: BackupCodes = strawberry.mutation(
        resolver=recovery.enable_sms_mfa,
        extensions=guard(RecentlyReauthenticated(), mfa_exempt=True),
        description=(
            "Use SMS codes to the verified number as the second factor (weaker than an "
            "authenticator app). With MFA already on, pass a current code."
        ),
    )
    send_mfa_sms_code: bool = strawberry.mutation(
        resolver=recovery.send_mfa_sms_code,
        extensions=guard(),
        description="Text a code for confirming a change to MFA, for users of SMS MFA.",
    )
    set_login_notifications: User = strawberry.mutation(
        resolver=recovery.set_login_notifications,
        extensions=guard(),
        description="E-mail me about every login attempt on my account.",
    )
    log_out: bool = strawberry.mutation(
        resolver=accounts.log_out,
        extensions=guard(mfa_exempt=True),
        description="End the current session.",
    )
    revoke_session: bool = strawberry.mutation(
        resolver=accounts.revoke_session,
        extensions=guard(),
        description="End one of your sessions, for instance on a lost device.",
    )
    change_password: bool = strawberry.mutation(
        resolver=accounts.change_password,
        extensions=guard(),
        description="Needs the current password; ends every other session.",
    )
    create_organization: Organization = strawberry.mutation(
        resolver=organizations.create_organization,
        extensions=guard(),
        description="Create an organization; you become its OWNER.",
    )
    invite_member: Invitation = strawberry.mutation(
        resolver=organizations.invite_member, extensions=guard(HasRole(Role.OWNER))
    )
    cancel_invitation: bool = strawberry.mutation(
        resolver=organizations.cancel_invitation,
        extensions=guard(
            HasRole(Role.OWNER, object_of(models.Invitation), kind="invitation")
        ),
        description="Withdraw a pending invitation.",
    )
    accept_invitation: Membership = strawberry.mutation(
        resolver=organizations.accept_invitation, extensions=guard()
    )
    change_member_role: Membership = strawberry.mutation(
        resolver=organizations.change_member_role, extensions=guard(HasRole(Role.OWNER))
    )
    remove_member: bool = strawberry.mutation(
        resolver=organizations.remove_member, extensions=guard(HasRole(Role.OWNER))
    )
    leave_organization: bool = strawberry.mutation(
        resolver=organizations.leave_organization,
        extensions=guard(),
        description=(
            "Leave an organization (also one whose MFA requirement you do not meet). "
            "The last owner cannot leave."
        ),
    )
    create_api_key: CreatedApiKey = strawberry.mutation(
        resolver=api_keys.create_api_key,
        extensions=guard(HasRole(Role.MANAGER, api_keys=False, support=False), RecentlyReauthenticated()),
        description="A key that acts for the organization. Its secret is shown this once.",
    )
    revoke_api_key: ApiKey = strawberry.mutation(
        resolver=api_keys.revoke_api_key,
        extensions=guard(
            HasRole(Role.MANAGER, object_of(models.ApiKey), kind="API key", api_keys=False)
        ),
        description="End an API key at once.",
    )
    add_ssh_key: SshKey = strawberry.mutation(
        resolver=ssh_keys.add_ssh_key,
        extensions=guard(),
        description="Add an OpenSSH public key (ed25519, ECDSA, or RSA of 2048 bits or more).",
    )
    delete_ssh_key: bool = strawberry.mutation(resolver=ssh_keys.delete_ssh_key, extensions=guard())
    add_contact: Contact = strawberry.mutation(
        resolver=contacts.add_contact,
        extensions=guard(HasRole(Role.MANAGER, support=False), ReadWrite()),
        description="Add a notification contact with one or more roles.",
    )
    update_contact: Contact = strawberry.mutation(
        resolver=contacts.update_contact,
        extensions=guard(
            HasRole(Role.MANAGER, object_of(models.Contact), kind="contact", support=False),
            ReadWrite(),
        ),
    )
    remove_contact: bool = strawberry.mutation(
        resolver=contacts.remove_contact,
        extensions=guard(
            HasRole(Role.MANAGER, object_of(models.Contact), kind="contact"), ReadWrite()
        ),
        description="Remove a contact; the last PRIMARY contact cannot be removed.",
    )
    grant_support_access: SupportGrant = strawberry.mutation(
        resolver=support.grant_support_access,
        extensions=guard(HasRole(Role.OWNER)),
        description="Let platform staff act here as a MANAGER, for a reason, up to 24 hours.",
    )
    revoke_support_access: SupportGrant = strawberry.mutation(
        resolver=support.revoke_support_access,
        extensions=guard(HasRole(Role.OWNER, object_of(models.SupportGrant), kind="support grant")),
        description="End a support grant at once.",
    )
    reserve_quota: Quota = strawberry.mutation(
        resolver=quotas.reserve_quota,
        extensions=guard(HasRole(Role.MANAGER), ReadWrite()),
        description="Take some of a quota, for the provider's other services; QUOTA_EXCEEDED past the limit.",
    )
    release_quota: Quota = strawberry.mutation(
        resolver=quotas.release_quota,
        extensions=guard(HasRole(Role.MANAGER), ReadWrite()),
        description="Give back what reserveQuota took.",
    )
    set_quota_limit: Quota = strawberry.mutation(
        resolver=quotas.set_quota_limit,
        extensions=guard(IsStaff()),
        description="Override one organization's limit (platform staff).",
    )
    change_support_plan: Organization = strawberry.mutation(
        resolver=quotas.change_support_plan, extensions=guard(HasRole(Role.OWNER))
    )
    report_abuse: bool = strawberry.mutation(
        resolver=abuse.report_abuse,
        extensions=guard(),
        description="Report abuse by an organization's resource. The reporter stays anonymous to it.",
    )
    answer_abuse_case: AbuseCase = strawberry.mutation(
        resolver=abuse.answer_abuse_case,
        extensions=guard(HasRole(Role.MANAGER, object_of(models.AbuseCase), kind="abuse case"), ReadWrite()),
        description="Say what the organization did about a case.",
    )
    resolve_abuse_case: AbuseCase = strawberry.mutation(
        resolver=abuse.resolve_abuse_case,
        extensions=guard(IsStaff()),
        description="Close a case (platform staff).",
    )
    submit_kyc: Organization = strawberry.mutation(
        resolver=kyc.submit_kyc,
        extensions=guard(HasRole(Role.OWNER)),
        description="Send the organization's identity verification (multipart upload).",
    )
    approve_kyc: KycSubmission = strawberry.mutation(
        resolver=kyc.approve_kyc, extensions=guard(IsStaff()), description="Platform staff."
    )
    reject_kyc: KycSubmission = strawberry.mutation(
        resolver=kyc.reject_kyc, extensions=guard(IsStaff()), description="Platform staff; the owners read the reason."
    )
    set_mfa_enforcement: Organization = strawberry.mutation(
        resolver=mfa.set_mfa_enforcement,
        extensions=guard(HasRole(Role.OWNER)),
        description=(
            "Require MFA of every member (owners with MFA on only). With gracePeriodDays, "
            "members without it keep working until then and are reminded by e-mail."
        ),
    )
    send_mfa_reminder: bool = strawberry.mutation(
        resolver=mfa.send_mfa_reminder,
        extensions=guard(HasRole(Role.OWNER)),
        description="E-mail the members who still have no MFA again.",
    )
    begin_mfa_enrollment: MfaEnrollment = strawberry.mutation(
        resolver=mfa.begin_mfa_enrollment,
        extensions=guard(RecentlyReauthenticated(), mfa_exempt=True),
        description=(
            "A new TOTP secret with its QR code; nothing changes until confirmMfaEnrollment. "
            "With MFA already on (a new phone), pass a current code."
        ),
    )
    confirm_mfa_enrollment: BackupCodes = strawberry.mutation(
        resolver=mfa.confirm_mfa_enrollment,
        extensions=guard(RecentlyReauthenticated(), mfa_exempt=True),
        description="Turn MFA on with a code from the app; returns ten backup codes, shown once.",
    )
    regenerate_backup_codes: BackupCodes = strawberry.mutation(
        resolver=mfa.regenerate_backup_codes,
        extensions=guard(RecentlyReauthenticated()),
        description="Replace every backup code; needs a current code.",
    )
    disable_mfa: User = strawberry.mutation(
        resolver=mfa.disable_mfa,
        extensions=guard(RecentlyReauthenticated()),
        description='Turn MFA off: confirmation "DISABLE" and a current code.',
    )


class ReadOnlyKeysQueryOnly(SchemaExtension):
    """A request made with an API key that is not READ_WRITE runs no mutation at all,
    guarded or not: the whole operation answers FORBIDDEN (or UNAUTHENTICATED for a key
    that is unknown, revoked or expired) before anything runs."""

    async def on_execute(self):
        context = self.execution_context.context
        if (
            isinstance(context, RequestContext)
            and context.uses_api_key
            and self.execution_context.operation_type == OperationType.MUTATION
        ):
            try:
                if (await context.api_key()).access != ApiKeyAccess.READ_WRITE:
                    raise Forbidden(READ_ONLY_KEY)
            except ApiError as error:
                self.execution_context.result = ExecutionResult(
                    data=None, errors=[GraphQLError(error.message, original_error=error)]
                )
        yield


class AccountQLSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context=None) -> None:
        # Contract errors are answers, not faults: log only what nobody planned for.
        # Never log the others: a variable error quotes the variables, passwords included.
        for error in errors:
            original = error.original_error
            if db.is_unavailable(original):
                outage.current.refused_one(original)  # logged once per outage, with a count
            elif original is not None and not isinstance(original, (ApiError, GraphQLError)):
                log.error("unexpected error in %s", error.path, exc_info=error.original_error)


def query_limits(settings: Settings) -> QueryLimits:
    return QueryLimits(
        max_bytes=settings.max_query_bytes,
        max_tokens=settings.max_query_tokens,
        max_depth=settings.max_query_depth,
        max_aliases=settings.max_aliases,
        max_cost=settings.max_query_cost,
        max_page_size=settings.max_page_size,
    )


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    rules: tuple = (NoLoneSurrogates,)
    if not settings.introspection:
        rules += (NoSchemaIntrospectionCustomRule,)
    # One checker per schema: its parse and validation caches serve every request.
    checker = DocumentChecker(query_limits(settings), extra_rules=rules)
    extensions = [lambda: DocumentGuard(checker), ReadOnlyKeysQueryOnly]
    return AccountQLSchema(
        query=Query,
        mutation=Mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=settings.production),
    )
