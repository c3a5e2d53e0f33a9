// A typed walk through the AccountQL API with nothing but fetch and the documents that
// GraphQL Code Generator made from ../operations: tsc checks every variable sent and every
// field read here against schema.graphql, so a renamed field or a wrong input fails
// `npm run check`. Against a running server (sign-up, an organization, an API key used and
// revoked, a second login, a session ended, log-out):
//
//     npm run example -- http://127.0.0.1:8000/graphql
//
// It prints one JSON line of what it saw, and exits non-zero on the first surprise.

import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

import {
  CreateApiKeyDocument,
  CreateOrganizationDocument,
  LogInDocument,
  LogOutDocument,
  MeDocument,
  OrganizationMembersDocument,
  RevokeApiKeyDocument,
  RevokeSessionDocument,
  SignUpDocument,
  VerifyMfaDocument,
  type CreateApiKeyInput,
  type LogInMutation,
  type MeQuery,
  type RevokeSessionInput,
  type Role,
  type SignedInFragment,
} from "./src/gql/graphql.js";

/** An error the API answered, with its extensions.code (UNAUTHENTICATED, FORBIDDEN, …). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

type GraphQLResponse<TResult> = {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** POST one operation as JSON; its data, typed by the document, or the first error thrown. */
export async function request<TResult, TVariables>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TResult> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as GraphQLResponse<TResult>;
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.extensions?.code ?? "NO_CODE", error.message);
  if (!body.data) throw new Error(`HTTP ${response.status} from ${url} had neither data nor errors: is it AccountQL's /graphql?`);
  return body.data;
}

/** A session's token: null only when it was asked for as an HttpOnly cookie. */
function bearer(session: SignedInFragment): string {
  if (session.token === null) {
    throw new Error("the session came as a cookie (sessionCookie: true): leave sessionCookie out to get a token");
  }
  return session.token;
}

/** Log in; with MFA on, finish with a code from `secondFactor` (an app's code or a backup code). */
export async function logIn(
  url: string,
  email: string,
  password: string,
  secondFactor: () => string | Promise<string>,
): Promise<SignedInFragment> {
  const { logIn: answer } = await request(url, LogInDocument, { input: { email, password } });
  // LogInResult is a union: only after narrowing on __typename does `challenge` exist.
  if (answer.__typename === "MfaChallenge") {
    const code = await secondFactor();
    return (await request(url, VerifyMfaDocument, { input: { challenge: answer.challenge, code } })).verifyMfa;
  }
  return answer;
}

/** Throws unless `attempt` fails with this code. */
async function refused(code: string, attempt: () => Promise<unknown>): Promise<string> {
  try {
    await attempt();
  } catch (error) {
    if (error instanceof ApiError && error.code === code) return code;
    throw error;
  }
  throw new Error(`expected ${code}, but the request succeeded`);
}

async function walk(url: string): Promise<Record<string, unknown>> {
  const email = `ts-${Date.now()}@example.com`;
  const password = "a typed passphrase for ts";
  const signedUp = (await request(url, SignUpDocument, { input: { email, password, name: "Type Script" } })).signUp;
  const first = bearer(signedUp);

  const organization = (await request(url, CreateOrganizationDocument, { input: { name: "Typed" } }, first))
    .createOrganization;
  const key: CreateApiKeyInput = {
    organizationId: organization.id,
    name: "ci",
    access: "READ_ONLY",
    // DateTime is RFC 3339 text (strictScalars maps it to string).
    expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
  };
  const created = (await request(url, CreateApiKeyDocument, { input: key }, first)).createApiKey;
  // `members` is nullable in the schema (it is behind @hasRole), so the types make us ask.
  const members = (await request(url, OrganizationMembersDocument, { id: organization.id }, created.secret))
    .organization.members;
  const memberRoles: Role[] = members?.edges.map((edge) => edge.node.role) ?? [];
  const revoked = (await request(url, RevokeApiKeyDocument, { input: { id: created.apiKey.id } }, first)).revokeApiKey;
  const revokedKey = await refused("UNAUTHENTICATED", () =>
    request(url, OrganizationMembersDocument, { id: organization.id }, created.secret),
  );

  const second = bearer(
    await logIn(url, email, password, () => {
      throw new Error("logIn asked for a second factor, but this new account has no MFA");
    }),
  );
  const { me }: MeQuery = await request(url, MeDocument, {}, second);
  const other = me.sessions.edges.find((edge) => !edge.node.current);
  if (!other) throw new Error(`expected the sign-up's session beside this one, got ${JSON.stringify(me.sessions)}`);
  await request(url, RevokeSessionDocument, { input: { id: other.node.id } }, second);
  const revokedSession = await refused("UNAUTHENTICATED", () => request(url, MeDocument, {}, first));
  const loggedOut = (await request(url, LogOutDocument, {}, second)).logOut;
  const afterLogOut = await refused("UNAUTHENTICATED", () => request(url, MeDocument, {}, second));

  return {
    email: me.email,
    organization: organization.name,
    memberRoles,
    keyPrefix: created.apiKey.prefix,
    keyRevoked: revoked.revokedAt !== null,
    revokedKey,
    sessionsBeforeRevoke: me.sessions.totalCount,
    revokedSession,
    loggedOut,
    afterLogOut,
  };
}

/**
 * Never called: each line below must be a type error, and `@ts-expect-error` makes tsc fail
 * when one is not, so this proves that the generated types are precise, not `any`.
 */
export function typeErrors(login: LogInMutation, me: MeQuery): void {
  // @ts-expect-error: only an MfaChallenge has a challenge; narrow on __typename first.
  void login.logIn.challenge;
  // @ts-expect-error: the Me operation selects no `password` (nor does the schema have one).
  void me.me.password;
  // @ts-expect-error: sessions is a connection: its items are under edges[].node.
  void me.me.sessions[0];
  // @ts-expect-error: a Role is OWNER or MANAGER.
  const role: Role = "ADMIN";
  void role;
  // @ts-expect-error: createApiKey needs the organization it acts for.
  const key: CreateApiKeyInput = { name: "ci" };
  void key;
  // @ts-expect-error: ids are UUID strings (codegen.ts maps ID so); the server refuses numbers.
  const session: RevokeSessionInput = { id: 42 };
  void session;
  // @ts-expect-error: DateTime travels as RFC 3339 text (strictScalars), not as a Date.
  const expiring: CreateApiKeyInput = { organizationId: "1", name: "ci", expiresAt: new Date() };
  void expiring;
}

const url = process.argv[2];
if (!url) {
  console.error("usage: npm run example -- http://127.0.0.1:8000/graphql (a running accountql serve)");
  process.exit(2);
}
console.log(JSON.stringify(await walk(url)));
