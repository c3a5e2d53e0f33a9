// securityEvents over graphql-transport-ws (the cookie signs the socket in): a session
// that was revoked or expired goes to the sign-in page at once, saying why.
import { useEffect, useRef } from "react";
import { useSubscription } from "urql";

import type { SecurityEventsSubscription as Event } from "../../gql/graphql";
import { SecurityEventsSubscription } from "./operations";

export type SecurityEvent = Event["securityEvents"];

export function useSecurityEvents(onEvent: (event: SecurityEvent) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  const [{ data }] = useSubscription({ query: SecurityEventsSubscription });
  const last = useRef<SecurityEvent | null>(null);
  useEffect(() => {
    const event = data?.securityEvents;
    if (event && event !== last.current) {
      last.current = event;
      handler.current(event);
    }
  }, [data]);
}
