// Monaco, GraphiQL 5's editor, runs its language services in web workers that it asks
// window.MonacoEnvironment for. Imported with Vite's ?worker, each worker is built
// into a hashed file under /static/assets/ and started from there: covered by the CSP's
// script-src 'self', with no blob: URL and no CDN.
//
// GraphiQL ships this very setup as graphiql/setup-workers/vite, but from inside a
// dependency the ?worker imports break Vite's dev server (its dependency pre-bundling
// cannot read them), so the app keeps its own copy. The workers must come from the same
// Monaco that GraphiQL runs: package.json pins monaco-editor and monaco-graphql at the
// versions @graphiql/react asks for, and scripts/check-one-monaco.mjs (in `npm run check`)
// fails when an upgrade of graphiql makes them differ.
import type { Environment } from "monaco-editor";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import JsonWorker from "monaco-editor/esm/vs/language/json/json.worker.js?worker";
import GraphQLWorker from "monaco-graphql/esm/graphql.worker.js?worker";

const environment: Environment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case "graphql": // the query editor
        return new GraphQLWorker();
      case "json": // the variables, headers and response editors
        return new JsonWorker();
      default:
        return new EditorWorker();
    }
  },
};
window.MonacoEnvironment = environment;
