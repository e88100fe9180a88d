import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { templateDataModule } from "../../src/taskpane/templates/collect.js";
import type { BundledTemplateData } from "../../src/taskpane/templates/bind.js";
import { ROOT } from "./support.js";

/**
 * What the pane bundles from templates/: a template with a warning only (here: English left half
 * done) is still offered to the caseworker, with the warning printed at build time; a template
 * with an error is not. Before, any warning dropped the template from the pane.
 */
describe("the template data bundled into the pane", () => {
  test("a warning keeps the template in the pane; an error leaves it out", async () => {
    const root = await mkdtemp(join(tmpdir(), "klarbrev-template-data-"));
    try {
      await cp(join(ROOT, "templates"), join(root, "templates"), { recursive: true });
      const letters = join(root, "templates", "letters");
      const partly = join(letters, "afslag-paa-ansoegning.md");
      await writeFile(partly, (await readFile(partly, "utf8")).replace(/^titleEn:.*\n/mu, ""));
      const broken = join(letters, "anmodning-dokumentation.md");
      await writeFile(
        broken,
        (await readFile(broken, "utf8")).replace("    type: phone", "    type: telefon")
      );

      const module = await templateDataModule(root);
      const data = JSON.parse(
        module.source.replace(/^export default /u, "").replace(/;$/u, "")
      ) as BundledTemplateData;
      const ids = data.templates.map((template) => template.id);
      expect(ids).toContain("afslag-paa-ansoegning");
      expect(ids).not.toContain("anmodning-dokumentation");
      expect(ids).toHaveLength(7);
      const afslag = data.templates.find((template) => template.id === "afslag-paa-ansoegning")!;
      expect(afslag.titleEn).toBeUndefined();
      expect(afslag.fields[0]!.helpEn).toBe("The citizen's first name");
      expect(module.warnings).toEqual([
        expect.stringMatching(
          /afslag-paa-ansoegning\.md:2:1: warning: template "afslag-paa-ansoegning" is partly in English: no titleEn;/u
        ),
        expect.stringMatching(
          /anmodning-dokumentation\.md:\d+:1: field "telefon" has unknown field type "telefon"/u
        ),
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
