"""The mutations about organizations: members, invitations, MFA enforcement, API keys,
contacts, support access, quotas, abuse and KYC."""

import strawberry

from accountql import models
from accountql.resolvers import (
    abuse,
    api_keys,
    contacts,
    kyc,
    mfa,
    organizations,
    quotas,
    support,
)
from accountql.schema.enums import Role
from accountql.schema.fields import mutation
from accountql.schema.permissions import (
    HasRole,
    IsStaff,
    ReadWrite,
    RecentlyReauthenticated,
    object_of,
)
from accountql.schema.types import (
    AbuseCase,
    ApiKey,
    Contact,
    CreatedApiKey,
    Invitation,
    KycSubmission,
    Membership,
    Organization,
    Quota,
    SupportGrant,
)

OWNER = HasRole(Role.OWNER)
MEMBER = HasRole(Role.MANAGER)


@strawberry.type
class OrganizationMutations:
    create_organization: Organization = mutation(
        organizations.create_organization, "Create an organization; you become its OWNER."
    )
    rename_organization: Organization = mutation(
        organizations.rename_organization, "Give the organization a new name.", OWNER
    )
    delete_organization: bool = mutation(
        organizations.delete_organization,
        "Delete the organization with its members, invitations, API keys, contacts, quotas, grants, "
        "abuse cases, identity documents and audit log; type its name to confirm. Every member is told.",
        HasRole(Role.OWNER, api_keys=False, support=False),
        RecentlyReauthenticated(),
    )
    invite_member: Invitation = mutation(
        organizations.invite_member, "Invite someone by e-mail; the invitation is mailed to them.", OWNER
    )
    cancel_invitation: bool = mutation(
        organizations.cancel_invitation, "Withdraw a pending invitation.",
        HasRole(Role.OWNER, object_of(models.Invitation), kind="invitation"),
    )
    accept_invitation: Membership = mutation(
        organizations.accept_invitation, "Join the organization an invitation to your verified address is for."
    )
    change_member_role: Membership = mutation(
        organizations.change_member_role,
        "Change a member's role; another owner's role cannot be changed, and one owner always remains.",
        OWNER,
    )
    remove_member: bool = mutation(
        organizations.remove_member, "Remove a member; the API keys they created are revoked.", OWNER
    )
    leave_organization: bool = mutation(
        organizations.leave_organization,
        "Leave an organization (also one whose MFA requirement you do not meet). The last owner cannot leave.",
    )
    set_mfa_enforcement: Organization = mutation(
        mfa.set_mfa_enforcement,
        "Require MFA of every member (owners with MFA on only). With gracePeriodDays, members without it "
        "keep working until then and are reminded by e-mail.",
        OWNER,
    )
    send_mfa_reminder: bool = mutation(mfa.send_mfa_reminder, "E-mail the members who still have no MFA again.", OWNER)
    create_api_key: CreatedApiKey = mutation(
        api_keys.create_api_key, "A key that acts for the organization. Its secret is shown this once.",
        HasRole(Role.MANAGER, api_keys=False, support=False), RecentlyReauthenticated(),
    )
    revoke_api_key: ApiKey = mutation(
        api_keys.revoke_api_key, "End an API key at once.",
        HasRole(Role.MANAGER, object_of(models.ApiKey), kind="API key", api_keys=False),
    )
    add_contact: Contact = mutation(
        contacts.add_contact, "Add a notification contact with one or more roles.",
        HasRole(Role.MANAGER, support=False), ReadWrite(),
    )
    update_contact: Contact = mutation(
        contacts.update_contact, "Change a contact's address or roles.",
        HasRole(Role.MANAGER, object_of(models.Contact), kind="contact", support=False), ReadWrite(),
    )
    remove_contact: bool = mutation(
        contacts.remove_contact, "Remove a contact; the last PRIMARY contact cannot be removed.",
        HasRole(Role.MANAGER, object_of(models.Contact), kind="contact"), ReadWrite(),
    )
    grant_support_access: SupportGrant = mutation(
        support.grant_support_access, "Let platform staff act here as a MANAGER, for a reason, up to 24 hours.", OWNER
    )
    revoke_support_access: SupportGrant = mutation(
        support.revoke_support_access, "End a support grant at once.",
        HasRole(Role.OWNER, object_of(models.SupportGrant), kind="support grant"),
    )
    change_support_plan: Organization = mutation(quotas.change_support_plan, "Pick the support plan.", OWNER)
    reserve_quota: Quota = mutation(
        quotas.reserve_quota,
        "Take some of a quota, for the provider's other services; QUOTA_EXCEEDED past the limit.",
        MEMBER, ReadWrite(),
    )
    release_quota: Quota = mutation(quotas.release_quota, "Give back what reserveQuota took.", MEMBER, ReadWrite())
    set_quota_limit: Quota = mutation(quotas.set_quota_limit, "Override one organization's limit.", IsStaff())
    report_abuse: bool = mutation(
        abuse.report_abuse,
        "Report abuse by an organization's resource. The reporter stays anonymous to it; so many an hour.",
    )
    answer_abuse_case: AbuseCase = mutation(
        abuse.answer_abuse_case, "Say what the organization did about a case.",
        HasRole(Role.MANAGER, object_of(models.AbuseCase), kind="abuse case"), ReadWrite(),
    )
    resolve_abuse_case: AbuseCase = mutation(abuse.resolve_abuse_case, "Close an abuse case.", IsStaff())
    submit_kyc: Organization = mutation(
        kyc.submit_kyc, "Send the organization's identity verification (a multipart upload).", OWNER
    )
    approve_kyc: KycSubmission = mutation(kyc.approve_kyc, "Approve an identity verification.", IsStaff())
    reject_kyc: KycSubmission = mutation(
        kyc.reject_kyc, "Reject an identity verification; the owners read the reason.", IsStaff()
    )
