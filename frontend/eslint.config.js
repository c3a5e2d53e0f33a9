// Lint rules for the front end: typescript-eslint's type-aware recommendations and the
// rules of React hooks. `npm run lint` fails on any warning.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // src/console/gql/ is generated (npm run codegen) and checked by `graphql-codegen --check`.
  { ignores: ["node_modules/", "src/console/gql/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Both programs: the browser's (src/) and the build's own (vite.config.ts).
        project: ["./tsconfig.json", "./tsconfig.node.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Plain JavaScript that runs in Node (this file, scripts/): no tsconfig includes it.
    files: ["**/*.{js,mjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
