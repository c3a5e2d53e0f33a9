// The AccountQL console: a single-page app served by the API at /console, talking to
// /graphql on the same origin with the session in an HttpOnly cookie.
import "./styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app";

const container = document.getElementById("console");
if (!container) {
  throw new Error("console/index.html has no #console element: rebuild the front end");
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
