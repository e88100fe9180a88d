import { readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/analyze.js";
import type { LegalRegistryEntry } from "../../../src/engine/rules/legal/index.js";
import type { Analysis, AnalyzeOptions } from "../../../src/engine/types.js";
import { loadLegalRegistry, loadLibrary } from "../../../src/templates/library.js";
import { LETTERS, runCli } from "../../cli/helpers.js";

/**
 * The legal family in an English UI: every legal/* finding of a Danish letter has an English
 * message that names the guidance by its English title (front matter titleEn), while the letter,
 * the guidance and the law names stay Danish.
 */

let registry: LegalRegistryEntry[];
beforeAll(async () => {
  registry = (await loadLegalRegistry("templates")).registry;
});

const fixture = (name: string) => readFileSync(`${LETTERS}/${name}`, "utf8");
const block = (name: string) =>
  readFileSync(`templates/legal/${name}`, "utf8").replace(/^---[\s\S]*?---\n/u, "");

function analyse(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeText(text, { legal: { registry }, messageLanguage: "en", ...options });
}

function legalMessages(analysis: Analysis, ruleId: string): string[] {
  return analysis.findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

/** Words only Danish messages use: an English message must have none outside its quotes. */
const DANISH_MESSAGE_WORDS =
  /\b(?:Brevet|mangler|Vejledningen|Teksten|godkendt|ikke|Den juridiske)\b/u;
const outsideQuotes = (message: string) => message.replace(/“[^”]*”|"[^"]*"|»[^«]*«/gu, "");

const SUMMONS = "Du skal til samtale tirsdag den 8. december 2026 kl. 10.00 i Jobcenter Nord.";

function marked(id: string, version: string, text: string): string {
  return `${SUMMONS}\n\n<!-- klarbrev:legal id="${id}" version="${version}" -->\n${text.trim()}\n<!-- /klarbrev:legal -->\n\nMed venlig hilsen\n\nJobcenter Nord\n`;
}

describe("English legal titles as data next to the Danish ones", () => {
  test("every shipped guidance block has an English title, and adding it left every approval valid", async () => {
    const library = await loadLibrary("templates");
    expect(library.problems).toEqual([]);
    for (const entry of registry) {
      expect(entry.titleEn).toMatch(/^[A-Z][a-z]/u);
      expect(entry.titleEn).not.toBe(entry.title);
      // The approval hash covers the wording below the front matter only.
      expect({ id: entry.id, version: entry.version, approved: entry.approved }).toEqual({
        id: entry.id,
        version: entry.version,
        approved: true,
      });
    }
  });
});

describe("every legal/* finding has an English message in an English UI", () => {
  test("legal/missing names the guidance for the letter's benefit by its English title", () => {
    const analysis = analyse(fixture("indkaldelse-foer.txt"));
    expect(legalMessages(analysis, "legal/missing")).toEqual([
      "The letter is a summons and lacks the required guidance “Your rights and duties” (aktivloven §§ 35-36).",
    ]);
    // The same letter in a Danish UI keeps the Danish message.
    const danish = analyzeText(fixture("indkaldelse-foer.txt"), { legal: { registry } });
    expect(legalMessages(danish, "legal/missing")[0]).toMatch(
      /^Brevet er en indkaldelse og mangler/u
    );
  });

  test("legal/sanction-incomplete says which of the three parts is missing", () => {
    const [message] = legalMessages(
      analyse(fixture("indkaldelse-foer.txt")),
      "legal/sanction-incomplete"
    );
    expect(message).toMatch(
      /^The letter mentions a sanction, but does not say how the citizen gets the help back\./u
    );
  });

  test("legal/modified names the changed words, in Danish, inside an English sentence", () => {
    const text = block("sanktioner-ved-udeblivelse.v2.md").replace(
      "får du et fradrag i din hjælp",
      "mister du din hjælp"
    );
    const [message] = legalMessages(
      analyse(marked("sanktioner-ved-udeblivelse", "2", text)),
      "legal/modified"
    );
    expect(message).toMatch(
      /^The legal text “Your rights and duties” \(sanktioner-ved-udeblivelse, version 2\) differs from the approved text: .*“mister”.*\. Use the approved text unchanged\.$/u
    );
  });

  test("legal/outdated points at the current version", () => {
    const [message] = legalMessages(
      analyse(marked("sanktioner-ved-udeblivelse", "1", block("sanktioner-ved-udeblivelse.v1.md"))),
      "legal/outdated"
    );
    expect(message).toBe(
      "The legal text “Your rights and duties” (sanktioner-ved-udeblivelse, version 1) is an old version; the current one is version 2. Insert the new version."
    );
  });

  test("legal/unapproved: an approval that no longer matches", () => {
    // Never approved: no approval, no approved text.
    const unapproved = registry.map((entry) => {
      if (entry.id !== "sanktioner-ved-udeblivelse" || entry.version !== "2") return entry;
      const rest: LegalRegistryEntry = { ...entry, approved: false };
      delete rest.approvedText;
      return rest;
    });
    const analysis = analyzeText(
      marked("sanktioner-ved-udeblivelse", "2", block("sanktioner-ved-udeblivelse.v2.md")),
      { legal: { registry: unapproved }, messageLanguage: "en" }
    );
    expect(legalMessages(analysis, "legal/unapproved")).toEqual([
      "The legal text “Your rights and duties” (sanktioner-ved-udeblivelse, version 2) has not been approved by the legal staff.",
    ]);
  });

  test("legal/unknown: a marker the registry does not know", () => {
    const [message] = legalMessages(
      analyse(marked("ukendt-vejledning", "1", "Hvis du ikke kan komme\nRing til os.")),
      "legal/unknown"
    );
    expect(message).toBe(
      "The legal text “ukendt-vejledning” version 1 is not in the register of approved texts."
    );
  });

  test("legal/unmarked: approved guidance recognised without its marker", () => {
    const text = `${SUMMONS}\n\n${block("sanktioner-ved-udeblivelse.v2.md").trim()}\n\nMed venlig hilsen\n\nJobcenter Nord\n`;
    const [message] = legalMessages(analyse(text), "legal/unmarked");
    expect(message).toMatch(
      /^The guidance “Your rights and duties” \(sanktioner-ved-udeblivelse, version 2\) was recognised in the letter, but it is not marked as protected text\./u
    );
  });

  test("legal/own-wording: the suggestion's explanation is English, its text the block id", () => {
    const analysis = analyse(fixture("indkaldelse-efter.txt"));
    const finding = analysis.findings.find((f) => f.ruleId === "legal/own-wording")!;
    expect(finding.message).toMatch(
      /^The guidance “Your rights and duties” is written in the caseworker's own words\. Use the approved text \(sanktioner-ved-udeblivelse, version 2\)/u
    );
    expect(finding.suggestion).toEqual({
      text: "sanktioner-ved-udeblivelse",
      explanation:
        "Insert the approved text “Your rights and duties” (sanktioner-ved-udeblivelse, version 2) instead of the guidance in the caseworker's own words.",
    });
  });

  test("legal/hearing-deadline", () => {
    const text =
      "Partshøring om din kontanthjælp\n\nVi overvejer at stoppe din kontanthjælp, fordi du har arbejde. Du kan sende os dine bemærkninger.\n\nMed venlig hilsen\n\nJobcenter Nord\n";
    const analysis = analyse(text);
    expect(analysis.letterType).toBe("partshøring");
    expect(legalMessages(analysis, "legal/hearing-deadline")).toEqual([
      "The hearing has no deadline: write by when the citizen must reply at the latest (forvaltningsloven § 19, the Public Administration Act).",
    ]);
  });

  test("no legal message of the letters' fixtures is Danish in an English UI", () => {
    for (const name of [
      "indkaldelse-foer.txt",
      "afgoerelse-praktik-foer.txt",
      "partshoering-foer.txt",
    ]) {
      for (const finding of analyse(fixture(name)).findings) {
        if (!finding.ruleId.startsWith("legal/")) continue;
        expect(outsideQuotes(finding.message)).not.toMatch(DANISH_MESSAGE_WORDS);
      }
    }
  });
});

describe("the CLI's --messages en", () => {
  test("a Danish letter: English messages and summary, Danish suggestions", async () => {
    const { stdout, code } = await runCli([
      "check",
      "--messages",
      "en",
      "--format",
      "json",
      `${LETTERS}/indkaldelse-foer.txt`,
    ]);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as {
      language: string;
      findings: { ruleId: string; message: string; suggestion?: { text: string } }[];
    }[];
    expect(result!.language).toBe("da");
    const missing = result!.findings.find((f) => f.ruleId === "legal/missing")!;
    expect(missing.message).toContain("“Your rights and duties”");
    const officialese = result!.findings.find((f) => f.ruleId === "plain/officialese")!;
    expect(officialese.message).toBe(
      "“i medfør af” is officialese (stiff official Danish). Write “efter”."
    );
    expect(officialese.suggestion!.text).toBe("efter");
  });

  test("the text summary follows --messages; a bad value is a usage error", async () => {
    const text = await runCli(["check", "--messages", "en", `${LETTERS}/indkaldelse-foer.txt`]);
    expect(text.stdout).toContain("essentials in lead: no");
    const bad = await runCli(["check", "--messages", "fr", `${LETTERS}/indkaldelse-foer.txt`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
