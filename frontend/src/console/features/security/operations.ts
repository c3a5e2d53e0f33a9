import { graphql } from "../../gql";

export const SecurityQuery = graphql(`
  query Security {
    me {
      id
      mfaEnabled
      mfaMethod
      phoneNumber
      backupCodesRemaining
      passkeys(first: 100) {
        totalCount
        edges {
          node {
            id
            ...PasskeyItem
          }
        }
      }
    }
  }
`);

export const PasskeyItemFragment = graphql(`
  fragment PasskeyItem on Passkey {
    id
    name
    createdAt
    lastUsedAt
    deviceType
    backedUp
    cloneSuspectedAt
  }
`);

export const BeginPasskeyRegistrationMutation = graphql(`
  mutation BeginPasskeyRegistration {
    beginPasskeyRegistration {
      options
      expiresAt
    }
  }
`);

export const FinishPasskeyRegistrationMutation = graphql(`
  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input) {
      id
      ...PasskeyItem
    }
  }
`);

export const RenamePasskeyMutation = graphql(`
  mutation RenamePasskey($input: RenamePasskeyInput!) {
    renamePasskey(input: $input) {
      id
      ...PasskeyItem
    }
  }
`);

export const RemovePasskeyMutation = graphql(`
  mutation RemovePasskey($input: RemovePasskeyInput!) {
    removePasskey(input: $input) {
      id
      mfaEnabled
      backupCodesRemaining
      passkeys(first: 100) {
        totalCount
      }
    }
  }
`);

export const BeginMfaEnrollmentMutation = graphql(`
  mutation BeginMfaEnrollment {
    beginMfaEnrollment {
      secret
      otpauthUri
      qrCodeDataUri
    }
  }
`);

export const ConfirmMfaEnrollmentMutation = graphql(`
  mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {
    confirmMfaEnrollment(input: $input) {
      codes
    }
  }
`);

export const EnableSmsMfaMutation = graphql(`
  mutation EnableSmsMfa {
    enableSmsMfa {
      codes
    }
  }
`);

export const RegenerateBackupCodesMutation = graphql(`
  mutation RegenerateBackupCodes {
    regenerateBackupCodes {
      codes
    }
  }
`);

export const DisableMfaMutation = graphql(`
  mutation DisableMfa($input: DisableMfaInput!) {
    disableMfa(input: $input) {
      id
      mfaEnabled
      mfaMethod
      backupCodesRemaining
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);
