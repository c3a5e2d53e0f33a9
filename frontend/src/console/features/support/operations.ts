import { graphql } from "../../gql";

export const SupportQuery = graphql(`
  query Support($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      supportPlan
      supportResponseMinutes
      supportGrants(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            reason
            createdAt
            expiresAt
            revokedAt
            active
          }
        }
      }
    }
  }
`);

export const GrantSupportAccessMutation = graphql(`
  mutation GrantSupportAccess($input: GrantSupportAccessInput!) {
    grantSupportAccess(input: $input) {
      id
      active
      expiresAt
    }
  }
`);

export const RevokeSupportAccessMutation = graphql(`
  mutation RevokeSupportAccess($input: RevokeSupportAccessInput!) {
    revokeSupportAccess(input: $input) {
      id
      active
      revokedAt
    }
  }
`);

export const ChangeSupportPlanMutation = graphql(`
  mutation ChangeSupportPlan($input: ChangeSupportPlanInput!) {
    changeSupportPlan(input: $input) {
      id
      supportPlan
      supportResponseMinutes
    }
  }
`);
