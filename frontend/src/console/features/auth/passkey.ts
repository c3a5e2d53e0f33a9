// A passkey's assertion for sign-in, for the second step of one, or for re-authentication:
// beginPasskeyLogIn's options, then navigator.credentials.get. The caller sends the
// credential to finishPasskeyLogIn or reauthenticate.
import { useCallback, useState } from "react";
import { useClient } from "urql";

import { formErrors } from "../../lib/errors";
import { getPasskey, type PasskeyOutcome } from "../../lib/webauthn";
import { BeginPasskeyLogInMutation } from "./operations";

export function usePasskeyAssertion(): [boolean, (mfaChallenge?: string) => Promise<PasskeyOutcome>] {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const assert = useCallback(
    async (mfaChallenge?: string): Promise<PasskeyOutcome> => {
      setBusy(true);
      try {
        const begun = await client.mutation(BeginPasskeyLogInMutation, { input: mfaChallenge ? { mfaChallenge } : {} }).toPromise();
        const options = begun.data?.beginPasskeyLogIn.options;
        if (!options) return { error: formErrors(begun.error).form ?? "Passkeys cannot be used just now: try again." };
        return await getPasskey(options);
      } finally {
        setBusy(false);
      }
    },
    [client],
  );
  return [busy, assert];
}
