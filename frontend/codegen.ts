// Types for the console, generated from the API's schema (../schema.graphql, the source of
// truth) and from the operations written with graphql() under src/console/. Nothing
// describing an API object is written by hand: `npm run codegen` writes src/console/gql/,
// which is committed, and `npm run check` fails when it is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/console/**/*.{ts,tsx}", "!src/console/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/console/gql/": {
      preset: "client",
      presetConfig: {
        // A component sees only the fields its own fragment asks for.
        fragmentMasking: { unmaskFunctionName: "getFragmentData" },
      },
      config: {
        // Every scalar named here, and an error for one that is not.
        strictScalars: true,
        scalars: {
          // RFC 3339 text, as the server writes it.
          DateTime: "string",
          // AuditEvent.details: whatever the kind records.
          JSON: "unknown",
          // A part of a multipart request: a browser File.
          Upload: "File",
        },
        // String unions rather than TypeScript enums: no runtime code, and labels maps
        // typed Record<Enum, string> still fail the build when the schema adds a value.
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: false,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
