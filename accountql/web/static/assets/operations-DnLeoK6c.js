import{t as e}from"./gql-S9mNE-Oe.js";var t=e(`
  mutation ReportAbuse($input: ReportAbuseInput!) {
    reportAbuse(input: $input)
  }
`),n=e(`
  query AbuseCases($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      abuseCases(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            resourceKind
            resourceId
            reason
            createdAt
            answer
            answeredAt
            resolvedAt
            resolution
            # The first two reports only: a page size given by a variable is costed at
            # the largest page (100), so a nested list multiplies fast (QUERY_TOO_COMPLEX).
            reports(first: 2) {
              totalCount
              edges {
                node {
                  details
                  createdAt
                }
              }
            }
          }
        }
      }
    }
  }
`),r=e(`
  mutation AnswerAbuseCase($input: AnswerAbuseCaseInput!) {
    answerAbuseCase(input: $input) {
      id
      answer
      answeredAt
    }
  }
`);export{r as n,t as r,n as t};