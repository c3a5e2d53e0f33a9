// GraphiQL, served by the API itself with every file from this bundle: nothing is
// fetched from another origin, so it works offline and under a strict CSP.
import "./workers"; // first: Monaco must find its workers before it starts
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
