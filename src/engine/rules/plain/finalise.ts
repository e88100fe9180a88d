import type { VFile } from "vfile";
import { touchedQuote } from "../../letter/quoted-law.js";
import { findingData, type FindingData } from "../../report.js";

type Message = VFile["messages"][number];

interface Placed {
  message: Message;
  data: FindingData;
  start: number;
  end: number;
}

const PLAIN = /^plain\//u;

/**
 * The last plain plugin, over the plain rules' findings together:
 * - nothing inside quoted law text ("Lovteksten ser således ud: ’...’"): it is quoted to be exact,
 *   and the guard would refuse any edit there anyway;
 * - conflicting suggestions on one span become one finding: the first edit (a safe one before an
 *   unsafe one) keeps its place, the others' proposals join its explanation, so the writer sees
 *   every alternative once and "apply" never meets two edits on the same words.
 */
export function retextPlainFinalise() {
  return (_tree: unknown, file: VFile): void => {
    const text = String(file.value);
    const placed: Placed[] = [];
    const drop = new Set<Message>();
    for (const message of file.messages) {
      if (!PLAIN.test(message.ruleId ?? "")) continue;
      const place = message.place as { start?: { offset?: number }; end?: { offset?: number } };
      const start = place?.start?.offset ?? 0;
      const end = place?.end?.offset ?? start;
      const data = findingData(message);
      const editStart = data.edit?.kind === "replace" ? data.edit.start : start;
      const editEnd = data.edit?.kind === "replace" ? data.edit.end : end;
      if (touchedQuote(text, Math.min(start, editStart), Math.max(end, editEnd))) {
        drop.add(message);
        continue;
      }
      if (data.edit?.kind === "replace")
        placed.push({ message, data, start: editStart, end: editEnd });
    }
    placed.sort(
      (a, b) => Number(b.data.safe === true) - Number(a.data.safe === true) || a.start - b.start
    );
    const kept: Placed[] = [];
    for (const finding of placed) {
      const rival = kept.find((other) => finding.start < other.end && finding.end > other.start);
      if (!rival) {
        kept.push(finding);
        continue;
      }
      mergeInto(rival, finding);
      drop.add(finding.message);
    }
    if (drop.size > 0) {
      const rest = file.messages.filter((message) => !drop.has(message));
      file.messages.length = 0;
      file.messages.push(...rest);
    }
  };
}

/** The rival keeps its edit; the other proposal is named in its explanation. */
function mergeInto(rival: Placed, other: Placed): void {
  const theirs = other.data.suggestion?.text;
  const suggestion = rival.data.suggestion;
  if (!theirs || !suggestion || theirs === suggestion.text) return;
  suggestion.explanation = `${suggestion.explanation} Eller: »${theirs}«.`;
  rival.message.note = suggestion.explanation;
}
