// The front end's build: one Vite project, one page per entry point. Each page is an
// index.html in a folder of its own (graphiql/, console/) whose
// script lives in src/<page>/. The output goes into the Python package, where the
// server reads the pages (to serve them with their security headers) and serves
// everything under assets/ as static files; see accountql/web/graphiql.py.
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = import.meta.dirname;

// The pages: a new entry point is one more line here.
const pages = {
  graphiql: resolve(here, "graphiql/index.html"),
  console: resolve(here, "console/index.html"),
};

export default defineConfig({
  root: here,
  plugins: [react()],
  // Where accountql/app.py mounts the assets: every URL in the build starts with it.
  base: "/static/",
  build: {
    outDir: resolve(here, "../accountql/web/static"),
    // The folder is the build's alone (it lies outside this project, so Vite asks).
    emptyOutDir: true,
    assetsDir: "assets",
    // No source maps: they would double what the wheel carries, for a tool whose
    // sources are in this repository anyway.
    sourcemap: false,
    // Fonts and images stay files (the CSP allows data: too, for GraphiQL's own CSS).
    assetsInlineLimit: 0,
    // Monaco is large; the warning would fire on every build and say nothing new.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: pages,
      onLog(level, log, handler) {
        // GraphiQL's modules open with React Compiler's "use no memo" hint, which the
        // bundle drops: harmless, as the compiler already ran when they were published.
        if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.id?.includes("/node_modules/")) return;
        handler(level, log);
      },
    },
  },
  worker: {
    // Monaco's workers as ES modules, loaded from the bundle (see src/graphiql/workers.ts).
    format: "es",
  },
  optimizeDeps: {
    // CommonJS modules that monaco-graphql's worker imports: the dev server turns
    // dependencies into ES modules only when it pre-bundles them, and it does not look
    // inside workers to find them. (The build converts them either way.)
    include: ["picomatch-browser", "nullthrows"],
  },
  server: {
    // `npm run dev` next to `accountql serve` (on port 8000): the API is proxied so
    // that the page and /graphql share an origin, as they do when Python serves both.
    proxy: {
      "/graphql": { target: "http://127.0.0.1:8000", ws: true },
    },
  },
});
