import { graphql } from "../../gql";

export const ViewerQuery = graphql(`
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
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        email
      }
    }
  }
`);

export const LogInMutation = graphql(`
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
`);

export const VerifyMfaMutation = graphql(`
  mutation VerifyMfa($input: VerifyMfaInput!) {
    verifyMfa(input: $input) {
      user {
        id
      }
    }
  }
`);

export const RequestMagicLinkMutation = graphql(`
  mutation RequestMagicLink($input: RequestMagicLinkInput!) {
    requestMagicLink(input: $input)
  }
`);

export const LogInWithMagicLinkMutation = graphql(`
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
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      id
      email
      emailVerified
    }
  }
`);

export const ResendVerificationEmailMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

export const ConfirmEmailChangeMutation = graphql(`
  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
    confirmEmailChange(input: $input) {
      id
      email
      emailVerified
    }
  }
`);

export const ConfirmContactMutation = graphql(`
  mutation ConfirmContact($input: ConfirmContactInput!) {
    confirmContact(input: $input)
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

export const ReauthenticateMutation = graphql(`
  mutation Reauthenticate($input: ReauthenticateInput!) {
    reauthenticate(input: $input) {
      id
      reauthenticatedUntil
    }
  }
`);

export const SendMfaSmsCodeMutation = graphql(`
  mutation SendMfaSmsCode {
    sendMfaSmsCode
  }
`);

export const BeginPasskeyLogInMutation = graphql(`
  mutation BeginPasskeyLogIn($input: BeginPasskeyLogInInput!) {
    beginPasskeyLogIn(input: $input) {
      options
      expiresAt
    }
  }
`);

export const FinishPasskeyLogInMutation = graphql(`
  mutation FinishPasskeyLogIn($input: FinishPasskeyLogInInput!) {
    finishPasskeyLogIn(input: $input) {
      user {
        id
      }
    }
  }
`);
