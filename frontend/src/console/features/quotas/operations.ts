import { graphql } from "../../gql";

export const QuotasQuery = graphql(`
  query Quotas($id: ID!) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      quotas {
        product
        resource
        limit
        used
      }
    }
  }
`);
