import { describeChanges, type WordChange } from "../engine/rules/legal/index.js";
import type { Block } from "../engine/letter/model.js";
import type { Severity } from "../engine/index.js";
import { lixHistogram, threatBars, versionBars } from "./html-charts.js";
import {
  approvalView,
  danishTimestamp,
  legalBlockViews,
  officialeseCounts,
  type LegalBlockView,
} from "./html-dashboard-data.js";
import { esc } from "./html-escape.js";
import { cspHash, SORT_SCRIPT } from "./html-sort-script.js";
import type { LibraryCheckResult, TemplateCheckResult } from "./library-check.js";
import { danishNumber, findingCount, LEGAL_STATUS_DA, legalSummaryDa } from "./library-check.js";
import { formatProblem } from "./problems.js";
import type { LegalLibraryBlock } from "./registry.js";
import type { DiffPart } from "./text-diff.js";

export { esc } from "./html-escape.js";

/**
 * `klarbrev templates check --html rapport.html`: the legal staff's library dashboard, in Danish.
 * One self-contained file (inline CSS, SVG and one small sorting script allowed by hash in its
 * own Content-Security-Policy; no remote resources): a sortable table of all templates, charts
 * (LIX, threat scores, legal block versions in use), the most frequent officialese, every
 * template's findings and rendered letter, and per legal block who uses it and what changed
 * between its versions, as a word diff.
 */
export function renderHtmlReport(result: LibraryCheckResult, generatedAt: Date): string {
  const failing = result.templates.filter((template) => !template.ok).length;
  const summary =
    failing === 0
      ? `Alle ${result.templates.length} skabeloner består tjekket.`
      : `${failing} af ${result.templates.length} skabeloner består ikke tjekket.`;
  const blocks = legalBlockViews(result);
  const drafts = result.legal.filter((block) => approvalView(block.approval)?.draft);
  const draftNotice = drafts.length
    ? `<p class="notice" role="note"><strong>${drafts.length} af ${result.legal.length} juridiske tekster er kun udkast</strong> og ${esc(
        approvalView(drafts[0]!.approval)!
          .text.replace(/^udkast: /u, "")
          .replace(/ \(.*$/u, "")
      )}, før brevene bruges. Et udkast er ikke en godkendelse.</p>`
    : "";
  const body = `<header>
<h1>Standardbreve og juridiske tekster</h1>
<p class="${result.ok ? "ok" : "fail"}"><strong>${esc(summary)}</strong></p>
${draftNotice}
<p class="meta">Bibliotek: ${esc(result.dir)} · Dannet ${esc(danishTimestamp(generatedAt))} · Krav: LIX for brødteksten højst ${result.thresholds.lixTarget}, trusselsscore højst ${result.thresholds.maxThreat}, det vigtigste først, juridiske tekster godkendte og gældende.</p>
</header>
<nav aria-label="Indhold"><h2>Indhold</h2><ol>
<li><a href="#overblik">Alle skabeloner</a></li>
<li><a href="#diagrammer">Diagrammer</a></li>
<li><a href="#kancellisprog">Hyppigste kancellisprog</a></li>
<li><a href="#skabeloner-enkeltvis">Skabelonerne enkeltvis</a></li>
<li><a href="#juridiske-tekster">Juridiske tekster</a></li>
</ol></nav>
<main>
${overviewTable(result)}
${charts(result, blocks)}
${officialeseSection(result)}
${libraryProblems(result)}
<section id="skabeloner-enkeltvis" aria-labelledby="skabeloner-enkeltvis-h"><h2 id="skabeloner-enkeltvis-h">Skabelonerne enkeltvis</h2>
${result.templates.map((template) => templateSection(template, result.legal)).join("\n")}
</section>
${legalRegister(blocks)}
</main>`;
  const policy = [
    "default-src 'none'",
    `style-src ${cspHash(CSS)}`,
    `script-src ${cspHash(SORT_SCRIPT)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klarbrev: standardbreve og juridiske tekster</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}

const COLUMNS: readonly { label: string; type: "text" | "number" }[] = [
  { label: "Skabelon", type: "text" },
  { label: "Brevtype", type: "text" },
  { label: "Resultat", type: "text" },
  { label: "LIX", type: "number" },
  { label: "Trusselsscore", type: "number" },
  { label: "Vigtigst først", type: "text" },
  { label: "Juridiske tekster", type: "text" },
  { label: "Fund", type: "number" },
];

function overviewTable(result: LibraryCheckResult): string {
  const head = COLUMNS.map(
    (column) =>
      `<th scope="col" data-type="${column.type}"><button type="button">${column.label}</button></th>`
  ).join("");
  const rows = result.templates
    .map((template) => {
      const scores = template.scores;
      const cells = [
        `<th scope="row" data-sort="${esc(template.title || template.id)}"><a href="#t-${esc(template.id)}">${esc(template.title || template.id)}</a><br><span class="meta">${esc(template.id)}</span></th>`,
        `<td>${esc(template.letterType ?? "-")}</td>`,
        `<td data-sort="${template.ok ? "1" : "0"}">${badge(template.ok)}</td>`,
        `<td class="number" data-sort="${scores ? scores.proseLix : ""}">${num(scores?.proseLix)}</td>`,
        `<td class="number" data-sort="${scores ? scores.threat : ""}">${num(scores?.threat)}</td>`,
        `<td>${scores ? (scores.essentialsInLead ? "ja" : "nej") : "-"}</td>`,
        `<td>${esc(legalSummaryDa(template))}</td>`,
        `<td class="number">${findingCount(template)}</td>`,
      ];
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<section id="overblik" aria-labelledby="overblik-h"><h2 id="overblik-h">Alle skabeloner</h2>
<p>Vælg en kolonneoverskrift for at sortere tabellen; vælg den igen for at vende rækkefølgen.</p>
<div class="scroll"><table id="skabeloner"><caption>${result.templates.length} skabeloner: resultat, LIX for brødteksten, trusselsscore (0-100, højere er mere truende), om det vigtigste står først, juridiske tekster og antal fund (advarsler og fejl)</caption><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></div>
<p id="sortering-status" class="meta" role="status" aria-live="polite"></p>
</section>`;
}

function charts(result: LibraryCheckResult, blocks: readonly LegalBlockView[]): string {
  const scored = result.templates.filter((template) => template.scores);
  const lix = scored.map((template) => ({
    label: template.title || template.id,
    lix: template.scores!.proseLix,
  }));
  const threat = scored.map((template) => ({
    label: template.title || template.id,
    score: template.scores!.threat,
  }));
  const versions = blocks.map((block) => ({
    label: block.title,
    current: block.currentUsers.length,
    outdated: block.outdatedUsers.length,
  }));
  const outdatedList = blocks
    .filter((block) => block.outdatedUsers.length > 0)
    .map(
      (block) =>
        `<li><a href="#l-${esc(block.id)}">${esc(block.title)}</a>: ${block.outdatedUsers.map((template) => `<a href="#t-${esc(template.id)}">${esc(template.title || template.id)}</a>`).join(", ")}</li>`
    )
    .join("");
  const numbers = (caption: string, header: string[], rows: string[][]) =>
    `<details><summary>Vis tallene: ${esc(caption)}</summary><table><thead><tr>${header.map((cell) => `<th scope="col">${esc(cell)}</th>`).join("")}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${esc(cell)}</td>`).join("")}</tr>`).join("")}</tbody></table></details>`;
  return `<section id="diagrammer" aria-labelledby="diagrammer-h"><h2 id="diagrammer-h">Diagrammer</h2>
<figure><figcaption><h3>LIX for brødteksten</h3></figcaption>${lixHistogram(lix, result.thresholds.lixTarget)}
${numbers(
  "LIX pr. skabelon",
  ["Skabelon", "LIX"],
  lix.map((row) => [row.label, danishNumber(row.lix)])
)}</figure>
<figure><figcaption><h3>Trusselsscore</h3></figcaption>${threatBars(threat, result.thresholds.maxThreat)}
${numbers(
  "trusselsscore pr. skabelon",
  ["Skabelon", "Trusselsscore"],
  threat.map((row) => [row.label, danishNumber(row.score)])
)}</figure>
<figure><figcaption><h3>Juridiske tekster: gældende og forældede versioner i brug</h3></figcaption>${versionBars(versions)}
${outdatedList ? `<p>Skabeloner med en forældet version:</p><ul>${outdatedList}</ul>` : "<p>Ingen skabelon bruger en forældet version.</p>"}</figure>
</section>`;
}

function officialeseSection(result: LibraryCheckResult): string {
  const rows = officialeseCounts(result);
  const content = rows.length
    ? `<table><caption>Kancellisprog i alle skabeloner, det hyppigste først</caption><thead><tr><th scope="col">Ord</th><th scope="col">Skriv i stedet</th><th scope="col">Antal</th><th scope="col">Skabeloner</th></tr></thead><tbody>${rows
        .slice(0, 25)
        .map(
          (row) =>
            `<tr><td>»${esc(row.phrase)}«</td><td>${row.suggestion ? `»${esc(row.suggestion)}«` : "-"}</td><td class="number">${row.count}</td><td>${row.templates.map((id) => `<a href="#t-${esc(id)}">${esc(id)}</a>`).join(", ")}</td></tr>`
        )
        .join("")}</tbody></table>`
    : "<p>Ingen kancellisprog i skabelonerne.</p>";
  return `<section id="kancellisprog" aria-labelledby="kancellisprog-h"><h2 id="kancellisprog-h">Hyppigste kancellisprog</h2>${content}</section>`;
}

function libraryProblems(result: LibraryCheckResult): string {
  if (result.problems.length === 0) return "";
  return `<section aria-labelledby="bemaerkninger-h"><h2 id="bemaerkninger-h">Bemærkninger til biblioteket</h2><ul class="problems">${result.problems
    .map((problem) => `<li class="${problem.severity}">${esc(formatProblem(problem))}</li>`)
    .join("")}</ul></section>`;
}

const SEVERITY_DA: Record<Severity, string> = { error: "Fejl", warning: "Advarsel", info: "Info" };

function templateSection(
  template: TemplateCheckResult,
  legal: readonly LegalLibraryBlock[]
): string {
  const scores = template.scores;
  const scoreTable = scores
    ? `<table class="scores"><tbody><tr><th scope="row">LIX, brødtekst</th><td>${num(scores.proseLix)}</td></tr><tr><th scope="row">LIX, hele brevet</th><td>${num(scores.lix)}</td></tr><tr><th scope="row">Trusselsscore (0-100)</th><td>${num(scores.threat)}</td></tr><tr><th scope="row">Det vigtigste først</th><td>${scores.essentialsInLead ? "ja" : "nej"}</td></tr><tr><th scope="row">Brevtype (angivet / læst af Klarbrev)</th><td>${esc(template.letterType ?? "-")} / ${esc(scores.detectedType)}</td></tr></tbody></table>`
    : "";
  const failures = template.failuresDa.length
    ? `<h4>Derfor består skabelonen ikke</h4><ul class="failures">${template.failuresDa.map((failure) => `<li>${esc(failure)}</li>`).join("")}</ul>`
    : "";
  const problems = template.problems.length
    ? `<h4>Fejl og advarsler i skabelonfilen</h4><ul class="problems">${template.problems.map((problem) => `<li class="${problem.severity}">${esc(formatProblem(problem))}</li>`).join("")}</ul>`
    : "";
  const issues = template.legalIssues.filter(
    (issue) => !["legal/modified", "legal/unapproved", "legal/outdated"].includes(issue.ruleId)
  );
  const findings = [
    ...issues.map((issue) => ({
      severity: issue.severity,
      message: issue.message,
      ruleId: issue.ruleId,
    })),
    ...template.findings,
  ];
  const findingList = findings.length
    ? `<details${findings.some((finding) => finding.severity !== "info") ? " open" : ""}><summary>Fund (${findings.length})</summary><ul class="findings">${findings
        .map(
          (finding) =>
            `<li class="${finding.severity}"><span class="severity">${SEVERITY_DA[finding.severity]}</span> ${esc(finding.message)} <span class="meta">${esc(finding.ruleId)}</span></li>`
        )
        .join("")}</ul></details>`
    : `<p>Ingen fund.</p>`;
  const letter = template.letter
    ? `<details><summary>Brevet med eksempeldata</summary><div class="letter">${template.letter.blocks.map((block) => renderBlock(block, template, legal)).join("\n")}</div></details>`
    : "";
  return `<section class="template" id="t-${esc(template.id)}" aria-labelledby="t-${esc(template.id)}-h">
<h3 id="t-${esc(template.id)}-h">${esc(template.title || template.id)} ${badge(template.ok)}</h3>
<p class="meta">${esc(template.id)} · ${esc(template.file)}</p>
${scoreTable}${failures}${problems}<h4>Fund</h4>${findingList}${letter}
</section>`;
}

function renderBlock(
  block: Block,
  template: TemplateCheckResult,
  legal: readonly LegalLibraryBlock[]
): string {
  const text = esc(block.text).replaceAll("\n", "<br>");
  if (block.kind !== "legal") {
    return block.kind === "subject"
      ? `<p class="block subject"><strong>${text}</strong></p>`
      : `<p class="block ${block.kind}">${text}</p>`;
  }
  const score =
    template.legal.find((entry) => entry.start === block.start) ??
    template.legal.find((entry) => entry.id === block.legal?.id);
  const status = score?.status ?? "unverified";
  const library = legal.find(
    (entry) => entry.entry.id === score?.id && entry.entry.version === score?.version
  );
  const view = approvalView(library?.approval);
  const approval = view
    ? `${esc(view.text)}${library?.state === "changed" ? ", men teksten er ændret siden" : ""}`
    : "ikke godkendt";
  const body = score?.changes?.length ? markChanges(block, score.changes) : text;
  const changes = score?.changes?.length
    ? `<p class="changes">Ændret i forhold til den godkendte tekst: ${esc(describeChanges(score.changes))}</p>`
    : "";
  const statusText =
    status === "intact" && view?.draft ? "uændret i forhold til udkastet" : LEGAL_STATUS_DA[status];
  return `<div class="legal status-${status}"><p class="legal-head">Juridisk tekst: <strong>${esc(block.legal?.title ?? block.legal?.id ?? "")}</strong> · version ${esc(block.legal?.version ?? "")} · ${approval} · status: <strong>${esc(statusText)}</strong></p>${changes}<p>${body}</p></div>`;
}

/** The block's text with the words that differ from the approved text marked. */
function markChanges(block: Block, changes: readonly WordChange[]): string {
  let out = "";
  let at = block.start;
  for (const change of [...changes].sort((a, b) => a.start - b.start)) {
    if (change.start < at) continue;
    out += esc(block.text.slice(at - block.start, change.start - block.start));
    if (change.removed) out += `<del>${esc(change.removed)}</del>`;
    if (change.end > change.start)
      out += `<ins>${esc(block.text.slice(change.start - block.start, change.end - block.start))}</ins>`;
    at = change.end;
  }
  out += esc(block.text.slice(at - block.start));
  return out.replaceAll("\n", "<br>");
}

const STATE_DA = {
  approved: "godkendt",
  changed: "ændret siden godkendelsen",
  never: "ikke godkendt",
} as const;

function legalRegister(blocks: readonly LegalBlockView[]): string {
  const items = blocks
    .map((view) => {
      const versions = view.versions
        .map((version, index) => {
          const block = version.block;
          const entry = block.entry;
          const approval = approvalView(block.approval);
          const state =
            block.state === "approved" && approval?.draft
              ? esc(approval.text)
              : `${STATE_DA[block.state]}${approval ? ` (${esc(approval.text)})` : ""}`;
          const users = version.usedBy.length
            ? `<ul>${version.usedBy.map((use) => `<li><a href="#t-${esc(use.template.id)}">${esc(use.template.title || use.template.id)}</a>: ${esc(LEGAL_STATUS_DA[use.status as keyof typeof LEGAL_STATUS_DA] ?? use.status)}</li>`).join("")}</ul>`
            : "<p>Ingen skabeloner.</p>";
          const changed =
            block.state === "changed" && block.approval
              ? `<p>Ændringer siden godkendelsen:</p><p class="diff">${diffHtml(diffFromApproval(block))}</p>`
              : "";
          const problems = block.problems.length
            ? `<ul class="problems">${block.problems.map((problem) => `<li class="${problem.severity}">${esc(formatProblem(problem))}</li>`).join("")}</ul>`
            : "";
          // The newest version's text in full; each older one only as its word diff to the next.
          const text =
            index === 0
              ? `<details><summary>Teksten (version ${esc(entry.version)})</summary><pre class="legal-text">${esc(block.source.text)}</pre></details>`
              : version.diffToNext
                ? `<p>Forskel fra version ${esc(entry.version)} til version ${esc(version.diffToNext.to)} (<del>fjernet</del>, <ins>tilføjet</ins>):</p><p class="diff">${diffHtml(version.diffToNext.parts)}</p>`
                : "";
          return `<div class="register-entry state-${block.state}" id="l-${esc(entry.id)}-${esc(entry.version)}">
<h4>Version ${esc(entry.version)}${entry.current ? " (gældende)" : " (forældet)"}</h4>
<table class="scores"><tbody><tr><th scope="row">Retsgrundlag</th><td>${esc(entry.legalBasis.join("; "))}</td></tr><tr><th scope="row">Krævet i</th><td>${esc(entry.requiredFor.join(", ") || "-")}${entry.group ? ` (gruppe: ${esc(entry.group)})` : ""}</td></tr><tr><th scope="row">Godkendelse</th><td>${state}</td></tr><tr><th scope="row">Fil</th><td>${esc(block.source.file)}</td></tr></tbody></table>
<p>Bruges i:</p>${users}
${problems}${changed}${text}
</div>`;
        })
        .join("\n");
      return `<section class="legal-block" id="l-${esc(view.id)}" aria-labelledby="l-${esc(view.id)}-h"><h3 id="l-${esc(view.id)}-h">${esc(view.title)} <span class="meta">${esc(view.id)}</span></h3>
${versions}
</section>`;
    })
    .join("\n");
  return `<section id="juridiske-tekster" aria-labelledby="juridiske-tekster-h"><h2 id="juridiske-tekster-h">Juridiske tekster</h2><p>Felter i {{ }} udfyldes i hvert brev, for eksempel klagefristen.</p>${items}</section>`;
}

function diffFromApproval(block: LegalLibraryBlock): DiffPart[] {
  return block.changes.length
    ? block.changes.flatMap((hunk) => [
        ...(hunk.removed ? [{ value: `${hunk.removed} `, added: false, removed: true }] : []),
        ...(hunk.added ? [{ value: `${hunk.added} `, added: true, removed: false }] : []),
        { value: "… ", added: false, removed: false },
      ])
    : [];
}

function diffHtml(parts: readonly DiffPart[]): string {
  return parts
    .map((part) =>
      part.removed
        ? `<del>${esc(part.value)}</del>`
        : part.added
          ? `<ins>${esc(part.value)}</ins>`
          : esc(part.value)
    )
    .join("");
}

function badge(ok: boolean): string {
  return ok
    ? '<span class="badge ok">består</span>'
    : '<span class="badge fail">består ikke</span>';
}

function num(value: number | undefined): string {
  return value === undefined ? "-" : danishNumber(value);
}

/** One typeface for everything (issue 11 §5); colours with AA contrast; print without the nav. */
const CSS = `
:root{--ink:#1b1b1b;--muted:#4d4d4d;--line:#c8c8c8;--bad:#8a1010;--good:#0a5d1d;--warn:#6e4200}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.5;color:var(--ink);max-width:72rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3,h4{line-height:1.25}
h2{border-top:2px solid var(--line);padding-top:1rem;margin-top:2.5rem}
.meta{color:var(--muted);font-size:.9rem}
.notice{border-left:6px solid var(--warn);background:#fff4e0;padding:.5rem 1rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th,tbody th{background:#f3f3f3;font-size:.95rem}tbody th{font-weight:normal}tbody th a{font-weight:600}
td.number{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);padding:.25rem 0}
.scroll{overflow-x:auto}
#skabeloner th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:var(--ink);cursor:pointer;text-align:left}
#skabeloner th button::after{content:" \\2195";color:var(--muted)}
#skabeloner th[aria-sort=ascending] button::after{content:" \\2191"}
#skabeloner th[aria-sort=descending] button::after{content:" \\2193"}
#skabeloner th button:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.badge{font-size:.8rem;padding:.1rem .5rem;border-radius:.6rem;white-space:nowrap;font-weight:600}
.badge.ok,p.ok{color:var(--good)}.badge.ok{background:#d8f0dc}.badge.fail{background:#fbdcdc;color:var(--bad)}p.fail{color:var(--bad)}
figure{margin:1.5rem 0}figcaption h3{margin:0 0 .5rem}svg.chart{max-width:100%;height:auto;display:block}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
.letter{border:1px solid #999;padding:1.5rem 2rem;background:#fff}
.legal{border-left:6px solid var(--good);background:#f2f8f3;padding:.5rem 1rem;margin:1rem 0}
.legal.status-modified,.legal.status-unapproved,.legal.status-unknown{border-color:#b00;background:#fdf1f1}
.legal.status-outdated,.legal.status-unverified{border-color:#b36b00;background:#fff7e8}
.legal-head{font-size:.9rem;margin:0 0 .5rem}
.changes{font-size:.9rem;color:var(--bad)}
del{background:#fbdcdc;color:var(--bad);text-decoration:line-through}ins{background:#d8f0dc;color:var(--good);text-decoration:underline}
.problems li.error,.failures li,.findings li.error{color:var(--bad)}.problems li.warning,.findings li.warning{color:var(--warn)}
.findings .severity{font-weight:600}
.legal-block{margin:2rem 0}.register-entry{margin:1rem 0 1.5rem 0}.register-entry.state-changed,.register-entry.state-never{border-left:6px solid #b00;padding-left:1rem}
pre.legal-text{white-space:pre-wrap;font:inherit;background:#f7f7f7;padding:.75rem;border:1px solid #ddd}
.diff{background:#f7f7f7;padding:.75rem;border:1px solid #ddd}
nav h2{border:0;margin:1rem 0 .25rem;padding:0;font-size:1rem}nav ol{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0;padding-left:1.25rem}
@media print{nav{display:none}.template{break-before:page}details{display:block}}
`;
