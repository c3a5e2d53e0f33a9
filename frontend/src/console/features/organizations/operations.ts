import { graphql } from "../../gql";

// What a member blocked by MFA enforcement may still read of an organization.
export const OrganizationHeadFragment = graphql(`
  fragment OrganizationHead on Organization {
    id
    name
    mfaEnforced
    mfaGraceUntil
    mfaLevel
  }
`);

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
    }
  }
`);

export const OrganizationOverviewQuery = graphql(`
  query OrganizationOverview($id: ID!) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      createdAt
    }
  }
`);

export const RenameOrganizationMutation = graphql(`
  mutation RenameOrganization($input: RenameOrganizationInput!) {
    renameOrganization(input: $input) {
      id
      name
    }
  }
`);

export const DeleteOrganizationMutation = graphql(`
  mutation DeleteOrganization($input: DeleteOrganizationInput!) {
    deleteOrganization(input: $input)
  }
`);

export const MemberItemFragment = graphql(`
  fragment MemberItem on Membership {
    id
    role
    createdAt
    user {
      id
      name
      email
      mfaEnabled
      hasPasskey
    }
  }
`);

export const MembersQuery = graphql(`
  query Members($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      members(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...MemberItem
          }
        }
      }
    }
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      invitations(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            email
            role
            createdAt
            expiresAt
          }
        }
      }
    }
  }
`);

export const MfaStatusQuery = graphql(`
  query MfaStatus($id: ID!) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      members(first: 100) {
        totalCount
        edges {
          node {
            id
            user {
              id
              name
              email
              mfaEnabled
              hasPasskey
            }
          }
        }
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
      expiresAt
    }
  }
`);

export const CancelInvitationMutation = graphql(`
  mutation CancelInvitation($input: CancelInvitationInput!) {
    cancelInvitation(input: $input)
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      id
      role
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`);

export const LeaveOrganizationMutation = graphql(`
  mutation LeaveOrganization($input: LeaveOrganizationInput!) {
    leaveOrganization(input: $input)
  }
`);

export const SetMfaEnforcementMutation = graphql(`
  mutation SetMfaEnforcement($input: SetMfaEnforcementInput!) {
    setMfaEnforcement(input: $input) {
      id
      mfaEnforced
      mfaGraceUntil
      mfaLevel
    }
  }
`);

export const SendMfaReminderMutation = graphql(`
  mutation SendMfaReminder($input: SendMfaReminderInput!) {
    sendMfaReminder(input: $input)
  }
`);

export const MyInvitationsQuery = graphql(`
  query MyInvitations($first: Int, $after: String, $last: Int, $before: String) {
    myInvitations(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          email
          role
          expiresAt
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      id
      role
      organization {
        id
        name
      }
    }
  }
`);
