import{t as e}from"./gql-S9mNE-Oe.js";e(`
  fragment OrganizationHead on Organization {
    id
    name
    mfaEnforced
    mfaGraceUntil
    mfaLevel
  }
`);var t=e(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
    }
  }
`),n=e(`
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
`),r=e(`
  mutation RenameOrganization($input: RenameOrganizationInput!) {
    renameOrganization(input: $input) {
      id
      name
    }
  }
`),i=e(`
  mutation DeleteOrganization($input: DeleteOrganizationInput!) {
    deleteOrganization(input: $input)
  }
`),a=e(`
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
`),o=e(`
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
`),s=e(`
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
`),c=e(`
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
`),l=e(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
      expiresAt
    }
  }
`),u=e(`
  mutation CancelInvitation($input: CancelInvitationInput!) {
    cancelInvitation(input: $input)
  }
`),d=e(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      id
      role
    }
  }
`),f=e(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),p=e(`
  mutation LeaveOrganization($input: LeaveOrganizationInput!) {
    leaveOrganization(input: $input)
  }
`),m=e(`
  mutation SetMfaEnforcement($input: SetMfaEnforcementInput!) {
    setMfaEnforcement(input: $input) {
      id
      mfaEnforced
      mfaGraceUntil
      mfaLevel
    }
  }
`),h=e(`
  mutation SendMfaReminder($input: SendMfaReminderInput!) {
    sendMfaReminder(input: $input)
  }
`),g=e(`
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
`),_=e(`
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
`);export{m as _,i as a,p as c,c as d,g as f,h as g,r as h,t as i,a as l,f as m,u as n,s as o,n as p,d as r,l as s,_ as t,o as u};