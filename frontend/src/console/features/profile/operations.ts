import { graphql } from "../../gql";

export const ProfileQuery = graphql(`
  query Profile {
    me {
      id
      name
      email
      emailVerified
      phoneNumber
      loginNotifications
      createdAt
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
    }
  }
`);

export const ChangeEmailMutation = graphql(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input)
  }
`);

export const SetPhoneNumberMutation = graphql(`
  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {
    setPhoneNumber(input: $input)
  }
`);

export const VerifyPhoneNumberMutation = graphql(`
  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {
    verifyPhoneNumber(input: $input) {
      id
      phoneNumber
    }
  }
`);

export const RemovePhoneNumberMutation = graphql(`
  mutation RemovePhoneNumber {
    removePhoneNumber {
      id
      phoneNumber
      mfaEnabled
      mfaMethod
    }
  }
`);

export const SetLoginNotificationsMutation = graphql(`
  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {
    setLoginNotifications(input: $input) {
      id
      loginNotifications
    }
  }
`);

// A mutation, not a query: it is recorded (DATA_EXPORTED), rate-limited, and needs a
// recent password proof, which the re-authentication prompt gives.
export const ExportMyDataMutation = graphql(`
  mutation ExportMyData {
    exportMyData
  }
`);

export const DeleteAccountMutation = graphql(`
  mutation DeleteAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input)
  }
`);
