import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

// eslint-plugin-office-addins' recommended config brings the TypeScript parser and plugin, the
// Office.js rules (load before read, sync after load, no sync in loops) and Prettier.
export default [
  { ignores: ["dist/", "coverage/", "node_modules/", "bench/results/", "test-artifacts/"] },
  ...officeAddins.configs.recommended,
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
];
