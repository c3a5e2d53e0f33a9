import { graphql } from "../../gql";

export const SecurityQuery = graphql(`
  query Security {
    me {
      id
      mfaEnabled
      mfaMethod
      phoneNumber
      backupCodesRemaining
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
