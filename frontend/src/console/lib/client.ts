// The one GraphQL client of the console: same-origin POSTs to /graphql with the CSRF
// header (the session is an HttpOnly cookie the console never sees), and subscriptions
// over graphql-transport-ws at the same path, which the cookie signs in too.
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";

import { errorCode } from "./errors";

/** ws: on http, wss: on https; always this page's host. */
export function subscriptionUrl(location: Location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/graphql`;
}

/** Fired on window when an answer says the session is gone (UNAUTHENTICATED). */
export const SESSION_ENDED = "accountql:session-ended";

function isCloseEvent(event: unknown): event is { code: number } {
  return typeof event === "object" && event !== null && typeof (event as { code?: unknown }).code === "number";
}

export interface ConsoleClient {
  client: Client;
  dispose: () => void;
}

export function createConsoleClient(): ConsoleClient {
  let ws: WsClient | null = null;
  const socket = () => {
    // Opened at the first subscription only: public pages never open it.
    ws ??= createWsClient({
      url: subscriptionUrl(window.location),
      lazy: true,
      // The cookie authenticates the socket; nothing to send.
      connectionParams: {},
      // Reconnect after a network blip, but not when the server closed the socket on
      // purpose (4401/4403: the session ended or never was): the console is leaving for
      // the sign-in page then, and a retry would only be refused.
      retryAttempts: 3,
      shouldRetry: (event) => !(isCloseEvent(event) && event.code >= 4400 && event.code < 4500),
    });
    return ws;
  };
  const client = new Client({
    url: "/graphql",
    // POST for everything: GET would work for queries, but the answers hold personal data
    // that no cache between here and the server should keep.
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: "same-origin",
      // Cookie-authenticated requests must carry it: a cross-site form cannot.
      headers: { "X-CSRF-Protection": "1" },
    }),
    exchanges: [
      mapExchange({
        onResult(result) {
          if (result.error && errorCode(result.error) === "UNAUTHENTICATED") {
            window.dispatchEvent(new CustomEvent(SESSION_ENDED));
          }
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = socket().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    dispose: () => {
      void ws?.dispose();
      ws = null;
    },
  };
}
