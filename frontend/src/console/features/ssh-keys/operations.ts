import { graphql } from "../../gql";

export const SshKeysQuery = graphql(`
  query SshKeys($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      sshKeys(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            name
            keyType
            bits
            fingerprint
            createdAt
          }
        }
      }
    }
  }
`);

export const AddSshKeyMutation = graphql(`
  mutation AddSshKey($input: AddSshKeyInput!) {
    addSshKey(input: $input) {
      id
      fingerprint
    }
  }
`);

export const DeleteSshKeyMutation = graphql(`
  mutation DeleteSshKey($input: DeleteSshKeyInput!) {
    deleteSshKey(input: $input)
  }
`);
