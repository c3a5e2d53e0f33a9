import { graphql } from "../../gql";

export const AuditEventItemFragment = graphql(`
  fragment AuditEventItem on AuditEvent {
    id
    kind
    at
    ipAddress
    userAgent
    details
    actorApiKeyPrefix
    support
    actor {
      id
      email
    }
    subject {
      id
      email
    }
  }
`);

export const MyAuditEventsQuery = graphql(`
  query MyAuditEvents($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      auditEvents(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...AuditEventItem
          }
        }
      }
    }
  }
`);

export const OrganizationAuditEventsQuery = graphql(`
  query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      auditEvents(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...AuditEventItem
          }
        }
      }
    }
  }
`);
