import { graphql } from "../../gql";

export const ContactsQuery = graphql(`
  query Contacts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      contacts(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            email
            roles
            canLogIn
            confirmed
            createdAt
          }
        }
      }
    }
  }
`);

export const AddContactMutation = graphql(`
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      id
      email
      roles
      confirmed
    }
  }
`);

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      id
      email
      roles
      confirmed
    }
  }
`);

export const RemoveContactMutation = graphql(`
  mutation RemoveContact($input: RemoveContactInput!) {
    removeContact(input: $input)
  }
`);
