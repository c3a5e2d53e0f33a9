// Every mutation of the console runs through here: its own loading and error state, and
// sudo mode handled in one place. When the API answers REAUTHENTICATION_REQUIRED, the
// re-authentication dialog asks for the password (and a code when MFA is on), calls
// reauthenticate, and the original mutation runs again by itself.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { AnyVariables, CombinedError } from "@urql/core";
import { createContext, useCallback, useContext, useRef, useState } from "react";
import { useClient } from "urql";

import { hasCode } from "./errors";

/** Resolves true once the password (and code) were proven again, false when the person gave up. */
export type Reauthenticate = () => Promise<boolean>;

export const ReauthenticationContext = createContext<Reauthenticate>(() => Promise.resolve(false));

export interface MutationState<Data> {
  fetching: boolean;
  data: Data | undefined;
  error: CombinedError | undefined;
}

export interface MutationOutcome<Data> {
  data: Data | undefined;
  error: CombinedError | undefined;
}

export function useApiMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
): [MutationState<Data>, (variables: Variables) => Promise<MutationOutcome<Data>>, () => void] {
  const client = useClient();
  const reauthenticate = useContext(ReauthenticationContext);
  const [state, setState] = useState<MutationState<Data>>({ fetching: false, data: undefined, error: undefined });
  const mounted = useRef(true);
  const run = useCallback(
    async (variables: Variables): Promise<MutationOutcome<Data>> => {
      setState((s) => ({ ...s, fetching: true, error: undefined }));
      let result = await client.mutation(document, variables).toPromise();
      if (hasCode(result.error, "REAUTHENTICATION_REQUIRED") && (await reauthenticate())) {
        result = await client.mutation(document, variables).toPromise();
      }
      const outcome = { data: result.data, error: result.error };
      if (mounted.current) setState({ fetching: false, ...outcome });
      return outcome;
    },
    [client, document, reauthenticate],
  );
  const reset = useCallback(() => setState({ fetching: false, data: undefined, error: undefined }), []);
  return [state, run, reset];
}
