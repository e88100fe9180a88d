import { readFileSync } from "node:fs";
import type { Root } from "nlcst";
import { unified } from "unified";
import { VFile } from "vfile";
import { classifyText } from "../../src/engine/letter/classify.js";
import { retextDanishSentences } from "../../src/engine/nlcst/danish-sentences.js";
import { retextLetter } from "../../src/engine/nlcst/letter-parser.js";
import { essentialsPreset } from "../../src/engine/rules/essentials/index.js";
import { retextLanguage } from "../../src/engine/rules/language/detect.js";
import { legalPreset, type LegalRegistryEntry } from "../../src/engine/rules/legal/index.js";
import { loadLegalRegistry } from "../../src/templates/library.js";

/** The legal family in a processor, after the essentials family (which sets the letter type). */
function run(text: string, registry?: LegalRegistryEntry[]) {
  const processor = unified()
    .use(retextLetter)
    .use(retextDanishSentences)
    .use(retextLanguage)
    .use(essentialsPreset)
    .use(legalPreset)
    .freeze();
  const file = new VFile({ value: text });
  file.data.letter = classifyText(text);
  file.data.options = registry ? { lixTarget: 35, legal: { registry } } : { lixTarget: 35 };
  processor.runSync(processor.parse(file) as Root, file);
  return file;
}

const fixture = (name: string) => readFileSync(`test/fixtures/letters/${name}`, "utf8");

describe("legalPreset in a processor", () => {
  test("a decision without klagevejledning and with a bare threat (no registry: heuristics)", () => {
    const file = run(fixture("afgoerelse-praktik-foer.txt"));
    expect(file.data.letterType).toBe("afgørelse");
    expect(file.data.legal).toEqual({
      blocks: [
        {
          id: "klagevejledning",
          version: "",
          status: "missing",
          title: "Klagevejledning",
          titleEn: "How to complain",
        },
      ],
    });
    const rules = file.messages.map((message) => message.ruleId);
    expect(rules).toContain("legal/missing");
    const sanction = file.messages.find(
      (message) => message.ruleId === "legal/sanction-incomplete"
    )!;
    expect(sanction.reason).toContain("hvordan borgeren får hjælpen igen");
    expect(sanction.fatal).toBe(true);
  });

  test("the same letter against the registry: the missing block names its legal basis", async () => {
    const { registry } = await loadLegalRegistry("templates");
    const file = run(fixture("afgoerelse-praktik-foer.txt"), registry);
    expect(file.data.legal!.blocks.map(({ id, status }) => `${id}:${status}`)).toEqual([
      "begrundelse:missing",
      "klagevejledning:missing",
    ]);
    expect(file.messages.map((message) => message.reason)).toContain(
      "Brevet er en afgørelse og mangler klagevejledning (forvaltningsloven § 25; retssikkerhedsloven §§ 66-67)."
    );
  });

  test("a partshøring with its deadline hidden in the third paragraph still has one", () => {
    const file = run(fixture("partshoering-foer.txt"));
    expect(file.data.letterType).toBe("partshøring");
    expect(file.messages.map((message) => message.ruleId)).not.toContain("legal/hearing-deadline");
  });

  test("a calm summons with complete sanction guidance has no legal findings", () => {
    const file = run(fixture("indkaldelse-efter.txt"));
    expect(file.messages.filter((message) => message.ruleId?.startsWith("legal/"))).toEqual([]);
  });
});
