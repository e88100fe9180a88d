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

  describe("English UI texts (issue 11 §5)", () => {
    const FIELDS =
      "fields:\n  - name: navn\n    type: text\n    help: Borgerens fornavn\n    labelEn: First name\n    helpEn: The citizen's first name";

    test("titleEn, descriptionEn, labelEn and helpEn are read, trimmed, and the Danish kept", () => {
      const { template, problems } = parse(
        `${BASE}\ntitleEn: " Notice to attend "\ndescription: Indkaldelse.\ndescriptionEn: A notice.\n${FIELDS}`
      );
      expect(problems).toEqual([]);
      expect(template).toMatchObject({
        title: "X",
        titleEn: "Notice to attend",
        description: "Indkaldelse.",
        descriptionEn: "A notice.",
      });
      expect(template.fields).toEqual([
        {
          name: "navn",
          type: "text",
          required: true,
          help: "Borgerens fornavn",
          labelEn: "First name",
          helpEn: "The citizen's first name",
        },
      ]);
    });

    test("a Danish-only template has no English and no warning: the UI falls back to Danish", () => {
      const { template, problems } = parse(
        `${BASE}\ndescription: Indkaldelse.\nfields:\n  - name: navn\n    type: text\n    help: Borgerens fornavn`
      );
      expect(problems).toEqual([]);
      expect(template.titleEn).toBeUndefined();
      expect(template.fields[0]!.helpEn).toBeUndefined();
    });

    test("a template partly in English gets one warning naming what is missing, never an error", () => {
      const { template, problems } = parse(
        `${BASE}\ntitleEn: Notice\ndescription: Indkaldelse.\nfields:\n  - name: navn\n    type: text\n    help: Borgerens fornavn\n  - name: dato\n    type: date\n    labelEn: Date`
      );
      expect(problems.map(formatProblem)).toEqual([
        'letters/x.md:2:1: warning: template "x" is partly in English: no descriptionEn, labelEn of "navn", helpEn of "navn"; the English UI shows the Danish text there',
      ]);
      expect(template.fields.map((field) => field.name)).toEqual(["navn", "dato"]);
    });

    test("an English text that is not text is a warning (at its key or field entry) and is ignored", () => {
      const { template, problems } = parse(
        `${BASE}\ntitleEn: [a, b]\nfields:\n  - name: navn\n    type: text\n    helpEn: ""\n    labelEn: Name`
      );
      expect(problems.map(formatProblem)).toEqual([
        'letters/x.md:9:1: warning: field "navn": helpEn must be text; the English UI shows the Danish text instead',
        "letters/x.md:7:1: warning: 'titleEn' must be text; the English UI shows the Danish text instead",
        'letters/x.md:2:1: warning: template "x" is partly in English: no titleEn; the English UI shows the Danish text there',
      ]);
      expect(problems.every((entry) => entry.severity === "warning")).toBe(true);
      expect(template.titleEn).toBeUndefined();
      expect(template.fields).toEqual([
        { name: "navn", type: "text", required: true, labelEn: "Name" },
      ]);
    });
  });
});
