import { Icon } from "@fluentui/react/lib/Icon";
import type { Analysis } from "../../engine/types.js";
import { isProblem, type LegalView } from "../model/legal.js";
import type { Strings } from "../strings/index.js";

export type Status = "good" | "warn" | "bad" | "neutral";

const STATUS_ICON: Record<Status, string> = {
  good: "Completed",
  warn: "Warning",
  bad: "ErrorBadge",
  neutral: "Info",
};

interface Tile {
  id: "readability" | "threat" | "essentials" | "legal";
  label: string;
  value: string;
  status: Status;
  details: string[];
  /** A short labelled list (Dato, Tid, Sted, Handling), one line per kind. */
  facts?: { kind: string; label: string; value: string }[];
  /** The headline number, for tests and the bench. */
  metric?: number;
}

/** Threat score bands: a calm letter stays under 15, over 40 reads as threatening. */
export function threatStatus(score: number): Status {
  return score <= 15 ? "good" : score <= 40 ? "warn" : "bad";
}

export function scoreTiles(analysis: Analysis, legal: readonly LegalView[], t: Strings): Tile[] {
  const { readability, threat, essentials } = analysis.scores;
  const s = t.scores;
  const tiles: Tile[] = [];

  const prose = readability.prose;
  if (!prose || prose.words === 0) {
    tiles.push({
      id: "readability",
      label: s.readability,
      value: s.noProse,
      status: "neutral",
      details: [],
    });
  } else {
    const lix = Math.round(prose.lix);
    // Shown with its decimal, as the engine bands it: 54.9 is never "55 (svær)" here and
    // "55 (meget svær)" elsewhere.
    const shown = Math.round(prose.lix * 10) / 10;
    tiles.push({
      id: "readability",
      label: s.readability,
      value: s.lixValue(shown, s.lixBands[prose.lixBand] ?? prose.lixBand),
      status: readability.meetsTarget ? "good" : lix <= readability.target + 10 ? "warn" : "bad",
      details: [s.lixTarget(readability.target, readability.meetsTarget)],
      metric: lix,
    });
  }

  const threatLevel = threatStatus(threat.score);
  tiles.push({
    id: "threat",
    label: s.threat,
    value: `${s.threatValue(Math.round(threat.score))} · ${s.threatLevel[threatLevel === "neutral" ? "good" : threatLevel]}`,
    status: threatLevel,
    details: [s.threatCount(threat.count), s.threatScale],
    metric: Math.round(threat.score),
  });

  // One line per kind, the first found of each (the place's name, not every address line).
  const facts: NonNullable<Tile["facts"]> = [];
  for (const kind of ["date", "time", "place", "action", "deadline"]) {
    const fact = essentials.facts.find((f) => f.kind === kind);
    if (fact) facts.push({ kind, label: s.factLabels[kind] ?? kind, value: fact.text });
  }
  const missing = (essentials.missingFromLead ?? []).map((kind) => s.factKinds[kind] ?? kind);
  const essentialDetails: string[] = [];
  if (facts.length === 0) essentialDetails.push(s.noFacts);
  if (missing.length > 0) essentialDetails.push(`${s.missing}: ${missing.join(", ")}`);
  // A weekday that does not fit its date: the essentials are not right yet.
  const weekdayWrong = analysis.findings.some((f) => f.ruleId === "essentials/weekday-mismatch");
  if (weekdayWrong) essentialDetails.unshift(s.weekdayWrong);
  const essentialsTile: Tile = {
    id: "essentials",
    label: s.essentials,
    value: essentials.inLead ? s.essentialsYes : s.essentialsNo,
    status: essentials.inLead ? (weekdayWrong ? "warn" : "good") : "bad",
    details: essentialDetails,
  };
  if (facts.length > 0) essentialsTile.facts = facts;
  tiles.push(essentialsTile);

  if (legal.length === 0) {
    tiles.push({ id: "legal", label: s.legal, value: s.legalNone, status: "neutral", details: [] });
  } else {
    const problems = legal.filter((block) => isProblem(block.status)).length;
    // Outdated or in the caseworker's own words: not wrong, but worth a look.
    const review = legal.some(
      (block) => block.status === "outdated" || block.status === "own-wording"
    );
    const unverified = legal.some((block) => block.status === "unverified");
    const status: Status = problems > 0 ? "bad" : review ? "warn" : unverified ? "neutral" : "good";
    tiles.push({
      id: "legal",
      label: s.legal,
      value:
        problems > 0
          ? s.legalProblems(problems)
          : review
            ? s.legalReview
            : unverified
              ? s.legalUnchecked
              : s.legalAllIntact,
      status,
      details: legal.map(
        (block) => `${block.label ?? block.title}: ${t.legal.status[block.status] ?? block.status}`
      ),
      metric: problems,
    });
  }
  return tiles;
}

export interface ScoreCardProps {
  analysis: Analysis;
  legal: readonly LegalView[];
  t: Strings;
}

/** The four scores; each says its status in words and with an icon, never by colour alone. */
export function ScoreCard({ analysis, legal, t }: ScoreCardProps) {
  const tiles = scoreTiles(analysis, legal, t);
  return (
    <section className="kb-scorecard" aria-labelledby="kb-scores-h" data-testid="scorecard">
      <h2 id="kb-scores-h" className="kb-visually-hidden">
        {t.scores.heading}
      </h2>
      <ul className="kb-tiles">
        {tiles.map((tile) => (
          <li
            key={tile.id}
            className={`kb-tile kb-status-${tile.status}`}
            data-score={tile.id}
            data-status={tile.status}
            data-metric={tile.metric ?? ""}
          >
            <Icon iconName={STATUS_ICON[tile.status]} className="kb-tile-icon" aria-hidden="true" />
            <div className="kb-tile-body">
              <span className="kb-tile-label">{tile.label}</span>
              <span className="kb-tile-value">{tile.value}</span>
              <span className="kb-tile-status">{t.scores.status[tile.status]}</span>
              {tile.facts ? (
                <dl className="kb-facts" aria-label={t.scores.found}>
                  {tile.facts.map((fact) => (
                    <div key={fact.kind} className="kb-fact" data-fact={fact.kind}>
                      <dt>{fact.label}</dt>
                      <dd>{fact.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {tile.details.map((detail) => (
                <span className="kb-tile-detail" key={detail}>
                  {detail}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
