import { graphql } from "../gql";

// Every list is a Relay connection; the pager reads this much of its PageInfo.
export const PageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);
