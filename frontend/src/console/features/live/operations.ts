import { graphql } from "../../gql";

export const SecurityEventsSubscription = graphql(`
  subscription SecurityEvents {
    securityEvents {
      kind
      at
      organizationId
    }
  }
`);
