/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input)\n  }\n": typeof types.ReportAbuseDocument,
    "\n  query AbuseCases($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      abuseCases(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            resourceKind\n            resourceId\n            reason\n            createdAt\n            answer\n            answeredAt\n            resolvedAt\n            resolution\n            # The first two reports only: a page size given by a variable is costed at\n            # the largest page (100), so a nested list multiplies fast (QUERY_TOO_COMPLEX).\n            reports(first: 2) {\n              totalCount\n              edges {\n                node {\n                  details\n                  createdAt\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AbuseCasesDocument,
    "\n  mutation AnswerAbuseCase($input: AnswerAbuseCaseInput!) {\n    answerAbuseCase(input: $input) {\n      id\n      answer\n      answeredAt\n    }\n  }\n": typeof types.AnswerAbuseCaseDocument,
    "\n  fragment ApiKeyItem on ApiKey {\n    id\n    name\n    access\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": typeof types.ApiKeyItemFragmentDoc,
    "\n  query ApiKeys($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      apiKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...ApiKeyItem\n          }\n        }\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment AuditEventItem on AuditEvent {\n    id\n    kind\n    at\n    ipAddress\n    userAgent\n    details\n    actorApiKeyPrefix\n    support\n    actor {\n      id\n      email\n    }\n    subject {\n      id\n      email\n    }\n  }\n": typeof types.AuditEventItemFragmentDoc,
    "\n  query MyAuditEvents($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyAuditEventsDocument,
    "\n  query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationAuditEventsDocument,
    "\n  query Viewer {\n    me {\n      id\n      email\n      name\n      emailVerified\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      passkeys(first: 1) {\n        totalCount\n      }\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organization {\n              id\n              name\n              mfaEnforced\n              mfaGraceUntil\n              mfaLevel\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        email\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.VerifyMfaDocument,
    "\n  mutation RequestMagicLink($input: RequestMagicLinkInput!) {\n    requestMagicLink(input: $input)\n  }\n": typeof types.RequestMagicLinkDocument,
    "\n  mutation LogInWithMagicLink($input: LogInWithMagicLinkInput!) {\n    logInWithMagicLink(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n": typeof types.LogInWithMagicLinkDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {\n    confirmEmailChange(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n": typeof types.ConfirmEmailChangeDocument,
    "\n  mutation ConfirmContact($input: ConfirmContactInput!) {\n    confirmContact(input: $input)\n  }\n": typeof types.ConfirmContactDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      id\n      reauthenticatedUntil\n    }\n  }\n": typeof types.ReauthenticateDocument,
    "\n  mutation SendMfaSmsCode {\n    sendMfaSmsCode\n  }\n": typeof types.SendMfaSmsCodeDocument,
    "\n  mutation BeginPasskeyLogIn($input: BeginPasskeyLogInInput!) {\n    beginPasskeyLogIn(input: $input) {\n      options\n      expiresAt\n    }\n  }\n": typeof types.BeginPasskeyLogInDocument,
    "\n  mutation FinishPasskeyLogIn($input: FinishPasskeyLogInInput!) {\n    finishPasskeyLogIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.FinishPasskeyLogInDocument,
    "\n  query Contacts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      contacts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            roles\n            canLogIn\n            confirmed\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.ContactsDocument,
    "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n": typeof types.AddContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input)\n  }\n": typeof types.RemoveContactDocument,
    "\n  query Kyc($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      kycStatus\n    }\n  }\n": typeof types.KycDocument,
    "\n  mutation SubmitKyc($input: SubmitKycInput!) {\n    submitKyc(input: $input) {\n      id\n      kycStatus\n    }\n  }\n": typeof types.SubmitKycDocument,
    "\n  subscription SecurityEvents {\n    securityEvents {\n      kind\n      at\n      organizationId\n    }\n  }\n": typeof types.SecurityEventsDocument,
    "\n  fragment OrganizationHead on Organization {\n    id\n    name\n    mfaEnforced\n    mfaGraceUntil\n    mfaLevel\n  }\n": typeof types.OrganizationHeadFragmentDoc,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query OrganizationOverview($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      createdAt\n    }\n  }\n": typeof types.OrganizationOverviewDocument,
    "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.RenameOrganizationDocument,
    "\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input)\n  }\n": typeof types.DeleteOrganizationDocument,
    "\n  fragment MemberItem on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n      mfaEnabled\n      hasPasskey\n    }\n  }\n": typeof types.MemberItemFragmentDoc,
    "\n  query Members($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...MemberItem\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  query Invitations($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      invitations(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query MfaStatus($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n              mfaEnabled\n              hasPasskey\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MfaStatusDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation CancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input)\n  }\n": typeof types.CancelInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input)\n  }\n": typeof types.LeaveOrganizationDocument,
    "\n  mutation SetMfaEnforcement($input: SetMfaEnforcementInput!) {\n    setMfaEnforcement(input: $input) {\n      id\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n    }\n  }\n": typeof types.SetMfaEnforcementDocument,
    "\n  mutation SendMfaReminder($input: SendMfaReminderInput!) {\n    sendMfaReminder(input: $input)\n  }\n": typeof types.SendMfaReminderDocument,
    "\n  query MyInvitations($first: Int, $after: String, $last: Int, $before: String) {\n    myInvitations(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n          expiresAt\n          organization {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Profile {\n    me {\n      id\n      name\n      email\n      emailVerified\n      phoneNumber\n      loginNotifications\n      createdAt\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input)\n  }\n": typeof types.ChangeEmailDocument,
    "\n  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {\n    setPhoneNumber(input: $input)\n  }\n": typeof types.SetPhoneNumberDocument,
    "\n  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {\n    verifyPhoneNumber(input: $input) {\n      id\n      phoneNumber\n    }\n  }\n": typeof types.VerifyPhoneNumberDocument,
    "\n  mutation RemovePhoneNumber {\n    removePhoneNumber {\n      id\n      phoneNumber\n      mfaEnabled\n      mfaMethod\n    }\n  }\n": typeof types.RemovePhoneNumberDocument,
    "\n  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {\n    setLoginNotifications(input: $input) {\n      id\n      loginNotifications\n    }\n  }\n": typeof types.SetLoginNotificationsDocument,
    "\n  mutation ExportMyData {\n    exportMyData\n  }\n": typeof types.ExportMyDataDocument,
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input)\n  }\n": typeof types.DeleteAccountDocument,
    "\n  query Quotas($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      quotas {\n        product\n        resource\n        limit\n        used\n      }\n    }\n  }\n": typeof types.QuotasDocument,
    "\n  query Security {\n    me {\n      id\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...PasskeyItem\n          }\n        }\n      }\n    }\n  }\n": typeof types.SecurityDocument,
    "\n  fragment PasskeyItem on Passkey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    deviceType\n    backedUp\n    cloneSuspectedAt\n  }\n": typeof types.PasskeyItemFragmentDoc,
    "\n  mutation BeginPasskeyRegistration {\n    beginPasskeyRegistration {\n      options\n      expiresAt\n    }\n  }\n": typeof types.BeginPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n": typeof types.RenamePasskeyDocument,
    "\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      id\n      mfaEnabled\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n      }\n    }\n  }\n": typeof types.RemovePasskeyDocument,
    "\n  mutation BeginMfaEnrollment {\n    beginMfaEnrollment {\n      secret\n      otpauthUri\n      qrCodeDataUri\n    }\n  }\n": typeof types.BeginMfaEnrollmentDocument,
    "\n  mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n    confirmMfaEnrollment(input: $input) {\n      codes\n    }\n  }\n": typeof types.ConfirmMfaEnrollmentDocument,
    "\n  mutation EnableSmsMfa {\n    enableSmsMfa {\n      codes\n    }\n  }\n": typeof types.EnableSmsMfaDocument,
    "\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n    }\n  }\n": typeof types.RegenerateBackupCodesDocument,
    "\n  mutation DisableMfa($input: DisableMfaInput!) {\n    disableMfa(input: $input) {\n      id\n      mfaEnabled\n      mfaMethod\n      backupCodesRemaining\n    }\n  }\n": typeof types.DisableMfaDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment SessionItem on Session {\n    id\n    createdAt\n    expiresAt\n    lastSeenAt\n    ipAddress\n    userAgent\n    current\n    support\n  }\n": typeof types.SessionItemFragmentDoc,
    "\n  query Sessions($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sessions(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...SessionItem\n          }\n        }\n      }\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  query LoginAttempts($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      loginAttempts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            at\n            ipAddress\n            userAgent\n            succeeded\n            method\n            secondFactor\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoginAttemptsDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query SshKeys($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sshKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            keyType\n            bits\n            fingerprint\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.SshKeysDocument,
    "\n  mutation AddSshKey($input: AddSshKeyInput!) {\n    addSshKey(input: $input) {\n      id\n      fingerprint\n    }\n  }\n": typeof types.AddSshKeyDocument,
    "\n  mutation DeleteSshKey($input: DeleteSshKeyInput!) {\n    deleteSshKey(input: $input)\n  }\n": typeof types.DeleteSshKeyDocument,
    "\n  query Support($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      supportPlan\n      supportResponseMinutes\n      supportGrants(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            reason\n            createdAt\n            expiresAt\n            revokedAt\n            active\n          }\n        }\n      }\n    }\n  }\n": typeof types.SupportDocument,
    "\n  mutation GrantSupportAccess($input: GrantSupportAccessInput!) {\n    grantSupportAccess(input: $input) {\n      id\n      active\n      expiresAt\n    }\n  }\n": typeof types.GrantSupportAccessDocument,
    "\n  mutation RevokeSupportAccess($input: RevokeSupportAccessInput!) {\n    revokeSupportAccess(input: $input) {\n      id\n      active\n      revokedAt\n    }\n  }\n": typeof types.RevokeSupportAccessDocument,
    "\n  mutation ChangeSupportPlan($input: ChangeSupportPlanInput!) {\n    changeSupportPlan(input: $input) {\n      id\n      supportPlan\n      supportResponseMinutes\n    }\n  }\n": typeof types.ChangeSupportPlanDocument,
};
const documents: Documents = {
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input)\n  }\n": types.ReportAbuseDocument,
    "\n  query AbuseCases($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      abuseCases(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            resourceKind\n            resourceId\n            reason\n            createdAt\n            answer\n            answeredAt\n            resolvedAt\n            resolution\n            # The first two reports only: a page size given by a variable is costed at\n            # the largest page (100), so a nested list multiplies fast (QUERY_TOO_COMPLEX).\n            reports(first: 2) {\n              totalCount\n              edges {\n                node {\n                  details\n                  createdAt\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AbuseCasesDocument,
    "\n  mutation AnswerAbuseCase($input: AnswerAbuseCaseInput!) {\n    answerAbuseCase(input: $input) {\n      id\n      answer\n      answeredAt\n    }\n  }\n": types.AnswerAbuseCaseDocument,
    "\n  fragment ApiKeyItem on ApiKey {\n    id\n    name\n    access\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": types.ApiKeyItemFragmentDoc,
    "\n  query ApiKeys($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      apiKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...ApiKeyItem\n          }\n        }\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment AuditEventItem on AuditEvent {\n    id\n    kind\n    at\n    ipAddress\n    userAgent\n    details\n    actorApiKeyPrefix\n    support\n    actor {\n      id\n      email\n    }\n    subject {\n      id\n      email\n    }\n  }\n": types.AuditEventItemFragmentDoc,
    "\n  query MyAuditEvents($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n": types.MyAuditEventsDocument,
    "\n  query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationAuditEventsDocument,
    "\n  query Viewer {\n    me {\n      id\n      email\n      name\n      emailVerified\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      passkeys(first: 1) {\n        totalCount\n      }\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organization {\n              id\n              name\n              mfaEnforced\n              mfaGraceUntil\n              mfaLevel\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        email\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.VerifyMfaDocument,
    "\n  mutation RequestMagicLink($input: RequestMagicLinkInput!) {\n    requestMagicLink(input: $input)\n  }\n": types.RequestMagicLinkDocument,
    "\n  mutation LogInWithMagicLink($input: LogInWithMagicLinkInput!) {\n    logInWithMagicLink(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n": types.LogInWithMagicLinkDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": types.ResendVerificationEmailDocument,
    "\n  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {\n    confirmEmailChange(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n": types.ConfirmEmailChangeDocument,
    "\n  mutation ConfirmContact($input: ConfirmContactInput!) {\n    confirmContact(input: $input)\n  }\n": types.ConfirmContactDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      id\n      reauthenticatedUntil\n    }\n  }\n": types.ReauthenticateDocument,
    "\n  mutation SendMfaSmsCode {\n    sendMfaSmsCode\n  }\n": types.SendMfaSmsCodeDocument,
    "\n  mutation BeginPasskeyLogIn($input: BeginPasskeyLogInInput!) {\n    beginPasskeyLogIn(input: $input) {\n      options\n      expiresAt\n    }\n  }\n": types.BeginPasskeyLogInDocument,
    "\n  mutation FinishPasskeyLogIn($input: FinishPasskeyLogInInput!) {\n    finishPasskeyLogIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.FinishPasskeyLogInDocument,
    "\n  query Contacts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      contacts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            roles\n            canLogIn\n            confirmed\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": types.ContactsDocument,
    "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n": types.AddContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n": types.UpdateContactDocument,
    "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input)\n  }\n": types.RemoveContactDocument,
    "\n  query Kyc($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      kycStatus\n    }\n  }\n": types.KycDocument,
    "\n  mutation SubmitKyc($input: SubmitKycInput!) {\n    submitKyc(input: $input) {\n      id\n      kycStatus\n    }\n  }\n": types.SubmitKycDocument,
    "\n  subscription SecurityEvents {\n    securityEvents {\n      kind\n      at\n      organizationId\n    }\n  }\n": types.SecurityEventsDocument,
    "\n  fragment OrganizationHead on Organization {\n    id\n    name\n    mfaEnforced\n    mfaGraceUntil\n    mfaLevel\n  }\n": types.OrganizationHeadFragmentDoc,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query OrganizationOverview($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      createdAt\n    }\n  }\n": types.OrganizationOverviewDocument,
    "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      id\n      name\n    }\n  }\n": types.RenameOrganizationDocument,
    "\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input)\n  }\n": types.DeleteOrganizationDocument,
    "\n  fragment MemberItem on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n      mfaEnabled\n      hasPasskey\n    }\n  }\n": types.MemberItemFragmentDoc,
    "\n  query Members($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...MemberItem\n          }\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  query Invitations($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      invitations(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  query MfaStatus($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n              mfaEnabled\n              hasPasskey\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MfaStatusDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation CancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input)\n  }\n": types.CancelInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n": types.RemoveMemberDocument,
    "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input)\n  }\n": types.LeaveOrganizationDocument,
    "\n  mutation SetMfaEnforcement($input: SetMfaEnforcementInput!) {\n    setMfaEnforcement(input: $input) {\n      id\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n    }\n  }\n": types.SetMfaEnforcementDocument,
    "\n  mutation SendMfaReminder($input: SendMfaReminderInput!) {\n    sendMfaReminder(input: $input)\n  }\n": types.SendMfaReminderDocument,
    "\n  query MyInvitations($first: Int, $after: String, $last: Int, $before: String) {\n    myInvitations(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n          expiresAt\n          organization {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MyInvitationsDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Profile {\n    me {\n      id\n      name\n      email\n      emailVerified\n      phoneNumber\n      loginNotifications\n      createdAt\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input)\n  }\n": types.ChangeEmailDocument,
    "\n  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {\n    setPhoneNumber(input: $input)\n  }\n": types.SetPhoneNumberDocument,
    "\n  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {\n    verifyPhoneNumber(input: $input) {\n      id\n      phoneNumber\n    }\n  }\n": types.VerifyPhoneNumberDocument,
    "\n  mutation RemovePhoneNumber {\n    removePhoneNumber {\n      id\n      phoneNumber\n      mfaEnabled\n      mfaMethod\n    }\n  }\n": types.RemovePhoneNumberDocument,
    "\n  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {\n    setLoginNotifications(input: $input) {\n      id\n      loginNotifications\n    }\n  }\n": types.SetLoginNotificationsDocument,
    "\n  mutation ExportMyData {\n    exportMyData\n  }\n": types.ExportMyDataDocument,
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input)\n  }\n": types.DeleteAccountDocument,
    "\n  query Quotas($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      quotas {\n        product\n        resource\n        limit\n        used\n      }\n    }\n  }\n": types.QuotasDocument,
    "\n  query Security {\n    me {\n      id\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...PasskeyItem\n          }\n        }\n      }\n    }\n  }\n": types.SecurityDocument,
    "\n  fragment PasskeyItem on Passkey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    deviceType\n    backedUp\n    cloneSuspectedAt\n  }\n": types.PasskeyItemFragmentDoc,
    "\n  mutation BeginPasskeyRegistration {\n    beginPasskeyRegistration {\n      options\n      expiresAt\n    }\n  }\n": types.BeginPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n": types.FinishPasskeyRegistrationDocument,
    "\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n": types.RenamePasskeyDocument,
    "\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      id\n      mfaEnabled\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n      }\n    }\n  }\n": types.RemovePasskeyDocument,
    "\n  mutation BeginMfaEnrollment {\n    beginMfaEnrollment {\n      secret\n      otpauthUri\n      qrCodeDataUri\n    }\n  }\n": types.BeginMfaEnrollmentDocument,
    "\n  mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n    confirmMfaEnrollment(input: $input) {\n      codes\n    }\n  }\n": types.ConfirmMfaEnrollmentDocument,
    "\n  mutation EnableSmsMfa {\n    enableSmsMfa {\n      codes\n    }\n  }\n": types.EnableSmsMfaDocument,
    "\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n    }\n  }\n": types.RegenerateBackupCodesDocument,
    "\n  mutation DisableMfa($input: DisableMfaInput!) {\n    disableMfa(input: $input) {\n      id\n      mfaEnabled\n      mfaMethod\n      backupCodesRemaining\n    }\n  }\n": types.DisableMfaDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  fragment SessionItem on Session {\n    id\n    createdAt\n    expiresAt\n    lastSeenAt\n    ipAddress\n    userAgent\n    current\n    support\n  }\n": types.SessionItemFragmentDoc,
    "\n  query Sessions($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sessions(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...SessionItem\n          }\n        }\n      }\n    }\n  }\n": types.SessionsDocument,
    "\n  query LoginAttempts($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      loginAttempts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            at\n            ipAddress\n            userAgent\n            succeeded\n            method\n            secondFactor\n          }\n        }\n      }\n    }\n  }\n": types.LoginAttemptsDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input)\n  }\n": types.RevokeSessionDocument,
    "\n  query SshKeys($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sshKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            keyType\n            bits\n            fingerprint\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": types.SshKeysDocument,
    "\n  mutation AddSshKey($input: AddSshKeyInput!) {\n    addSshKey(input: $input) {\n      id\n      fingerprint\n    }\n  }\n": types.AddSshKeyDocument,
    "\n  mutation DeleteSshKey($input: DeleteSshKeyInput!) {\n    deleteSshKey(input: $input)\n  }\n": types.DeleteSshKeyDocument,
    "\n  query Support($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      supportPlan\n      supportResponseMinutes\n      supportGrants(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            reason\n            createdAt\n            expiresAt\n            revokedAt\n            active\n          }\n        }\n      }\n    }\n  }\n": types.SupportDocument,
    "\n  mutation GrantSupportAccess($input: GrantSupportAccessInput!) {\n    grantSupportAccess(input: $input) {\n      id\n      active\n      expiresAt\n    }\n  }\n": types.GrantSupportAccessDocument,
    "\n  mutation RevokeSupportAccess($input: RevokeSupportAccessInput!) {\n    revokeSupportAccess(input: $input) {\n      id\n      active\n      revokedAt\n    }\n  }\n": types.RevokeSupportAccessDocument,
    "\n  mutation ChangeSupportPlan($input: ChangeSupportPlanInput!) {\n    changeSupportPlan(input: $input) {\n      id\n      supportPlan\n      supportResponseMinutes\n    }\n  }\n": types.ChangeSupportPlanDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input)\n  }\n"): (typeof documents)["\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AbuseCases($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      abuseCases(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            resourceKind\n            resourceId\n            reason\n            createdAt\n            answer\n            answeredAt\n            resolvedAt\n            resolution\n            # The first two reports only: a page size given by a variable is costed at\n            # the largest page (100), so a nested list multiplies fast (QUERY_TOO_COMPLEX).\n            reports(first: 2) {\n              totalCount\n              edges {\n                node {\n                  details\n                  createdAt\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AbuseCases($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      abuseCases(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            resourceKind\n            resourceId\n            reason\n            createdAt\n            answer\n            answeredAt\n            resolvedAt\n            resolution\n            # The first two reports only: a page size given by a variable is costed at\n            # the largest page (100), so a nested list multiplies fast (QUERY_TOO_COMPLEX).\n            reports(first: 2) {\n              totalCount\n              edges {\n                node {\n                  details\n                  createdAt\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerAbuseCase($input: AnswerAbuseCaseInput!) {\n    answerAbuseCase(input: $input) {\n      id\n      answer\n      answeredAt\n    }\n  }\n"): (typeof documents)["\n  mutation AnswerAbuseCase($input: AnswerAbuseCaseInput!) {\n    answerAbuseCase(input: $input) {\n      id\n      answer\n      answeredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyItem on ApiKey {\n    id\n    name\n    access\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyItem on ApiKey {\n    id\n    name\n    access\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      apiKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...ApiKeyItem\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      apiKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...ApiKeyItem\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventItem on AuditEvent {\n    id\n    kind\n    at\n    ipAddress\n    userAgent\n    details\n    actorApiKeyPrefix\n    support\n    actor {\n      id\n      email\n    }\n    subject {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AuditEventItem on AuditEvent {\n    id\n    kind\n    at\n    ipAddress\n    userAgent\n    details\n    actorApiKeyPrefix\n    support\n    actor {\n      id\n      email\n    }\n    subject {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAuditEvents($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAuditEvents($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      auditEvents(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEventItem\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      email\n      name\n      emailVerified\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      passkeys(first: 1) {\n        totalCount\n      }\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organization {\n              id\n              name\n              mfaEnforced\n              mfaGraceUntil\n              mfaLevel\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      email\n      name\n      emailVerified\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      passkeys(first: 1) {\n        totalCount\n      }\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organization {\n              id\n              name\n              mfaEnforced\n              mfaGraceUntil\n              mfaLevel\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMagicLink($input: RequestMagicLinkInput!) {\n    requestMagicLink(input: $input)\n  }\n"): (typeof documents)["\n  mutation RequestMagicLink($input: RequestMagicLinkInput!) {\n    requestMagicLink(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInWithMagicLink($input: LogInWithMagicLinkInput!) {\n    logInWithMagicLink(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogInWithMagicLink($input: LogInWithMagicLinkInput!) {\n    logInWithMagicLink(input: $input) {\n      __typename\n      ... on AuthSession {\n        user {\n          id\n        }\n      }\n      ... on MfaChallenge {\n        challenge\n        expiresAt\n        methods\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"): (typeof documents)["\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {\n    confirmEmailChange(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {\n    confirmEmailChange(input: $input) {\n      id\n      email\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmContact($input: ConfirmContactInput!) {\n    confirmContact(input: $input)\n  }\n"): (typeof documents)["\n  mutation ConfirmContact($input: ConfirmContactInput!) {\n    confirmContact(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      id\n      reauthenticatedUntil\n    }\n  }\n"): (typeof documents)["\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      id\n      reauthenticatedUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMfaSmsCode {\n    sendMfaSmsCode\n  }\n"): (typeof documents)["\n  mutation SendMfaSmsCode {\n    sendMfaSmsCode\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginPasskeyLogIn($input: BeginPasskeyLogInInput!) {\n    beginPasskeyLogIn(input: $input) {\n      options\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation BeginPasskeyLogIn($input: BeginPasskeyLogInInput!) {\n    beginPasskeyLogIn(input: $input) {\n      options\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyLogIn($input: FinishPasskeyLogInInput!) {\n    finishPasskeyLogIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeyLogIn($input: FinishPasskeyLogInInput!) {\n    finishPasskeyLogIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contacts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      contacts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            roles\n            canLogIn\n            confirmed\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contacts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      contacts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            roles\n            canLogIn\n            confirmed\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n"): (typeof documents)["\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      email\n      roles\n      confirmed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input)\n  }\n"): (typeof documents)["\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Kyc($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      kycStatus\n    }\n  }\n"): (typeof documents)["\n  query Kyc($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      kycStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitKyc($input: SubmitKycInput!) {\n    submitKyc(input: $input) {\n      id\n      kycStatus\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitKyc($input: SubmitKycInput!) {\n    submitKyc(input: $input) {\n      id\n      kycStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SecurityEvents {\n    securityEvents {\n      kind\n      at\n      organizationId\n    }\n  }\n"): (typeof documents)["\n  subscription SecurityEvents {\n    securityEvents {\n      kind\n      at\n      organizationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationHead on Organization {\n    id\n    name\n    mfaEnforced\n    mfaGraceUntil\n    mfaLevel\n  }\n"): (typeof documents)["\n  fragment OrganizationHead on Organization {\n    id\n    name\n    mfaEnforced\n    mfaGraceUntil\n    mfaLevel\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationOverview($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query OrganizationOverview($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input)\n  }\n"): (typeof documents)["\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberItem on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n      mfaEnabled\n      hasPasskey\n    }\n  }\n"): (typeof documents)["\n  fragment MemberItem on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n      mfaEnabled\n      hasPasskey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...MemberItem\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...MemberItem\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      invitations(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      invitations(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MfaStatus($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n              mfaEnabled\n              hasPasskey\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MfaStatus($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n              mfaEnabled\n              hasPasskey\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input)\n  }\n"): (typeof documents)["\n  mutation CancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input)\n  }\n"): (typeof documents)["\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMfaEnforcement($input: SetMfaEnforcementInput!) {\n    setMfaEnforcement(input: $input) {\n      id\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n    }\n  }\n"): (typeof documents)["\n  mutation SetMfaEnforcement($input: SetMfaEnforcementInput!) {\n    setMfaEnforcement(input: $input) {\n      id\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMfaReminder($input: SendMfaReminderInput!) {\n    sendMfaReminder(input: $input)\n  }\n"): (typeof documents)["\n  mutation SendMfaReminder($input: SendMfaReminderInput!) {\n    sendMfaReminder(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations($first: Int, $after: String, $last: Int, $before: String) {\n    myInvitations(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n          expiresAt\n          organization {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyInvitations($first: Int, $after: String, $last: Int, $before: String) {\n    myInvitations(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n          expiresAt\n          organization {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      name\n      email\n      emailVerified\n      phoneNumber\n      loginNotifications\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      id\n      name\n      email\n      emailVerified\n      phoneNumber\n      loginNotifications\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {\n    setPhoneNumber(input: $input)\n  }\n"): (typeof documents)["\n  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {\n    setPhoneNumber(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {\n    verifyPhoneNumber(input: $input) {\n      id\n      phoneNumber\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {\n    verifyPhoneNumber(input: $input) {\n      id\n      phoneNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePhoneNumber {\n    removePhoneNumber {\n      id\n      phoneNumber\n      mfaEnabled\n      mfaMethod\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePhoneNumber {\n    removePhoneNumber {\n      id\n      phoneNumber\n      mfaEnabled\n      mfaMethod\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {\n    setLoginNotifications(input: $input) {\n      id\n      loginNotifications\n    }\n  }\n"): (typeof documents)["\n  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {\n    setLoginNotifications(input: $input) {\n      id\n      loginNotifications\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportMyData {\n    exportMyData\n  }\n"): (typeof documents)["\n  mutation ExportMyData {\n    exportMyData\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input)\n  }\n"): (typeof documents)["\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quotas($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      quotas {\n        product\n        resource\n        limit\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query Quotas($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      quotas {\n        product\n        resource\n        limit\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Security {\n    me {\n      id\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...PasskeyItem\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Security {\n    me {\n      id\n      mfaEnabled\n      mfaMethod\n      phoneNumber\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...PasskeyItem\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PasskeyItem on Passkey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    deviceType\n    backedUp\n    cloneSuspectedAt\n  }\n"): (typeof documents)["\n  fragment PasskeyItem on Passkey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    deviceType\n    backedUp\n    cloneSuspectedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginPasskeyRegistration {\n    beginPasskeyRegistration {\n      options\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation BeginPasskeyRegistration {\n    beginPasskeyRegistration {\n      options\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n"): (typeof documents)["\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      id\n      ...PasskeyItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      id\n      mfaEnabled\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      id\n      mfaEnabled\n      backupCodesRemaining\n      passkeys(first: 100) {\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginMfaEnrollment {\n    beginMfaEnrollment {\n      secret\n      otpauthUri\n      qrCodeDataUri\n    }\n  }\n"): (typeof documents)["\n  mutation BeginMfaEnrollment {\n    beginMfaEnrollment {\n      secret\n      otpauthUri\n      qrCodeDataUri\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n    confirmMfaEnrollment(input: $input) {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n    confirmMfaEnrollment(input: $input) {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableSmsMfa {\n    enableSmsMfa {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation EnableSmsMfa {\n    enableSmsMfa {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableMfa($input: DisableMfaInput!) {\n    disableMfa(input: $input) {\n      id\n      mfaEnabled\n      mfaMethod\n      backupCodesRemaining\n    }\n  }\n"): (typeof documents)["\n  mutation DisableMfa($input: DisableMfaInput!) {\n    disableMfa(input: $input) {\n      id\n      mfaEnabled\n      mfaMethod\n      backupCodesRemaining\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionItem on Session {\n    id\n    createdAt\n    expiresAt\n    lastSeenAt\n    ipAddress\n    userAgent\n    current\n    support\n  }\n"): (typeof documents)["\n  fragment SessionItem on Session {\n    id\n    createdAt\n    expiresAt\n    lastSeenAt\n    ipAddress\n    userAgent\n    current\n    support\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sessions(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...SessionItem\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Sessions($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sessions(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...SessionItem\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginAttempts($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      loginAttempts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            at\n            ipAddress\n            userAgent\n            succeeded\n            method\n            secondFactor\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoginAttempts($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      loginAttempts(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            at\n            ipAddress\n            userAgent\n            succeeded\n            method\n            secondFactor\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SshKeys($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sshKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            keyType\n            bits\n            fingerprint\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SshKeys($first: Int, $after: String, $last: Int, $before: String) {\n    me {\n      id\n      sshKeys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            keyType\n            bits\n            fingerprint\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSshKey($input: AddSshKeyInput!) {\n    addSshKey(input: $input) {\n      id\n      fingerprint\n    }\n  }\n"): (typeof documents)["\n  mutation AddSshKey($input: AddSshKeyInput!) {\n    addSshKey(input: $input) {\n      id\n      fingerprint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSshKey($input: DeleteSshKeyInput!) {\n    deleteSshKey(input: $input)\n  }\n"): (typeof documents)["\n  mutation DeleteSshKey($input: DeleteSshKeyInput!) {\n    deleteSshKey(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Support($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      supportPlan\n      supportResponseMinutes\n      supportGrants(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            reason\n            createdAt\n            expiresAt\n            revokedAt\n            active\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Support($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    organization(id: $id) {\n      id\n      name\n      mfaEnforced\n      mfaGraceUntil\n      mfaLevel\n      supportPlan\n      supportResponseMinutes\n      supportGrants(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            reason\n            createdAt\n            expiresAt\n            revokedAt\n            active\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantSupportAccess($input: GrantSupportAccessInput!) {\n    grantSupportAccess(input: $input) {\n      id\n      active\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation GrantSupportAccess($input: GrantSupportAccessInput!) {\n    grantSupportAccess(input: $input) {\n      id\n      active\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSupportAccess($input: RevokeSupportAccessInput!) {\n    revokeSupportAccess(input: $input) {\n      id\n      active\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeSupportAccess($input: RevokeSupportAccessInput!) {\n    revokeSupportAccess(input: $input) {\n      id\n      active\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeSupportPlan($input: ChangeSupportPlanInput!) {\n    changeSupportPlan(input: $input) {\n      id\n      supportPlan\n      supportResponseMinutes\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeSupportPlan($input: ChangeSupportPlanInput!) {\n    changeSupportPlan(input: $input) {\n      id\n      supportPlan\n      supportResponseMinutes\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;