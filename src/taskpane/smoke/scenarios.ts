import { classifyText } from "../../engine/letter/classify.js";
import { buildLetter, type Letter } from "../../engine/letter/model.js";
import { essentialsFirstEdits } from "../../engine/rules/essentials/combine.js";
import type { DocumentHost } from "../host.js";
import { createInlineAnalyzer, type InlineAnalyze } from "../worker/inline-engine.js";

let inline: InlineAnalyze | undefined;
/** The engine on this page (in the bundle, its script loads on first use). */
const analyzeLetter = (letter: Letter) => (inline ??= createInlineAnalyzer())(letter);

/**
 * The first device check (`npm run word:smoke`): the browser-test scenarios, walked against real
 * Word through the same DocumentHost the task pane uses. Each scenario reports one pass/fail
 * line, so the first run in real Word leaves evidence rather than impressions. It writes into the
 * document, so it runs only in a new, empty document.
 */

export interface SmokeLine {
  scenario: string;
  ok: boolean;
  detail: string;
}

interface Scenario {
  name: string;
  run(host: DocumentHost, state: SmokeState): Promise<string>;
}

interface SmokeState {
  sample: string;
}

/** A failed expectation inside a scenario (the line says what was seen). */
class SmokeFailure extends Error {}

function expectThat(condition: boolean, seen: string): void {
  if (!condition) throw new SmokeFailure(seen);
}

const KLAGE =
  "Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået dette brev.";

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "the document is empty and the sample letter goes in",
    async run(host, { sample }) {
      const before = await host.read();
      expectThat(
        before.text.trim() === "",
        "the document is not empty: open a new, empty document and run the check again"
      );
      await host.insertLetter(classifyText(sample), "replace");
      const after = await host.read();
      expectThat(after.blocks.length > 5, `read back ${after.blocks.length} blocks`);
      return `${after.blocks.length} blocks read back`;
    },
  },
  {
    name: "the letter is read and analysed (LIX, threats, essentials)",
    async run(host) {
      const analysis = await analyzeLetter(await host.read());
      const lix = analysis.scores.readability.lix;
      expectThat(Number.isFinite(lix), `LIX ${lix}`);
      return `LIX ${Math.round(lix)}, ${analysis.findings.length} findings`;
    },
  },
  {
    name: '"Skriv det vigtigste først" puts the essentials in the lead',
    async run(host) {
      const analysis = await analyzeLetter(await host.read());
      const edits = essentialsFirstEdits(analysis.proposals);
      expectThat(edits.length > 0, "no essentials-first proposal");
      const outcome = await host.apply(edits);
      expectThat(outcome.refused.length === 0, `refused: ${outcome.refused[0]?.reason ?? "?"}`);
      const after = await analyzeLetter(await host.read());
      expectThat(after.scores.essentials.inLead, "the essentials are not in the lead after it");
      return `${edits.length} edits, essentials in the lead`;
    },
  },
  {
    name: "a threat rewrite is applied as a tracked change and lowers the threat score",
    async run(host) {
      const before = await analyzeLetter(await host.read());
      // A paragraph with changes not yet reviewed is not edited: try the warnings in turn (a
      // refused batch writes nothing).
      const candidates = before.findings.filter((f) => f.ruleId === "threat/warning" && f.edit);
      expectThat(candidates.length > 0, "no threat/warning finding with a rewrite");
      let outcome = await host.apply([candidates[0]!.edit!]);
      for (const candidate of candidates.slice(1)) {
        if (outcome.applied.length > 0) break;
        outcome = await host.apply([candidate.edit!]);
      }
      expectThat(outcome.applied.length === 1, `refused: ${outcome.refused[0]?.reason ?? "?"}`);
      const after = await analyzeLetter(await host.read());
      expectThat(
        after.scores.threat.score < before.scores.threat.score,
        `threat ${before.scores.threat.score} -> ${after.scores.threat.score}`
      );
      return `threat ${before.scores.threat.score} -> ${after.scores.threat.score}, ${outcome.tracked ? "tracked" : `UNTRACKED (${outcome.notice ?? ""})`}`;
    },
  },
  {
    name: "a finding is shown (selected) in the document",
    async run(host) {
      const analysis = await analyzeLetter(await host.read());
      const finding = analysis.findings[0];
      expectThat(finding !== undefined, "no finding to show");
      await host.select(finding!.start.offset, finding!.end.offset);
      return `selected "${analysis.letter.text.slice(finding!.start.offset, finding!.end.offset)}"`;
    },
  },
  {
    name: "a standard letter goes in with its legal block locked and approved",
    async run(host) {
      const letter: Letter = buildLetter(
        [
          { kind: "greeting", text: "Kære Jens Hansen" },
          {
            kind: "paragraph",
            text: "Du får fradrag i din kontanthjælp for den 3. december 2026.",
          },
          {
            kind: "legal",
            text: KLAGE,
            legal: { id: "klagevejledning", version: "3", title: "Klagevejledning" },
          },
          { kind: "closing", text: "Med venlig hilsen" },
        ],
        "\n"
      );
      await host.insertLetter(letter, "replace");
      const read = await host.read();
      const legal = read.blocks.find((block) => block.kind === "legal");
      expectThat(legal?.text === KLAGE, `legal block read back as "${legal?.text ?? "none"}"`);
      return `legal block ${legal!.legal?.id ?? "?"}@${legal!.legal?.version ?? "?"} read back intact`;
    },
  },
  {
    name: "document changes are noticed and the listener stops cleanly",
    async run(host) {
      const stop = host.onChange(() => undefined);
      stop();
      return "subscribed and unsubscribed";
    },
  },
];

/** Run every scenario in order; a failure is reported and the next scenario still runs. */
export async function runSmoke(
  host: DocumentHost,
  sample: string,
  report: (line: SmokeLine) => void | Promise<void> = () => undefined
): Promise<SmokeLine[]> {
  const lines: SmokeLine[] = [];
  for (const scenario of SCENARIOS) {
    let line: SmokeLine;
    try {
      line = { scenario: scenario.name, ok: true, detail: await scenario.run(host, { sample }) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      line = { scenario: scenario.name, ok: false, detail };
    }
    lines.push(line);
    await report(line);
    // Without an empty document nothing else may write into it.
    if (!line.ok && scenario === SCENARIOS[0]) break;
  }
  return lines;
}

/** One line per scenario, as the terminal and the pane print it. */
export function formatLine(line: SmokeLine): string {
  return `${line.ok ? "PASS" : "FAIL"}  ${line.scenario}: ${line.detail}`;
}
