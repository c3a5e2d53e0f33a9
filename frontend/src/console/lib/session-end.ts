// Leaving the signed-in console on purpose. Signing out and deleting the account end the
// session, which the live events and any answer still in flight report too: a screen says
// beforehand that the end is expected (so that the sign-in page gives its reason, not
// "your session was revoked"), then leaves once the server confirmed.
import { createContext, useContext } from "react";

export interface SessionEnd {
  /** The session is about to end for `reason` (a key of signInReasons), or, with null, no longer. */
  expect: (reason: string | null) => void;
  /** Go to the sign-in page with `reason`, forgetting everything the client cached. */
  leave: (reason: string) => void;
}

export const SessionEndContext = createContext<SessionEnd>({ expect: () => undefined, leave: () => undefined });

export function useSessionEnd(): SessionEnd {
  return useContext(SessionEndContext);
}
