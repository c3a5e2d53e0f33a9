// Is the committed src/gql/ what codegen.ts generates now from ../../schema.graphql and
// ../operations? Generates into a temporary folder (codegen.ts reads ACCOUNTQL_CODEGEN_OUT)
// and compares byte for byte: the generator writes no time stamps, so any difference means
// that the schema, an operation, the configuration or package-lock.json changed without
// src/gql being regenerated.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const committed = "src/gql";
const fix = "run `npm run codegen` in clients/typescript and commit src/gql";
const fresh = mkdtempSync(join(tmpdir(), "accountql-codegen-"));

function files(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

try {
  const generated = spawnSync("node_modules/.bin/graphql-codegen", ["--config", "codegen.ts", "--silent"], {
    env: { ...process.env, ACCOUNTQL_CODEGEN_OUT: `${fresh}/` },
    stdio: "inherit",
  });
  if (generated.status !== 0) {
    console.error(
      "check-generated: graphql-codegen failed: it names the operation in ../operations that does not fit " +
        "schema.graphql (fix it), or node_modules is missing (run `npm ci` first)",
    );
    process.exit(1);
  }
  const [mine, theirs] = [files(fresh), files(committed)];
  const problems = [
    ...mine.filter((name) => !theirs.includes(name)).map((name) => `missing from ${committed}: ${name}`),
    ...theirs.filter((name) => !mine.includes(name)).map((name) => `no longer generated (delete it): ${committed}/${name}`),
  ];
  for (const name of mine.filter((name) => theirs.includes(name))) {
    if (!readFileSync(join(fresh, name)).equals(readFileSync(join(committed, name)))) {
      const diff = spawnSync("diff", ["-u", join(committed, name), join(fresh, name)], { encoding: "utf8" });
      problems.push(diff.stdout ? diff.stdout.split("\n").slice(0, 60).join("\n") : `differs: ${committed}/${name}`);
    }
  }
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    console.error(`check-generated: FAILED: ${committed} is not what codegen.ts generates: ${fix}`);
    process.exit(1);
  }
  console.log(`check-generated: ${committed} matches a fresh generation (${mine.length} files)`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
