import {
  describeChanges,
  type LegalBlockScore,
  type WordChange,
} from "../engine/rules/legal/index.js";
import type { Block } from "../engine/letter/model.js";
import type { LibraryCheckResult, TemplateCheckResult } from "./library-check.js";
import { findingCount, legalSummary } from "./library-check.js";
import { formatProblem } from "./problems.js";
import type { LegalLibraryBlock } from "./registry.js";
import { diffTexts, type DiffPart } from "./text-diff.js";

/**
 * `klarbrev templates check --html report.html`: one self-contained page (inline CSS, no scripts,
 * no external resources) that a lawyer can read without tools. In Danish: per template its
 * scores, the rendered letter with the legal blocks marked, and each block's approval and diff;
 * then the register of legal texts.
 */
export function renderHtmlReport(result: LibraryCheckResult, generatedAt: Date): string {
  const failing = result.templates.filter((template) => !template.ok).length;
  const summary =
    failing === 0
      ? `Alle ${result.templates.length} skabeloner består tjekket.`
      : `${failing} af ${result.templates.length} skabeloner består ikke tjekket.`;
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klarbrev: tjek af standardbreve</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Tjek af standardbreve og juridiske tekster</h1>
<p class="${result.ok ? "ok" : "fail"}"><strong>${esc(summary)}</strong></p>
<p class="meta">Bibliotek: ${esc(result.dir)} · Dannet ${esc(formatDanishTimestamp(generatedAt))} · Krav: LIX for brødteksten højst ${result.thresholds.lixTarget}, trusselsscore højst ${result.thresholds.maxThreat}, det vigtigste først, juridiske tekster godkendte og gældende.</p>
</header>
<nav><h2>Indhold</h2><ol>
${result.templates.map((template) => `<li><a href="#t-${esc(template.id)}">${esc(template.title || template.id)}</a> ${badge(template.ok)}</li>`).join("\n")}
<li><a href="#juridiske-tekster">Juridiske tekster</a></li>
</ol></nav>
${overviewTable(result)}
${libraryProblems(result)}
${result.templates.map((template) => templateSection(template, result.legal)).join("\n")}
${legalRegister(result.legal)}
</body>
</html>
`;
}

function overviewTable(result: LibraryCheckResult): string {
  const rows = result.templates
    .map(
      (template) =>
        `<tr><td><a href="#t-${esc(template.id)}">${esc(template.id)}</a></td><td>${esc(template.letterType ?? "-")}</td><td>${num(template.scores?.proseLix)}</td><td>${num(template.scores?.threat)}</td><td>${template.scores ? (template.scores.essentialsInLead ? "ja" : "nej") : "-"}</td><td>${esc(legalSummary(template))}</td><td>${findingCount(template)}</td><td>${badge(template.ok)}</td></tr>`
    )
    .join("\n");
  return `<section><h2>Overblik</h2><table class="overview"><thead><tr><th>Skabelon</th><th>Brevtype</th><th>LIX (brødtekst)</th><th>Trusselsscore</th><th>Det vigtigste først</th><th>Juridiske tekster</th><th>Fund (advarsler og fejl)</th><th>Resultat</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function libraryProblems(result: LibraryCheckResult): string {
  if (result.problems.length === 0) return "";
  return `<section><h2>Bemærkninger til biblioteket</h2><ul class="problems">${result.problems
    .map((problem) => `<li class="${problem.severity}">${esc(formatProblem(problem))}</li>`)
    .join("")}</ul></section>`;
}

function templateSection(
  template: TemplateCheckResult,
  legal: readonly LegalLibraryBlock[]
): string {
  const scores = template.scores;
  const scoreTable = scores
    ? `<table class="scores"><tr><th>LIX, brødtekst</th><td>${num(scores.proseLix)}</td></tr><tr><th>LIX, hele brevet</th><td>${num(scores.lix)}</td></tr><tr><th>Trusselsscore (0-100)</th><td>${num(scores.threat)}</td></tr><tr><th>Det vigtigste først</th><td>${scores.essentialsInLead ? "ja" : "nej"}</td></tr><tr><th>Brevtype (angivet / læst af Klarbrev)</th><td>${esc(template.letterType ?? "-")} / ${esc(scores.detectedType)}</td></tr></table>`
    : "";
  const failures = template.failures.length
    ? `<h4>Derfor består skabelonen ikke</h4><ul class="failures">${template.failures.map((failure) => `<li>${esc(failure)}</li>`).join("")}</ul>`
    : "";
  const problems = template.problems.length
    ? `<h4>Fejl og advarsler i skabelonfilen</h4><ul class="problems">${template.problems.map((problem) => `<li class="${problem.severity}">${esc(formatProblem(problem))}</li>`).join("")}</ul>`
    : "";
  const issues = template.legalIssues.filter(
    (issue) => !["legal/modified", "legal/unapproved", "legal/outdated"].includes(issue.ruleId)
  );
  const legalFindings = issues.length
    ? `<h4>Juridiske fund</h4><ul class="problems">${issues.map((issue) => `<li class="${issue.severity}">${esc(issue.message)}</li>`).join("")}</ul>`
    : "";
  const letter = template.letter
    ? `<h4>Brevet med eksempeldata</h4><div class="letter">${template.letter.blocks.map((block) => renderBlock(block, template, legal)).join("\n")}</div>`
    : "";
  return `<section class="template" id="t-${esc(template.id)}">
<h2>${esc(template.title || template.id)} ${badge(template.ok)}</h2>
<p class="meta">${esc(template.id)} · ${esc(template.file)}</p>
${scoreTable}${failures}${problems}${legalFindings}${letter}
</section>`;
}

function renderBlock(
  block: Block,
  template: TemplateCheckResult,
  legal: readonly LegalLibraryBlock[]
): string {
  const text = esc(block.text).replaceAll("\n", "<br>");
  if (block.kind !== "legal") {
    const tag = block.kind === "subject" ? "h3" : "p";
    return `<${tag} class="block ${block.kind}">${text}</${tag}>`;
  }
  const score =
    template.legal.find((entry) => entry.start === block.start) ??
    template.legal.find((entry) => entry.id === block.legal?.id);
  const status = score?.status ?? "unverified";
  const library = legal.find(
    (entry) => entry.entry.id === score?.id && entry.entry.version === score?.version
  );
  const approval = library?.approval
    ? `godkendt af ${esc(library.approval.approvedBy)} ${esc(library.approval.approvedAt.slice(0, 10))}${library.state === "changed" ? ", men teksten er ændret siden" : ""}`
    : "ikke godkendt";
  const body = score?.changes?.length ? markChanges(block, score.changes) : text;
  const changes = score?.changes?.length
    ? `<p class="changes">Ændret i forhold til den godkendte tekst: ${esc(describeChanges(score.changes))}</p>`
    : "";
  return `<div class="legal status-${status}"><p class="legal-head">Juridisk tekst: <strong>${esc(block.legal?.title ?? block.legal?.id ?? "")}</strong> · ${esc(block.legal?.id ?? "")} version ${esc(block.legal?.version ?? "")} · ${approval} · status: <strong>${STATUS_DA[status] ?? status}</strong></p>${changes}<p>${body}</p></div>`;
}

/** The block's text with the words that differ from the approved text marked (<ins>). */
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

const STATUS_DA: Record<LegalBlockScore["status"], string> = {
  intact: "uændret og godkendt",
  modified: "ændret",
  outdated: "forældet version",
  unapproved: "ikke godkendt",
  missing: "mangler",
  "own-wording": "med egne ord, ikke den godkendte tekst",
  unknown: "ukendt",
  unverified: "ikke kontrolleret",
};

const STATE_DA = {
  approved: "godkendt",
  changed: "ændret siden godkendelsen",
  never: "ikke godkendt",
} as const;

function legalRegister(blocks: readonly LegalLibraryBlock[]): string {
  const items = blocks
    .map((block) => {
      const entry = block.entry;
      const approval = block.approval
        ? `Godkendt af ${esc(block.approval.approvedBy)} ${esc(block.approval.approvedAt)} (sha256 ${esc(block.approval.sha256.slice(0, 16))}…)`
        : "Ingen godkendelse";
      const diff =
        block.state === "changed" && block.approval
          ? `<p>Ændringer siden godkendelsen:</p><p class="diff">${diffHtml(diffTexts(block.approval.text, block.source.text).parts)}</p>`
          : "";
      const problems = block.problems.length
        ? `<ul class="problems">${block.problems.map((problem) => `<li class="${problem.severity}">${esc(formatProblem(problem))}</li>`).join("")}</ul>`
        : "";
      return `<div class="register-entry state-${block.state}" id="l-${esc(entry.id)}-${esc(entry.version)}">
<h3>${esc(entry.title)} <span class="meta">${esc(entry.id)} version ${esc(entry.version)}${entry.current ? " (gældende)" : " (gammel version)"}</span></h3>
<table class="scores"><tr><th>Retsgrundlag</th><td>${esc(entry.legalBasis.join("; "))}</td></tr><tr><th>Krævet i</th><td>${esc(entry.requiredFor.join(", ") || "-")}${entry.group ? ` (gruppe: ${esc(entry.group)})` : ""}</td></tr><tr><th>Godkendelse</th><td>${STATE_DA[block.state]}. ${approval}</td></tr><tr><th>Fil</th><td>${esc(block.source.file)}</td></tr></table>
${problems}${diff}<pre class="legal-text">${esc(block.source.text)}</pre>
</div>`;
    })
    .join("\n");
  return `<section id="juridiske-tekster"><h2>Juridiske tekster</h2><p>Felter i {{ }} udfyldes i hvert brev, for eksempel klagefristen.</p>${items}</section>`;
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
  return value === undefined ? "-" : String(Math.round(value * 10) / 10).replace(".", ",");
}

function formatDanishTimestamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getDate()}.${date.getMonth() + 1}.${date.getFullYear()} kl. ${pad(date.getHours())}.${pad(date.getMinutes())}`;
}

export function esc(text: string): string {
  return text.replace(
    /[&<>"']/gu,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!
  );
}

const CSS = `
body{font:16px/1.5 Georgia,'Times New Roman',serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3,h4{font-family:Arial,Helvetica,sans-serif;line-height:1.25}
h2{border-top:2px solid #ccc;padding-top:1rem;margin-top:2.5rem}
.meta{color:#555;font-size:.9rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-family:Arial,Helvetica,sans-serif;font-size:.9rem}
.badge{font-family:Arial,Helvetica,sans-serif;font-size:.8rem;padding:.1rem .5rem;border-radius:.6rem;white-space:nowrap}
.badge.ok,p.ok{color:#0a5d1d}.badge.ok{background:#d8f0dc}.badge.fail{background:#fbdcdc;color:#8a1010}p.fail{color:#8a1010}
.letter{border:1px solid #999;padding:1.5rem 2rem;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.15)}
.block.subject{font-size:1.2rem}
.legal{border-left:6px solid #0a5d1d;background:#f2f8f3;padding:.5rem 1rem;margin:1rem 0}
.legal.status-modified,.legal.status-unapproved,.legal.status-unknown{border-color:#b00;background:#fdf1f1}
.legal.status-outdated,.legal.status-unverified{border-color:#b36b00;background:#fff7e8}
.legal-head{font-family:Arial,Helvetica,sans-serif;font-size:.85rem;color:#333;margin:0 0 .5rem}
.changes{font-family:Arial,Helvetica,sans-serif;font-size:.9rem;color:#8a1010}
del{background:#fbdcdc;color:#8a1010}ins{background:#d8f0dc;color:#0a5d1d;text-decoration:underline}
.problems li.error,.failures li{color:#8a1010}.problems li.warning{color:#7a4a00}
.register-entry{margin:1.5rem 0}.register-entry.state-changed,.register-entry.state-never{border-left:6px solid #b00;padding-left:1rem}
pre.legal-text{white-space:pre-wrap;font:inherit;background:#f7f7f7;padding:.75rem;border:1px solid #ddd}
.diff{background:#f7f7f7;padding:.75rem;border:1px solid #ddd}
@media print{nav{display:none}.template{break-before:page}}
`;
