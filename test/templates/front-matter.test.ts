import { parseLetterTemplate } from "../../src/templates/letter-templates.js";
import { formatProblem, TemplateError } from "../../src/templates/problems.js";

function parse(front: string, body = "# Emne\n\nKære {{navn}}\n") {
  return parseLetterTemplate("letters/x.md", `---\n${front}\n---\n${body}`);
}

function fatal(front: string, body?: string): string {
  try {
    parse(front, body);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return formatProblem((error as TemplateError).problem);
  }
  throw new Error("expected a TemplateError");
}

const BASE = "id: x\ntitle: X\nletterType: indkaldelse\nsample:\n  navn: Jens";

describe("template front matter", () => {
  test("a file without front matter", () => {
    expect(() => parseLetterTemplate("letters/x.md", "# Emne\n")).toThrow(
      "letters/x.md:1:1: the file must start with YAML front matter between '---' lines"
    );
    expect(() => parseLetterTemplate("letters/x.md", "---\nid: x\n# Emne\n")).toThrow(
      "letters/x.md:1:1: the front matter has no closing '---' line"
    );
  });

  test("YAML errors point at the line in the file", () => {
    expect(fatal(`${BASE}\nid: y`)).toBe(
      "letters/x.md:7:1: YAML front matter: Map keys must be unique"
    );
  });

  test("an unknown letter type, at its line", () => {
    expect(fatal("id: x\ntitle: X\nletterType: brev\nsample: {}")).toBe(
      'letters/x.md:4:1: letterType must be one of indkaldelse, afgørelse, partshøring, anmodning, orientering, not "brev"'
    );
  });

  test("bad field definitions are reported at their entry, and the template is still parsed", () => {
    const { template, problems } = parse(
      `${BASE}\nfields:\n  - name: navn\n    type: text\n  - name: navn\n    type: text\n  - name: ydelse\n    type: choice\n  - name: frist\n    type: date\n    required: ja\n  - type: text`
    );
    expect(problems.map(formatProblem)).toEqual([
      'letters/x.md:10:1: field "navn" is declared twice',
      "letters/x.md:12:1: choice field \"ydelse\" needs 'options': a list of the allowed values",
      'letters/x.md:14:1: field "frist": required must be true or false',
      "letters/x.md:17:1: field 5 has no name",
    ]);
    expect(template.fields.map((field) => field.name)).toEqual(["navn"]);
  });

  test("an unknown key is a warning", () => {
    const { problems } = parse(`${BASE}\nforfatter: Birgitte`);
    expect(problems.map(formatProblem)).toEqual([
      'letters/x.md:7:1: warning: unknown front matter key "forfatter"',
    ]);
  });
});
