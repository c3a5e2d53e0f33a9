import { graphql } from "../../gql";

export const SessionItemFragment = graphql(`
  fragment SessionItem on Session {
    id
    createdAt
    expiresAt
    lastSeenAt
    ipAddress
    userAgent
    current
    support
  }
`);

export const SessionsQuery = graphql(`
  query Sessions($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      sessions(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...SessionItem
          }
        }
      }
    }
  }
`);

export const LoginAttemptsQuery = graphql(`
  query LoginAttempts($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      loginAttempts(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            at
            ipAddress
            userAgent
            succeeded
            method
            secondFactor
          }
        }
      }
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input)
  }
`);
