import { graphql } from "../../gql";

export const KycQuery = graphql(`
  query Kyc($id: ID!) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      kycStatus
    }
  }
`);

export const SubmitKycMutation = graphql(`
  mutation SubmitKyc($input: SubmitKycInput!) {
    submitKyc(input: $input) {
      id
      kycStatus
    }
  }
`);
