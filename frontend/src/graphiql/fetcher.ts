import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";

// The headers of every request GraphiQL sends, the schema's introspection included.
// Lower case, because createGraphiQLFetcher spreads them over its own lower-case
// defaults: "Accept" would be sent beside its "accept", not instead of it.
export const REQUEST_HEADERS = {
  "content-type": "application/json",
  // The GraphQL over HTTP spec's media type first, then plain JSON.
  accept: "application/graphql-response+json, application/json",
  // Cookie-authenticated requests must carry this header: a cross-site form or <img>
  // cannot set it, and a cross-site fetch that sets it needs a CORS preflight that the
  // server never grants. The headers editor can override it (as x-csrf-protection:
  // spelled otherwise, fetch would send both values joined).
  "x-csrf-protection": "1",
} as const;

/** The page's own origin, as a WebSocket URL: ws: on http, wss: on https. */
export function subscriptionUrl(location: Location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/graphql`;
}

export function createFetcher(location: Location): Fetcher {
  return createGraphiQLFetcher({
    // Relative: the API is the origin that served this page, and nothing else.
    url: "/graphql",
    headers: REQUEST_HEADERS,
    // Off: incremental delivery would ask for multipart/mixed, which the server does
    // not speak, instead of the Accept header above.
    enableIncrementalDelivery: false,
    // fetch's default, made explicit: the session cookie goes to this origin only.
    fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
    // Subscriptions over graphql-transport-ws (graphql-ws) at the same path. The client
    // is loaded and connects only when a subscription is run; headers from the editor
    // travel as connection parameters, as a browser cannot set them on a WebSocket.
    subscriptionUrl: subscriptionUrl(location),
  });
}
