// GraphQL Code Generator: TypeScript types and typed documents for the operations in
// ../operations (the ones the Python client is generated from too), against the exported
// schema. `npm run codegen` writes src/gql/; `npm run check` fails when that is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

// scripts/check-generated.mjs generates into a temporary folder, to compare it with the
// committed one without touching it.
const out = process.env.ACCOUNTQL_CODEGEN_OUT ?? "src/gql/";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["../operations/*.graphql"],
  ignoreNoDocuments: false,
  // Imports between the generated files end in .js, as Node's own ES module resolution
  // (tsconfig's NodeNext) needs: example.ts runs in Node as tsc compiles it, no bundler.
  emitLegacyCommonJSImports: false,
  generates: {
    [out]: {
      preset: "client",
      presetConfig: {
        // Masking serves components that each read their own fragment; an API client
        // reads what it selected, so SignedIn's fields are plain fields of the result.
        fragmentMasking: false,
      },
      config: {
        // Every scalar must be mapped: an unknown one is a type error, never `any`.
        strictScalars: true,
        scalars: {
          // Every id is a UUID string: the server refuses numbers (BAD_USER_INPUT), which
          // the preset's default for ID inputs (string | number) would let through.
          ID: { input: "string", output: "string" },
          // RFC 3339 text as sent on the wire; parse it with `new Date(value)` if needed.
          DateTime: "string",
          JSON: "unknown",
          Upload: "File",
        },
        // `import type`, as tsconfig's verbatimModuleSyntax requires of type-only imports.
        useTypeImports: true,
        // Enums as string unions: nothing is emitted at run time, and a literal
        // "MANAGER" type-checks where a Role is expected.
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
