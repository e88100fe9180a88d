import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// eslint-plugin-office-addins' recommended config brings the TypeScript parser and plugin, the
// Office.js rules (load before read, sync after load, no sync in loops) and Prettier, for
// .ts/.js files. The React task pane (.tsx) gets the TypeScript plugin here; `prettier --check`
// formats every file.
export default [
  { ignores: ["dist/", "coverage/", "node_modules/", "bench/results/", "test-artifacts/"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: { "no-unused-vars": "off", "@typescript-eslint/no-unused-vars": "error" },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      // TypeScript checks names; the JS rule does not know DOM/Node/Office globals.
      "no-undef": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // A spread passes every item as an argument: with a long letter's items it throws
    // "Maximum call stack size exceeded" (issue 12.10). The engine uses pushAll/minOf/maxOf.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement",
          message:
            "No spread arguments in the engine: use pushAll, minOf or maxOf (src/engine/util/arrays.ts).",
        },
      ],
    },
  },
];
