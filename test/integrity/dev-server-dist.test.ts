import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILT_TASKPANE_FILES, resolveRequest, siteMounts } from "../../src/devserver/site.js";

/**
 * Bug (issue 12, also b): the dev server's /dist/ mount served every build output: source maps,
 * tsc's Node-side code (the CLI, the engine), JSON. Only the task pane bundle is served now.
 */
let root: string;
const BUILD_OUTPUT = [
  "dist/cli/main.js",
  "dist/cli/main.js.map",
  "dist/engine/index.js",
  "dist/engine/index.d.ts",
  "dist/engine/generated/matchers.json",
  "dist/devserver/certs.js",
  "dist/taskpane/taskpane.js.map",
  "dist/taskpane/taskpane.js.LEGAL.txt",
  "dist/taskpane/build.js",
  "dist/taskpane/host.js",
  "dist/addin-site/manifest.xml",
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "klarbrev-dist-"));
  for (const path of [
    ...BUILD_OUTPUT,
    ...BUILT_TASKPANE_FILES.map((name) => `dist/taskpane/${name}`),
  ]) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), "x");
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("/dist/ serves only what the task pane needs (issue 12, also b)", () => {
  test.each(BUILD_OUTPUT.map((path) => `/${path}`))("Bug (issue 12.b): %s is not served", (url) => {
    expect(resolveRequest(root, url, siteMounts(root))).toBeUndefined();
  });

  test.each(BUILT_TASKPANE_FILES)("/dist/taskpane/%s is served", (name) => {
    expect(resolveRequest(root, `/dist/taskpane/${name}`, siteMounts(root))).toBe(
      join(root, "dist", "taskpane", name)
    );
  });

  test("the pane itself loads from / (its own allow-list), not /dist/", () => {
    expect(resolveRequest(root, "/taskpane.js", siteMounts(root))).toBe(
      join(root, "dist", "taskpane", "taskpane.js")
    );
    expect(resolveRequest(root, "/taskpane.js.map", siteMounts(root))).toBeUndefined();
  });
});
