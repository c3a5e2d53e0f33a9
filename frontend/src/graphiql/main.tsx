// GraphiQL, served by the API itself with every file from this bundle: nothing is
// fetched from another origin, so it works offline and under a strict CSP.
// Monaco, GraphiQL 5's editor, runs its language services in web workers. This module
// (GraphiQL's own, so the workers always match its Monaco) imports them with Vite's
// ?worker, which builds each into a hashed file under /static/assets/ that the page
// starts from there: covered by the CSP's script-src 'self', no blob: and no CDN (its
// sibling setup-workers/esm.sh would load them from esm.sh). It logs one console.info
// line per worker it starts.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./page.css";

import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { createFetcher } from "./fetcher";

const container = document.getElementById("graphiql");
if (!container) {
  throw new Error("graphiql/index.html has no #graphiql element: rebuild the front end");
}

const fetcher = createFetcher(window.location);

createRoot(container).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} isHeadersEditorEnabled />
  </StrictMode>,
);
