import Handlebars from "handlebars";
import { blockAt, PROSE_KINDS, type Letter } from "../../letter/model.js";
import { alternation } from "../../linguistics/vocabulary.js";
import type { Fact, LetterType } from "../../types.js";
import { formatDanishDate, formatDanishTime, parseDanishTime } from "./dates.js";
import {
  DECISION_NOT_FOR_LEAD,
  REMOTE_MODE_BY_VALUE,
  STREET_SUFFIX,
  TIME_SCAN,
} from "./patterns.js";
import { countWords, firstBodyIndex, subjectIndex } from "./structure.js";
import { leadData, notInLeadData } from "./wording.js";
import { memoByText } from "../../util/text-memo.js";

/**
 * A generated lead: one or two du-form sentences (at most `maxWords` words) saying the essential
 * thing first, rendered from the extracted facts with the Handlebars micro-templates in
 * lead.yml (`data:`). Templates are tried in order; the first that fits wins.
 */

const policy = leadData();

export const MAX_LEAD_WORDS = policy.maxWords;

const handlebars = Handlebars.create();
handlebars.registerHelper("cap", (value: unknown) => capitalise(String(value ?? "")));

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Render a template from the essentials rule data (compiled once, plain text: no HTML escaping). */
export function render(template: string, context: Record<string, unknown>): string {
  // The same words are rendered again on every analysis while the caseworker types: remembered
  // when the context is only strings and numbers (its JSON then names it exactly).
  const plain = Object.values(context).every(
    (value) => typeof value === "string" || (typeof value === "number" && Number.isFinite(value))
  );
  return plain
    ? rendered(`${template}\u0000${JSON.stringify(context)}`)
    : renderNow(template, context);
}

const rendered = memoByText((key) => {
  const split = key.indexOf("\u0000");
  return renderNow(
    key.slice(0, split),
    JSON.parse(key.slice(split + 1)) as Record<string, unknown>
  );
});

function renderNow(template: string, context: Record<string, unknown>): string {
  let delegate = compiled.get(template);
  if (!delegate) {
    delegate = handlebars.compile(template, { noEscape: true });
    compiled.set(template, delegate);
  }
  return tidy(delegate(context));
}

function tidy(text: string): string {
  return text
    .replace(/\s+/gu, " ")
    .replace(/\s+([.,])/gu, "$1")
    .replace(/\.{2,}/gu, ".")
    .trim();
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DECISION_FRAMES = policy.decisionFrames!.map((frame) => ({
  text: frame.text ? new RegExp(frame.text, "iu") : undefined,
  value: frame.value ? new RegExp(frame.value, "iu") : undefined,
  strip: frame.strip === true,
  frame: frame.frame,
}));
const MEETING_NOUN = new RegExp(policy.meetingNoun!.pattern, "iu");

/** An intended decision's value opens with an intent verb (@intentVerbs): "påtænker at standse ...". */
const INTENT_VERB = `(?:${alternation("intentVerbs")})`;
const INTENT = new RegExp(`^${INTENT_VERB}\\s+(?:${alternation("complementizers")})\\s+`, "u");
const STARTS_WITH_INTENT_VERB = new RegExp(`^${INTENT_VERB}\\s`, "u");
/** A room's value opens with the room noun of not-in-lead.yml's data ("lokale 2.14"). */
const ROOM_VALUE = new RegExp(`^${notInLeadData().roomNoun!}\\s`, "u");
/** Between two place facts that name one place: a comma or a joiner (@placeJoiners). */
const PLACE_JOIN = new RegExp(`^\\s*(?:,|${alternation("placeJoiners")})?\\s*$`, "u");
/** Right before the date a decision takes effect from (@startMarkers: "fra", "fra og med"). */
const START_MARKER = new RegExp(`(?:^|\\s)(?:${alternation("startMarkers")})\\s+$`, "u");

/** The lead for a letter, or undefined when the type needs none or no template fits. */
export function generateLead(
  letter: Letter,
  facts: readonly Fact[],
  type: LetterType
): string | undefined {
  if (type === "orientering") return undefined;
  const templates: readonly string[] = policy.templates[type] ?? [];
  const context = leadContext(letter, facts, type);
  if (!context) return undefined;
  for (const template of templates) {
    const lead = render(template, context);
    if (countWords(lead) <= MAX_LEAD_WORDS) return lead;
  }
  return undefined;
}

function leadContext(
  letter: Letter,
  facts: readonly Fact[],
  type: LetterType
): Record<string, unknown> | undefined {
  switch (type) {
    case "indkaldelse":
      return meetingContext(letter, facts);
    case "anmodning": {
      const deadline = firstOf(facts, "deadline", letter);
      const action = deadline
        ? nearest(facts, "action", deadline, letter)
        : firstOf(facts, "action", letter);
      if (!deadline && !action) return undefined;
      return { action: action?.value ?? "", ...deadlineContext(deadline) };
    }
    case "partshøring": {
      const deadline = firstOf(facts, "deadline", letter);
      const intent = facts.find((fact) => fact.kind === "decision" && INTENT.test(fact.value));
      if (!deadline && !intent) return undefined;
      return {
        intent: intent?.value.replace(INTENT, "") ?? "",
        ...deadlineContext(deadline),
      };
    }
    case "afgørelse": {
      const decision = facts.find(
        (fact) =>
          fact.kind === "decision" &&
          !STARTS_WITH_INTENT_VERB.test(fact.value) &&
          !DECISION_NOT_FOR_LEAD.some((pattern) => pattern.test(fact.text))
      );
      if (!decision) return undefined;
      return { decision: frameDecision(decision), from: startDate(letter, facts, decision) };
    }
    default:
      return undefined;
  }
}

/** Facts in prose are preferred over those in the subject line or a heading. */
function firstOf(facts: readonly Fact[], kind: Fact["kind"], letter: Letter): Fact | undefined {
  const ofKind = facts.filter((fact) => fact.kind === kind);
  return ofKind.find((fact) => inProse(letter, fact)) ?? ofKind[0];
}

function inProse(letter: Letter, fact: Fact): boolean {
  const block = letter.blocks[blockAt(letter, fact.start)];
  return block !== undefined && PROSE_KINDS.has(block.kind);
}

/** A fact of `kind` in the same block as `anchor`, else the first one in the letter. */
function nearest(
  facts: readonly Fact[],
  kind: Fact["kind"],
  anchor: Fact,
  letter: Letter
): Fact | undefined {
  const block = blockAt(letter, anchor.start);
  return (
    facts.find((fact) => fact.kind === kind && blockAt(letter, fact.start) === block) ??
    firstOf(facts, kind, letter)
  );
}

function deadlineContext(deadline: Fact | undefined): { deadline: string; shortDeadline: string } {
  if (!deadline) return { deadline: "", shortDeadline: "" };
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(deadline.value))
    return { deadline: deadline.value, shortDeadline: deadline.value };
  TIME_SCAN.lastIndex = 0;
  const timeMatch = TIME_SCAN.exec(deadline.text);
  const hhmm = timeMatch ? parseDanishTime(timeMatch[0].slice(timeMatch[1]!.length)) : undefined;
  const time = hhmm ? formatDanishTime(hhmm) : "";
  return {
    deadline: render(policy.deadlineWithDate!, { date: formatDanishDate(deadline.value), time }),
    shortDeadline: render(policy.deadlineWithDate!, {
      date: formatDanishDate(deadline.value, { weekday: false }),
      time,
    }),
  };
}

function meetingContext(
  letter: Letter,
  facts: readonly Fact[]
): Record<string, unknown> | undefined {
  const dates = facts.filter((fact) => fact.kind === "date");
  const times = facts.filter((fact) => fact.kind === "time");
  if (dates.length === 0 && times.length === 0) return undefined;
  const timeRightAfter = timesRightAfter(times);
  // The meeting date is the one with a clock time right after it, preferably in prose.
  const scores = new Map<Fact, number>();
  const score = (date: Fact) => {
    let known = scores.get(date);
    if (known === undefined) {
      known = (timeRightAfter(date) ? 2 : 0) + (inProse(letter, date) ? 1 : 0);
      scores.set(date, known);
    }
    return known;
  };
  const date = dates.reduce<Fact | undefined>(
    (best, candidate) => (!best || score(candidate) > score(best) ? candidate : best),
    undefined
  );
  const anchorBlock = date ? blockAt(letter, date.start) : blockAt(letter, times[0]!.start);
  const time =
    (date && timeRightAfter(date)) ??
    times.find((fact) => blockAt(letter, fact.start) === anchorBlock) ??
    times.find((fact) => inProse(letter, fact)) ??
    times[0];
  const place = placeContext(letter, facts, anchorBlock);
  return {
    meeting: meetingNoun(letter, anchorBlock),
    date: date ? formatDanishDate(date.value) : "",
    shortDate: date ? formatDanishDate(date.value, { weekday: false }) : "",
    time: time ? formatDanishTime(time.value) : "",
    ...place,
  };
}

/** How far after a date its clock time may start ("3. december 2026 kl. 10.00"). */
const TIME_REACH = 20;

/**
 * For a date, the first time (in the facts' order) starting within TIME_REACH characters after
 * it: a lookup by start offset, as a long letter has dozens of dates and times.
 */
function timesRightAfter(times: readonly Fact[]): (date: Fact) => Fact | undefined {
  const byStart = new Map<number, number>();
  times.forEach((time, index) => {
    if (!byStart.has(time.start)) byStart.set(time.start, index);
  });
  return (date) => {
    let first = -1;
    for (let start = date.end; start <= date.end + TIME_REACH; start++) {
      const index = byStart.get(start);
      if (index !== undefined && (first < 0 || index < first)) first = index;
    }
    return first < 0 ? undefined : times[first];
  };
}

/** "jobsamtale", "opfølgningssamtale", "møde": from the subject, the meeting's paragraph, the first paragraph. */
function meetingNoun(letter: Letter, anchorBlock: number): string {
  const subject = letter.blocks[subjectIndex(letter)];
  const firstBody = letter.blocks[firstBodyIndex(letter)];
  for (const text of [subject?.text, letter.blocks[anchorBlock]?.text, firstBody?.text]) {
    const noun = text ? meetingNounIn(text) : undefined;
    if (noun !== undefined) return noun;
  }
  return policy.meetingNoun!.default;
}

/** The meeting noun a block names, per block text: only an edited block is read anew. */
const meetingNounIn = memoByText((text) => MEETING_NOUN.exec(text)?.[1]!.toLowerCase());

type PlaceKind = "organisation" | "address" | "room" | "phone" | "digital";

function placeKind(fact: Fact): PlaceKind {
  const remote = REMOTE_MODE_BY_VALUE.get(fact.value);
  if (remote) return remote;
  if (ROOM_VALUE.test(fact.value)) return "room";
  if (/\d{4}\s/u.test(fact.value) || STREET_SUFFIX.test(fact.value.replace(/\s+\d.*$/u, "")))
    return "address";
  return "organisation";
}

/** Place facts next to each other ("Jobcenter Randers, Laksetorvet 1, 8900 Randers C") form one place. */
function placeClusters(letter: Letter, facts: readonly Fact[]): Fact[][] {
  const clusters: Fact[][] = [];
  for (const fact of facts) {
    if (fact.kind !== "place") continue;
    const current = clusters[clusters.length - 1];
    const previous = current?.[current.length - 1];
    if (previous && PLACE_JOIN.test(letter.text.slice(previous.end, fact.start)))
      current!.push(fact);
    else clusters.push([fact]);
  }
  return clusters;
}

function placeContext(
  letter: Letter,
  facts: readonly Fact[],
  anchorBlock: number
): { place: string; remote: string } {
  const clusters = placeClusters(letter, facts);
  const cluster =
    clusters.find((candidate) => blockAt(letter, candidate[0]!.start) === anchorBlock) ??
    clusters.find((candidate) => inProse(letter, candidate[0]!));
  if (!cluster) return { place: "", remote: "" };
  const first = cluster[0]!;
  const kind = placeKind(first);
  if (kind === "phone" || kind === "digital") return { place: "", remote: policy.remote![kind] };
  const physical = cluster.filter((fact) => {
    const k = placeKind(fact);
    return k !== "phone" && k !== "digital";
  });
  const preposition = policy.placePrepositions![kind];
  return { place: `${preposition} ${physical.map((fact) => fact.value).join(", ")}`, remote: "" };
}

/** The decision as a du-form sentence (without its full stop), per the frames in lead.yml. */
export function frameDecision(decision: Fact): string {
  for (const frame of DECISION_FRAMES) {
    if (frame.text && !frame.text.test(decision.text)) continue;
    if (frame.value && !frame.value.test(decision.value)) continue;
    const clause =
      frame.strip && frame.value ? decision.value.replace(frame.value, "") : decision.value;
    return render(frame.frame, { clause }).replace(/\.$/u, "");
  }
  return capitalise(decision.value);
}

/** "fra mandag den 7. december 2026": a start date written right after the decision. */
function startDate(letter: Letter, facts: readonly Fact[], decision: Fact): string {
  const block = blockAt(letter, decision.start);
  const start = facts.find(
    (fact) =>
      fact.kind === "date" &&
      fact.start >= decision.end &&
      blockAt(letter, fact.start) === block &&
      START_MARKER.test(letter.text.slice(Math.max(0, fact.start - 12), fact.start))
  );
  return start ? formatDanishDate(start.value) : "";
}
