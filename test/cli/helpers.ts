import { readFileSync } from "node:fs";
import type { Io } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

export const LETTERS = "test/fixtures/letters";
export const BAD = "test/fixtures/bad";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with an in-memory Io (no colour unless asked). */
export async function runCli(
  argv: string[],
  options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.isTTY ?? false },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The file's text as the CLI sees it: UTF-8, BOM removed. */
export function letterText(path: string): string {
  return readFileSync(path, "utf8").replace(/^\uFEFF/u, "");
}

/** Line and column of a UTF-16 offset, counting lines at "\n" (as vfile does). */
export function pointAt(
  text: string,
  offset: number
): { offset: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

const LANGUAGES = ["da", "en"];
const LETTER_TYPES = ["indkaldelse", "afgørelse", "partshøring", "anmodning", "orientering"];
const LIX_BANDS = ["meget let", "let", "middel", "svær", "meget svær"];
const SEVERITIES = ["error", "warning", "info"];
const LEGAL_STATUSES = [
  "intact",
  "modified",
  "outdated",
  "unapproved",
  "own-wording",
  "missing",
  "unknown",
  "unverified",
];
const FACT_KINDS = ["date", "time", "place", "deadline", "action", "decision"];
const RULE_ID = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/u;

type Json = Record<string, unknown>;

function keys(value: unknown): string[] {
  expect(typeof value).toBe("object");
  expect(value).not.toBeNull();
  expect(Array.isArray(value)).toBe(false);
  return Object.keys(value as object);
}

function expectCount(value: unknown): void {
  expect(Number.isInteger(value)).toBe(true);
  expect(value as number).toBeGreaterThanOrEqual(0);
}

function expectScore(value: unknown): void {
  expect(typeof value).toBe("number");
  expect(Number.isFinite(value)).toBe(true);
  expect(value as number).toBeGreaterThanOrEqual(0);
}

/**
 * The JSON contract of `klarbrev check --format json`, independent of what the rules find:
 * exactly these keys in this order, the right types, and offsets that point into `texts[file]`.
 */
export function expectCheckContract(
  output: unknown,
  texts: Readonly<Record<string, string>>
): void {
  expect(Array.isArray(output)).toBe(true);
  for (const result of output as Json[]) {
    expect(keys(result)).toEqual(["file", "language", "letterType", "scores", "findings"]);
    const text = texts[result.file as string];
    expect(typeof text).toBe("string");
    expect(LANGUAGES).toContain(result.language);
    expect(LETTER_TYPES).toContain(result.letterType);

    const scores = result.scores as Json;
    expect(keys(scores)).toEqual(["readability", "threat", "essentials", "legal"]);
    const readability = scores.readability as Json;
    expect(keys(readability)).toEqual([
      "lix",
      "lixBand",
      "prose",
      "words",
      "sentences",
      "longWords",
    ]);
    expectScore(readability.lix);
    expect(LIX_BANDS).toContain(readability.lixBand);
    for (const counts of [readability, readability.prose as Json]) {
      expectCount(counts.words);
      expectCount(counts.sentences);
      expectCount(counts.longWords);
    }
    expect(keys(readability.prose)).toEqual(["lix", "words", "sentences", "longWords"]);
    expectScore((readability.prose as Json).lix);

    const threat = scores.threat as Json;
    expect(keys(threat)).toEqual(["score", "count"]);
    expectScore(threat.score);
    expect(threat.score as number).toBeLessThanOrEqual(100);
    expectCount(threat.count);

    const essentials = scores.essentials as Json;
    expect(keys(essentials)).toEqual(["inLead", "facts"]);
    expect(typeof essentials.inLead).toBe("boolean");
    expect(Array.isArray(essentials.facts)).toBe(true);
    for (const fact of essentials.facts as Json[]) {
      expect(keys(fact)).toEqual(["kind", "text", "value", "start", "end"]);
      expect(FACT_KINDS).toContain(fact.kind);
      expect(typeof fact.value).toBe("string");
      expectCount(fact.start);
      expectCount(fact.end);
      expect(fact.end as number).toBeGreaterThanOrEqual(fact.start as number);
      expect(fact.end as number).toBeLessThanOrEqual(text!.length);
      expect(text!.slice(fact.start as number, fact.end as number)).toBe(fact.text);
    }

    const legal = scores.legal as Json;
    expect(keys(legal)).toEqual(["blocks"]);
    for (const block of legal.blocks as Json[]) {
      expect(keys(block)).toEqual(["id", "version", "status"]);
      expect(LEGAL_STATUSES).toContain(block.status);
    }

    expect(Array.isArray(result.findings)).toBe(true);
    let previous = 0;
    for (const finding of result.findings as Json[]) {
      // url (the rule's section in docs/rules.md) was added to the contract with the rule registry.
      const expected = ["ruleId", "severity", "message", "start", "end"];
      if ("suggestion" in finding) expected.push("suggestion");
      if ("url" in finding) expected.push("url");
      expect(keys(finding)).toEqual(expected);
      if ("url" in finding) expect(finding.url).toMatch(/^docs\/rules\.md#[a-z-]+$/u);
      expect(finding.ruleId).toMatch(RULE_ID);
      expect(SEVERITIES).toContain(finding.severity);
      expect(typeof finding.message).toBe("string");
      expect((finding.message as string).length).toBeGreaterThan(0);
      for (const point of [finding.start, finding.end] as Json[]) {
        expect(keys(point)).toEqual(["offset", "line", "column"]);
        expectCount(point.offset);
        expect(point.offset as number).toBeLessThanOrEqual(text!.length);
        expect(point).toEqual(pointAt(text!, point.offset as number));
      }
      const start = (finding.start as Json).offset as number;
      expect((finding.end as Json).offset as number).toBeGreaterThanOrEqual(start);
      expect(start).toBeGreaterThanOrEqual(previous);
      previous = start;
      if ("suggestion" in finding) {
        expect(keys(finding.suggestion)).toEqual(["text", "explanation"]);
        expect(typeof (finding.suggestion as Json).text).toBe("string");
        expect(typeof (finding.suggestion as Json).explanation).toBe("string");
      }
    }
  }
}
