// src/graphiql/workers.ts builds Monaco's workers from the monaco-editor and
// monaco-graphql that this project depends on; GraphiQL's editor runs the copies that
// @graphiql/react depends on. They must be the same files, or the editor talks to
// workers of another version. npm installs one copy when package.json pins the versions
// @graphiql/react asks for; this fails when an upgrade has made them differ.
import { createRequire } from "node:module";
import { dirname } from "node:path";

const ours = createRequire(import.meta.url);
const graphiqls = createRequire(ours.resolve("@graphiql/react"));
let failed = false;
for (const name of ["monaco-editor", "monaco-graphql"]) {
  const mine = dirname(ours.resolve(`${name}/package.json`));
  const theirs = dirname(graphiqls.resolve(`${name}/package.json`));
  if (mine !== theirs) {
    const wanted = graphiqls(`${name}/package.json`).version;
    console.error(
      `check-one-monaco: @graphiql/react uses ${name} ${wanted}, this project ${ours(`${name}/package.json`).version}: ` +
        `run \`npm install --save-exact ${name}@${wanted}\` in frontend/, rebuild, and commit`,
    );
    failed = true;
  }
}
if (failed) process.exit(1);
