import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/", "coverage/", "node_modules/", "bench/results/"] },
  ...officeAddins.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { console: "readonly", process: "readonly", URL: "readonly" },
    },
    rules: {
      "no-undef": "off",
    },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ["**/*.ts", "**/*.tsx"] })),
];
