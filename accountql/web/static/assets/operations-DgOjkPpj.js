import{t as e}from"./gql-S9mNE-Oe.js";var t=e(`
  query Viewer {
    me {
      id
      email
      name
      emailVerified
      mfaEnabled
      mfaMethod
      phoneNumber
      passkeys(first: 1) {
        totalCount
      }
      memberships(first: 100) {
        edges {
          node {
            id
            role
            organization {
              id
              name
              mfaEnforced
              mfaGraceUntil
              mfaLevel
            }
          }
        }
      }
    }
  }
`),n=e(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        email
      }
    }
  }
`),r=e(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ... on AuthSession {
        user {
          id
        }
      }
      ... on MfaChallenge {
        challenge
        expiresAt
        methods
      }
    }
  }
`),i=e(`
  mutation VerifyMfa($input: VerifyMfaInput!) {
    verifyMfa(input: $input) {
      user {
        id
      }
    }
  }
`),a=e(`
  mutation RequestMagicLink($input: RequestMagicLinkInput!) {
    requestMagicLink(input: $input)
  }
`),o=e(`
  mutation LogInWithMagicLink($input: LogInWithMagicLinkInput!) {
    logInWithMagicLink(input: $input) {
      __typename
      ... on AuthSession {
        user {
          id
        }
      }
      ... on MfaChallenge {
        challenge
        expiresAt
        methods
      }
    }
  }
`),s=e(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`),c=e(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`),l=e(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      id
      email
      emailVerified
    }
  }
`),u=e(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`),d=e(`
  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
    confirmEmailChange(input: $input) {
      id
      email
      emailVerified
    }
  }
`),f=e(`
  mutation ConfirmContact($input: ConfirmContactInput!) {
    confirmContact(input: $input)
  }
`),p=e(`
  mutation LogOut {
    logOut
  }
`),m=e(`
  mutation Reauthenticate($input: ReauthenticateInput!) {
    reauthenticate(input: $input) {
      id
      reauthenticatedUntil
    }
  }
`),h=e(`
  mutation SendMfaSmsCode {
    sendMfaSmsCode
  }
`),g=e(`
  mutation BeginPasskeyLogIn($input: BeginPasskeyLogInInput!) {
    beginPasskeyLogIn(input: $input) {
      options
      expiresAt
    }
  }
`),_=e(`
  mutation FinishPasskeyLogIn($input: FinishPasskeyLogInInput!) {
    finishPasskeyLogIn(input: $input) {
      user {
        id
      }
    }
  }
`);export{t as _,r as a,m as c,u as d,c as f,i as g,l as h,_ as i,a as l,n as m,f as n,o,h as p,d as r,p as s,g as t,s as u};