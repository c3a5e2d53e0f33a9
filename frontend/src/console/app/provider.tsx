import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Provider } from "urql";

import { createConsoleClient, type ConsoleClient } from "../lib/client";

/** Throws the client away (its cache held the last account's data) and starts a new one:
 * after signing in, signing out, or a session that ended. */
const ResetClientContext = createContext<() => void>(() => undefined);

export function useResetClient(): () => void {
  return useContext(ResetClientContext);
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<ConsoleClient>(createConsoleClient);
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  }, [current]);
  useEffect(() => () => latest.current.dispose(), []);
  const reset = useCallback(() => {
    latest.current.dispose();
    const next = createConsoleClient();
    latest.current = next;
    setCurrent(next);
  }, []);
  return (
    <ResetClientContext.Provider value={reset}>
      <Provider value={current.client}>{children}</Provider>
    </ResetClientContext.Provider>
  );
}
