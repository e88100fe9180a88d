// Jest runs in ESM mode (node --experimental-vm-modules) because unified/retext are ESM-only.
// ts-jest only transpiles here; `npm run typecheck` is the type check.
/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // Fluent UI's `import` condition points at ES modules in a package without "type": "module",
    // which jest 29 would load as CommonJS; its CommonJS build is the one jest can run.
    "^@fluentui/react/lib/(.*)$": "<rootDir>/node_modules/@fluentui/react/lib-commonjs/$1",
  },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { useESM: true, diagnostics: false }],
  },
};
