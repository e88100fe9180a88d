import { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { addMessage } from "../../src/engine/report.js";

/**
 * addMessage (src/engine/report.ts) makes a finding's vfile message without Error's constructor.
 * It must stay what `file.message(reason, { place, ruleId, source })` makes: the same prototype,
 * the same fields with the same values, the same text. If vfile changes its messages, this fails.
 */
const place = (line: number, column: number, endLine: number, endColumn: number) => ({
  start: { line, column, offset: column - 1 },
  end: { line: endLine, column: endColumn, offset: endColumn - 1 },
});

const cases: {
  path?: string;
  reason: string;
  ruleId?: string;
  source?: string;
  at: ReturnType<typeof place>;
}[] = [
  {
    reason: "»De« er formel tiltale. Skriv »du«.",
    ruleId: "plain/formal-address",
    source: "klarbrev",
    at: place(3, 4, 3, 6),
  },
  {
    path: "brev.txt",
    reason: "Passiv form: »indkaldes«.",
    ruleId: "plain/passive",
    source: "klarbrev",
    at: place(12, 1, 14, 9),
  },
  { reason: "Sætningen er lang.", ruleId: "", source: "", at: place(1, 1, 1, 1) },
];

describe("addMessage makes the message file.message makes", () => {
  test.each(cases)("$reason", ({ path, reason, ruleId, source, at }) => {
    const real = new VFile(path ? { path, value: "x" } : { value: "x" });
    const lean = new VFile(path ? { path, value: "x" } : { value: "x" });
    const expected = real.message(reason, { place: at, ruleId, source });
    const actual = addMessage(lean, reason, at, ruleId, source);

    expect(actual).toBeInstanceOf(VFileMessage);
    expect(actual).toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
    // Every enumerable own field, in vfile's order, with vfile's values.
    expect(Object.entries(actual)).toEqual(Object.entries(expected));
    expect(String(actual)).toBe(String(expected));
    expect(actual.stack).toBe("");
    expect(lean.messages).toEqual([actual]);
  });
});
