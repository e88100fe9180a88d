import { checkProgram, type ApiSetReport } from "../../src/apisets/analyze.js";
import {
  compareVersions,
  readManifestRequirements,
} from "../../src/apisets/manifest-requirements.js";
import { virtualProgram } from "../../src/apisets/program.js";
import { formatReport } from "../../src/apisets/report.js";
import { ROOT } from "./support.js";

/**
 * check:apisets on small sources: each fixture is a file of its own in one program (the
 * Office.js types are large; one program keeps the test quick).
 */
const PREAMBLE = '/// <reference types="office-js" />\n';
const FIXTURES: Record<string, string> = {
  "unguarded.ts": `export async function f(context: Word.RequestContext) {
  context.document.changeTrackingMode = "TrackAll";
  await context.sync();
}`,
  "guarded-if.ts": `export async function f(context: Word.RequestContext) {
  if (Office.context.requirements.isSetSupported("WordApi", "1.4")) {
    context.document.changeTrackingMode = "TrackAll";
  }
  await context.sync();
}`,
  "guarded-too-low.ts": `export function f(context: Word.RequestContext) {
  if (Office.context.requirements.isSetSupported("WordApi", "1.4")) {
    context.document.onParagraphChanged.add(async () => undefined);
  }
}`,
  "guarded-early-return.ts": `export function f(context: Word.RequestContext) {
  if (!Office.context.requirements.isSetSupported("WordApi", "1.4")) return;
  context.document.changeTrackingMode = "Off";
}`,
  "guarded-else.ts": `export function f(context: Word.RequestContext) {
  if (!Office.context.requirements.isSetSupported("WordApi", "1.4")) {
    return;
  } else {
    context.document.changeTrackingMode = "Off";
  }
}`,
  "guarded-helper.ts": `function canTrack(): boolean {
  return Office.context.requirements.isSetSupported("WordApi", "1.4");
}
export function f(context: Word.RequestContext) {
  const tracking = canTrack();
  if (tracking && context.document) context.document.changeTrackingMode = "Off";
  const mode = canTrack() ? context.document.changeTrackingMode : "Off";
  return mode;
}`,
  "guarded-callback.ts": `export function f(context: Word.RequestContext, items: number[]) {
  if (Office.context.requirements.isSetSupported("WordApi", "1.6")) {
    items.forEach(() => context.document.onParagraphAdded.add(async () => undefined));
  }
}`,
  "unguarded-load.ts": `export async function f(context: Word.RequestContext) {
  context.document.load("changeTrackingMode");
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load("items/text,items/styleBuiltIn");
  await context.sync();
}`,
  "annotated.ts": `// @requires WordApi 1.4
function track(context: Word.RequestContext) {
  context.document.changeTrackingMode = "TrackAll";
}
export function bad(context: Word.RequestContext) {
  track(context);
}
export function good(context: Word.RequestContext) {
  if (Office.context.requirements.isSetSupported("WordApi", "1.4")) track(context);
}`,
  "nested-load.ts": `export async function f(context: Word.RequestContext) {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load("items/text,items/contentControls/items/tag");
  await context.sync();
}
const CONTROL_FIELDS = ["items/contentControls/items/cannotEdit"];
const FIELDS = ["items/style", ...CONTROL_FIELDS].join(",");
export function g(paragraphs: Word.ParagraphCollection) {
  paragraphs.load(FIELDS);
}`,
  "typed-controls.ts": `const TYPES = ["RichText", "PlainText"] as unknown as readonly Word.ContentControlType[];
export function plain(body: Word.Body) {
  if (Office.context.requirements.isSetSupported("WordApi", "1.5")) {
    return body.getContentControls({ types: [...TYPES] });
  }
  return undefined;
}
export function checkBox(body: Word.Body) {
  if (Office.context.requirements.isSetSupported("WordApi", "1.5")) {
    return body.getContentControls({ types: ["CheckBox"] as unknown as Word.ContentControlType[] });
  }
  return undefined;
}`,
  "enum-value.ts": `export function wanted(): Word.ChangeTrackingMode | "Off" | "TrackAll" | "TrackMineOnly" {
  return "TrackAll";
}`,
  "no-office.ts": `export const answer = { document: { changeTrackingMode: "Off" } }.document.changeTrackingMode;`,
};

let report: ApiSetReport;
const manifest = new Map([["WordApi", "1.3"]]);

beforeAll(() => {
  const sources = Object.fromEntries(
    Object.entries(FIXTURES).map(([name, text]) => [name, PREAMBLE + text])
  );
  const { program, files } = virtualProgram(ROOT, sources);
  report = checkProgram(program, files, manifest);
}, 60_000);

function usesIn(file: string) {
  return report.uses.filter((use) => use.file.endsWith(`/__virtual__/${file}`) && use.requirement);
}

describe("check:apisets", () => {
  test("an unguarded use above the manifest minimum is a violation, with file and line", () => {
    const [use] = usesIn("unguarded.ts");
    expect(use).toMatchObject({
      member: "Word.Document.changeTrackingMode",
      requirement: { set: "WordApi", version: "1.4" },
      coverage: "none",
      line: 3,
    });
    expect(report.violations).toContainEqual(use);
  });

  test("a use inside if (isSetSupported(...)) with a high enough version is guarded", () => {
    expect(usesIn("guarded-if.ts").map((use) => [use.member, use.coverage, use.guard])).toEqual([
      ["Word.Document.changeTrackingMode", "guard", { set: "WordApi", version: "1.4" }],
      // The value written is a use of its enum member (WordApi 1.4 too).
      ["Word.ChangeTrackingMode.trackAll", "guard", { set: "WordApi", version: "1.4" }],
    ]);
  });

  test("a guard for a lower version does not cover a newer member", () => {
    const use = usesIn("guarded-too-low.ts").find((candidate) =>
      candidate.member.endsWith("onParagraphChanged")
    );
    expect(use).toMatchObject({ requirement: { version: "1.6" }, coverage: "none" });
  });

  test.each([
    "guarded-early-return.ts",
    "guarded-else.ts",
    "guarded-helper.ts",
    "guarded-callback.ts",
  ])(
    "%s: early exits, else branches, guard functions, consts and callbacks count as guards",
    (file) => {
      const above = usesIn(file).filter(
        (use) => compareVersions(use.requirement!.version, "1.3") > 0
      );
      expect(above.length).toBeGreaterThan(0);
      expect(above.map((use) => use.coverage)).toEqual(above.map(() => "guard"));
    }
  );

  test("property paths in load strings are checked too", () => {
    const uses = usesIn("unguarded-load.ts");
    expect(uses.find((use) => use.member === "Word.Document.changeTrackingMode")?.coverage).toBe(
      "none"
    );
    expect(uses.find((use) => use.member === "Word.Paragraph.styleBuiltIn")).toMatchObject({
      requirement: { version: "1.3" },
      coverage: "manifest",
    });
  });

  test("a function marked @requires is guarded inside; each call to it is checked", () => {
    const uses = usesIn("annotated.ts");
    expect(uses.find((use) => use.member === "Word.Document.changeTrackingMode")?.coverage).toBe(
      "annotation"
    );
    const calls = uses.filter((use) => use.member === "track()");
    expect(calls.map((use) => use.coverage)).toEqual(["none", "guard"]);
  });

  test("a load path through a nested collection's items is refused, whatever the API sets", () => {
    const refused = report.violations.filter((use) => use.file.endsWith("/nested-load.ts"));
    expect(refused).toEqual([
      expect.objectContaining({
        member: 'load("items/contentControls/items/tag")',
        coverage: "none",
        problem: expect.stringContaining("nested collection"),
        line: 4,
      }),
      // Also in a const list joined with spreads (how read.ts wrote it before).
      expect.objectContaining({
        member: 'load("items/contentControls/items/cannotEdit")',
        coverage: "none",
        line: 7,
      }),
    ]);
    // The documented form, items/ at the start of the collection's path, stays a plain use.
    expect(usesIn("nested-load.ts").map((use) => use.member)).toContain("Word.Paragraph.text");
    expect(formatReport(report, manifest, ROOT)).toContain(
      'load("items/contentControls/items/tag"): a load path through a nested collection'
    );
  });

  test("values with a requirement of their own: content control types, enum values", () => {
    const typed = usesIn("typed-controls.ts").filter((use) =>
      use.member.startsWith("Word.ContentControlOptions.types")
    );
    expect(typed.map((use) => [use.member, use.requirement!.version, use.coverage])).toEqual([
      ['Word.ContentControlOptions.types "PlainText"', "1.5", "guard"],
      ['Word.ContentControlOptions.types "CheckBox"', "1.7", "none"],
    ]);
    expect(usesIn("enum-value.ts")).toEqual([
      expect.objectContaining({
        member: "Word.ChangeTrackingMode.trackAll",
        requirement: { set: "WordApi", version: "1.4" },
        coverage: "none",
      }),
    ]);
  });

  test("look-alike objects that are not Office.js are ignored", () => {
    expect(usesIn("no-office.ts")).toEqual([]);
  });

  test("the highest unguarded use is what the manifest would have to declare", () => {
    // guarded-too-low.ts uses a 1.6 member under a 1.4 guard; typed-controls.ts asks for
    // CheckBox controls (1.7) under a 1.5 guard.
    expect(report.needed.get("WordApi")).toBe("1.7");
  });

  test("the report is a table that names the violations", () => {
    const text = formatReport(report, manifest, ROOT);
    expect(text).toMatch(/^Manifest minimum: WordApi 1\.3/u);
    expect(text).toMatch(/Word\.Document\.changeTrackingMode\s+WordApi 1\.4\s+\d+\s+.*VIOLATION/u);
    expect(text).toContain("__virtual__/unguarded.ts:3:");
  });

  test("manifest requirements: Set elements, MinVersion or the default", () => {
    const xml = `<OfficeApp><Requirements><Sets DefaultMinVersion="1.2"><Set Name="WordApi" MinVersion="1.3"/><Set Name="SharedRuntime"/></Sets></Requirements>
      <VersionOverrides><Requirements><Sets><Set Name="WordApi" MinVersion="1.9"/></Sets></Requirements></VersionOverrides></OfficeApp>`;
    expect(readManifestRequirements(xml)).toEqual(
      new Map([
        ["WordApi", "1.3"],
        ["SharedRuntime", "1.2"],
      ])
    );
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
  });
});
