import{t as e}from"./gql-DSmDaiqE.js";e(`
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
  fragment MemberItem on Membership {
    id
    role
    createdAt
    user {
      id
      name
      email
      mfaEnabled
    }
  }
`),a=e(`
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
`),o=e(`
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
`),s=e(`
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
            }
          }
        }
      }
    }
  }
`),c=e(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
      expiresAt
    }
  }
`),l=e(`
  mutation CancelInvitation($input: CancelInvitationInput!) {
    cancelInvitation(input: $input)
  }
`),u=e(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      id
      role
    }
  }
`),d=e(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),f=e(`
  mutation LeaveOrganization($input: LeaveOrganizationInput!) {
    leaveOrganization(input: $input)
  }
`),p=e(`
  mutation SetMfaEnforcement($input: SetMfaEnforcementInput!) {
    setMfaEnforcement(input: $input) {
      id
      mfaEnforced
      mfaGraceUntil
      mfaLevel
    }
  }
`),m=e(`
  mutation SendMfaReminder($input: SendMfaReminderInput!) {
    sendMfaReminder(input: $input)
  }
`),h=e(`
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
`),g=e(`
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
`);export{o as a,i as c,h as d,n as f,p as g,m as h,t as i,a as l,r as m,l as n,c as o,d as p,u as r,f as s,g as t,s as u};