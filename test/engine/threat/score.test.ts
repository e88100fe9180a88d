import fc from "fast-check";
import type { Root } from "nlcst";
import { unified } from "unified";
import { VFile } from "vfile";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { retextDanishSentences } from "../../../src/engine/nlcst/danish-sentences.js";
import { retextLetter } from "../../../src/engine/nlcst/letter-parser.js";
import { retextLanguage } from "../../../src/engine/rules/language/detect.js";
import { threatPreset } from "../../../src/engine/rules/threat/index.js";
import { positionFactor } from "../../../src/engine/rules/threat/score.js";
import type { Fact, ThreatScores } from "../../../src/engine/types.js";
import { analyse, letterText, threatFindings } from "./helpers.js";
import { analyzeText } from "../../../src/engine/analyze.js";

const MEETING =
  "Du skal til samtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers, lokale 2.14.";
const TOPIC =
  "Vi skal tale om, hvordan det går med at søge job, og om vi kan hjælpe dig med noget.";
const BRING = "Tag gerne en liste med over de job, du har søgt siden sidst.";
const CALL = "Kan du ikke komme? Ring til os på 89 15 10 00, så finder vi en ny tid.";
const THREAT = "Hvis du udebliver fra samtalen uden rimelig grund, trækkes du i hjælp.";
const THREAT_2 = "Gentagne udeblivelser kan medføre en skærpet rådighedssanktion.";
const WARNING = "Vi gør opmærksom på, at du kan tage en bisidder med.";

const score = (body: string[], after: string[] = []) => analyse(body, after).scores.threat.score;

describe("threat score", () => {
  test("a calm letter scores 0-10", () => {
    const { threat } = analyse([MEETING, TOPIC, BRING, CALL]).scores;
    expect(threat.score).toBeLessThanOrEqual(10);
    expect(threat.count).toBe(0);
    expect(threat.bySeverity).toEqual({ threat: 0, warning: 0, obligation: 0 });
  });

  test("a threat in the lead weighs more than the same threat at the end", () => {
    const inLead = score([THREAT, MEETING, TOPIC, BRING]);
    const atEnd = score([MEETING, TOPIC, BRING, THREAT]);
    expect(inLead).toBeGreaterThan(atEnd);
    expect(atEnd).toBeGreaterThan(0);
  });

  test("a threat after the signature weighs less than one in the body", () => {
    expect(score([MEETING, TOPIC], [THREAT])).toBeLessThan(score([MEETING, TOPIC, THREAT]));
  });

  test("two threats score more than one", () => {
    expect(score([MEETING, TOPIC, THREAT, THREAT_2])).toBeGreaterThan(
      score([MEETING, TOPIC, THREAT])
    );
  });

  test("a sanction threat weighs more than a warning in the same place", () => {
    expect(score([MEETING, THREAT])).toBeGreaterThan(score([MEETING, WARNING]));
  });

  test("counts by severity; score and counts in file.data.threat", () => {
    const { threat } = analyse([
      `VIGTIGT: ${THREAT}`,
      MEETING,
      "Du har pligt til at møde op.",
    ]).scores;
    expect(threat.bySeverity).toEqual({ threat: 1, warning: 1, obligation: 1 });
    expect(threat.count).toBe(3);
    expect(threat.score).toBeGreaterThanOrEqual(60);
  });

  test("an English letter is scored by the English branch of threat/sanction (issue 8 §5)", () => {
    const analysis = analyzeText(
      "Jobcenter Randers\n\nMeeting on Thursday\n\nYou are invited to a meeting on Thursday 3 December 2026 at 9.15 at Jobcenter Randers. If you do not attend without a good reason, your benefits will be reduced.\n\nKind regards\n\nBirgitte Holm"
    );
    expect(analysis.language).toBe("en");
    expect(threatFindings(analysis).map((finding) => finding.ruleId)).toEqual(["threat/sanction"]);
    expect(analysis.scores.threat.count).toBe(1);
    expect(analysis.scores.threat.bySeverity).toEqual({ threat: 1, warning: 0, obligation: 0 });
    expect(analysis.scores.threat.score).toBeGreaterThan(0);
  });

  test("the position factor never rises later in the letter", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fc.nat(2000), fc.nat(3000), (a, b, early, length) => {
        const zones = { early, closing: early + length };
        const [first, second] = a <= b ? [a, b] : [b, a];
        expect(positionFactor(first, zones)).toBeGreaterThanOrEqual(positionFactor(second, zones));
      })
    );
  });

  test("adding a threat never lowers the score (property)", () => {
    const pool = [
      MEETING,
      TOPIC,
      BRING,
      CALL,
      THREAT,
      THREAT_2,
      WARNING,
      "VIGTIGT: Husk dit CV!",
      "Du har pligt til at søge job, jf. § 13 i lov om aktiv socialpolitik.",
    ];
    const threats = [THREAT, THREAT_2, WARNING, "Det bemærkes, at du SKAL komme."];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...threats),
        (body, extra) => {
          expect(score([...body, extra])).toBeGreaterThanOrEqual(score(body));
        }
      ),
      { numRuns: 40 }
    );
  });
});

describe("threat score and the essentials", () => {
  /** Run only our family, with essentials facts injected as the essentials family would set them. */
  function threatScore(text: string, facts: (letterText: string) => Fact[]): ThreatScores {
    const file = new VFile({ value: text });
    file.data.letter = classifyText(text);
    file.data.options = { lixTarget: 35 };
    const processor = unified()
      .use(retextLetter)
      .use(retextDanishSentences)
      .use(retextLanguage)
      .use(() => (_tree: Root, vfile: VFile) => {
        vfile.data.essentials = { inLead: false, facts: facts(text) };
      })
      .use(threatPreset);
    const tree = processor.parse(file);
    processor.runSync(tree, file);
    return file.data.threat!;
  }

  const dateFact = (text: string): Fact[] => {
    const start = text.indexOf("torsdag den 3. december 2026");
    return [
      {
        kind: "date",
        text: "torsdag den 3. december 2026",
        value: "2026-12-03",
        start,
        end: start + 28,
      },
    ];
  };

  test("a threat before the essentials paragraph weighs as much as one in the lead", () => {
    const beforeEssentials = threatScore(letterText([TOPIC, THREAT, MEETING, BRING]), dateFact);
    const inLead = threatScore(letterText([THREAT, TOPIC, MEETING, BRING]), dateFact);
    const afterEssentials = threatScore(letterText([TOPIC, MEETING, THREAT, BRING]), dateFact);
    expect(beforeEssentials.score).toBe(inLead.score);
    expect(beforeEssentials.score).toBeGreaterThan(afterEssentials.score);
  });

  test("without facts (essentials still empty) the lead is the early zone", () => {
    const none = () => [];
    const inLead = threatScore(letterText([THREAT, TOPIC, MEETING, BRING]), none);
    const second = threatScore(letterText([TOPIC, THREAT, MEETING, BRING]), none);
    expect(inLead.score).toBeGreaterThan(second.score);
  });
});
