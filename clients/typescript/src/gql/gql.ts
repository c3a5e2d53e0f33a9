/* eslint-disable */
import * as types from './graphql.js';
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
    "mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    id\n    role\n    createdAt\n    organization {\n      id\n      name\n    }\n    user {\n      id\n      email\n    }\n  }\n}": typeof types.AcceptInvitationDocument,
    "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUri\n    qrCodeDataUri\n  }\n}": typeof types.BeginMfaEnrollmentDocument,
    "mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n  confirmMfaEnrollment(input: $input) {\n    codes\n  }\n}": typeof types.ConfirmMfaEnrollmentDocument,
    "mutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n      name\n      access\n      prefix\n      createdAt\n      expiresAt\n      revokedAt\n    }\n  }\n}": typeof types.CreateApiKeyDocument,
    "mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    mfaEnforced\n    createdAt\n  }\n}": typeof types.CreateOrganizationDocument,
    "mutation InviteMember($input: InviteMemberInput!) {\n  inviteMember(input: $input) {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    organization {\n      id\n      name\n    }\n  }\n}": typeof types.InviteMemberDocument,
    "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SignedIn\n    }\n    ... on MfaChallenge {\n      challenge\n      expiresAt\n    }\n  }\n}": typeof types.LogInDocument,
    "mutation LogOut {\n  logOut\n}": typeof types.LogOutDocument,
    "query Me($first: Int = 20, $after: String) {\n  me {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n    mfaMethod\n    backupCodesRemaining\n    sessions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          current\n          createdAt\n          expiresAt\n          lastSeenAt\n          ipAddress\n          userAgent\n          reauthenticatedUntil\n        }\n      }\n    }\n  }\n}": typeof types.MeDocument,
    "query MyInvitations($first: Int = 20, $after: String) {\n  myInvitations(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        role\n        expiresAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.MyInvitationsDocument,
    "query OrganizationMembers($id: ID!, $first: Int = 20, $after: String) {\n  organization(id: $id) {\n    id\n    name\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            email\n            name\n            mfaEnabled\n          }\n        }\n      }\n    }\n  }\n}": typeof types.OrganizationMembersDocument,
    "mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n  revokeApiKey(input: $input) {\n    id\n    prefix\n    revokedAt\n  }\n}": typeof types.RevokeApiKeyDocument,
    "mutation RevokeSession($input: RevokeSessionInput!) {\n  revokeSession(input: $input)\n}": typeof types.RevokeSessionDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SignedIn\n  }\n}": typeof types.SignUpDocument,
    "fragment SignedIn on AuthSession {\n  token\n  session {\n    id\n    expiresAt\n    reauthenticatedUntil\n  }\n  user {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n  }\n}": typeof types.SignedInFragmentDoc,
    "mutation VerifyEmail($input: VerifyEmailInput!) {\n  verifyEmail(input: $input) {\n    id\n    email\n    emailVerified\n  }\n}": typeof types.VerifyEmailDocument,
    "mutation VerifyMfa($input: VerifyMfaInput!) {\n  verifyMfa(input: $input) {\n    ...SignedIn\n  }\n}": typeof types.VerifyMfaDocument,
};
const documents: Documents = {
    "mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    id\n    role\n    createdAt\n    organization {\n      id\n      name\n    }\n    user {\n      id\n      email\n    }\n  }\n}": types.AcceptInvitationDocument,
    "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUri\n    qrCodeDataUri\n  }\n}": types.BeginMfaEnrollmentDocument,
    "mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n  confirmMfaEnrollment(input: $input) {\n    codes\n  }\n}": types.ConfirmMfaEnrollmentDocument,
    "mutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n      name\n      access\n      prefix\n      createdAt\n      expiresAt\n      revokedAt\n    }\n  }\n}": types.CreateApiKeyDocument,
    "mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    mfaEnforced\n    createdAt\n  }\n}": types.CreateOrganizationDocument,
    "mutation InviteMember($input: InviteMemberInput!) {\n  inviteMember(input: $input) {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    organization {\n      id\n      name\n    }\n  }\n}": types.InviteMemberDocument,
    "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SignedIn\n    }\n    ... on MfaChallenge {\n      challenge\n      expiresAt\n    }\n  }\n}": types.LogInDocument,
    "mutation LogOut {\n  logOut\n}": types.LogOutDocument,
    "query Me($first: Int = 20, $after: String) {\n  me {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n    mfaMethod\n    backupCodesRemaining\n    sessions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          current\n          createdAt\n          expiresAt\n          lastSeenAt\n          ipAddress\n          userAgent\n          reauthenticatedUntil\n        }\n      }\n    }\n  }\n}": types.MeDocument,
    "query MyInvitations($first: Int = 20, $after: String) {\n  myInvitations(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        role\n        expiresAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.MyInvitationsDocument,
    "query OrganizationMembers($id: ID!, $first: Int = 20, $after: String) {\n  organization(id: $id) {\n    id\n    name\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            email\n            name\n            mfaEnabled\n          }\n        }\n      }\n    }\n  }\n}": types.OrganizationMembersDocument,
    "mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n  revokeApiKey(input: $input) {\n    id\n    prefix\n    revokedAt\n  }\n}": types.RevokeApiKeyDocument,
    "mutation RevokeSession($input: RevokeSessionInput!) {\n  revokeSession(input: $input)\n}": types.RevokeSessionDocument,
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SignedIn\n  }\n}": types.SignUpDocument,
    "fragment SignedIn on AuthSession {\n  token\n  session {\n    id\n    expiresAt\n    reauthenticatedUntil\n  }\n  user {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n  }\n}": types.SignedInFragmentDoc,
    "mutation VerifyEmail($input: VerifyEmailInput!) {\n  verifyEmail(input: $input) {\n    id\n    email\n    emailVerified\n  }\n}": types.VerifyEmailDocument,
    "mutation VerifyMfa($input: VerifyMfaInput!) {\n  verifyMfa(input: $input) {\n    ...SignedIn\n  }\n}": types.VerifyMfaDocument,
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
export function graphql(source: "mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    id\n    role\n    createdAt\n    organization {\n      id\n      name\n    }\n    user {\n      id\n      email\n    }\n  }\n}"): (typeof documents)["mutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    id\n    role\n    createdAt\n    organization {\n      id\n      name\n    }\n    user {\n      id\n      email\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUri\n    qrCodeDataUri\n  }\n}"): (typeof documents)["mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUri\n    qrCodeDataUri\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n  confirmMfaEnrollment(input: $input) {\n    codes\n  }\n}"): (typeof documents)["mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {\n  confirmMfaEnrollment(input: $input) {\n    codes\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n      name\n      access\n      prefix\n      createdAt\n      expiresAt\n      revokedAt\n    }\n  }\n}"): (typeof documents)["mutation CreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n      name\n      access\n      prefix\n      createdAt\n      expiresAt\n      revokedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    mfaEnforced\n    createdAt\n  }\n}"): (typeof documents)["mutation CreateOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    mfaEnforced\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InviteMember($input: InviteMemberInput!) {\n  inviteMember(input: $input) {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    organization {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["mutation InviteMember($input: InviteMemberInput!) {\n  inviteMember(input: $input) {\n    id\n    email\n    role\n    createdAt\n    expiresAt\n    organization {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SignedIn\n    }\n    ... on MfaChallenge {\n      challenge\n      expiresAt\n    }\n  }\n}"): (typeof documents)["mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SignedIn\n    }\n    ... on MfaChallenge {\n      challenge\n      expiresAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogOut {\n  logOut\n}"): (typeof documents)["mutation LogOut {\n  logOut\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me($first: Int = 20, $after: String) {\n  me {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n    mfaMethod\n    backupCodesRemaining\n    sessions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          current\n          createdAt\n          expiresAt\n          lastSeenAt\n          ipAddress\n          userAgent\n          reauthenticatedUntil\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Me($first: Int = 20, $after: String) {\n  me {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n    mfaMethod\n    backupCodesRemaining\n    sessions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          current\n          createdAt\n          expiresAt\n          lastSeenAt\n          ipAddress\n          userAgent\n          reauthenticatedUntil\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyInvitations($first: Int = 20, $after: String) {\n  myInvitations(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        role\n        expiresAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MyInvitations($first: Int = 20, $after: String) {\n  myInvitations(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        role\n        expiresAt\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationMembers($id: ID!, $first: Int = 20, $after: String) {\n  organization(id: $id) {\n    id\n    name\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            email\n            name\n            mfaEnabled\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query OrganizationMembers($id: ID!, $first: Int = 20, $after: String) {\n  organization(id: $id) {\n    id\n    name\n    members(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            email\n            name\n            mfaEnabled\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n  revokeApiKey(input: $input) {\n    id\n    prefix\n    revokedAt\n  }\n}"): (typeof documents)["mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n  revokeApiKey(input: $input) {\n    id\n    prefix\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeSession($input: RevokeSessionInput!) {\n  revokeSession(input: $input)\n}"): (typeof documents)["mutation RevokeSession($input: RevokeSessionInput!) {\n  revokeSession(input: $input)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SignedIn\n  }\n}"): (typeof documents)["mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SignedIn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SignedIn on AuthSession {\n  token\n  session {\n    id\n    expiresAt\n    reauthenticatedUntil\n  }\n  user {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n  }\n}"): (typeof documents)["fragment SignedIn on AuthSession {\n  token\n  session {\n    id\n    expiresAt\n    reauthenticatedUntil\n  }\n  user {\n    id\n    email\n    name\n    emailVerified\n    mfaEnabled\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyEmail($input: VerifyEmailInput!) {\n  verifyEmail(input: $input) {\n    id\n    email\n    emailVerified\n  }\n}"): (typeof documents)["mutation VerifyEmail($input: VerifyEmailInput!) {\n  verifyEmail(input: $input) {\n    id\n    email\n    emailVerified\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyMfa($input: VerifyMfaInput!) {\n  verifyMfa(input: $input) {\n    ...SignedIn\n  }\n}"): (typeof documents)["mutation VerifyMfa($input: VerifyMfaInput!) {\n  verifyMfa(input: $input) {\n    ...SignedIn\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;