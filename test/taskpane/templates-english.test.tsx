/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { da } from "../../src/taskpane/strings/da.js";
import { en } from "../../src/taskpane/strings/en.js";
import { libraryFromData } from "../../src/taskpane/templates/bind.js";
import type { TemplateLibrary } from "../../src/taskpane/templates/library.js";
import { registerKlarbrevIcons } from "../../src/taskpane/ui/icons.js";
import { TemplatePanel } from "../../src/taskpane/ui/TemplatePanel.js";
import { loadLibrary } from "../../src/templates/library.js";
import { parseLetterTemplate } from "../../src/templates/letter-templates.js";
import { ROOT } from "./support.js";

registerKlarbrevIcons();

/**
 * The standard-letter library in an English UI (issue 11 §5, last point): the list, the form
 * heading, the field labels and help follow the UI's language, from the templates' English front
 * matter (titleEn, descriptionEn, labelEn, helpEn); a template without English shows its Danish
 * texts; search matches both languages; the letter inserted stays Danish.
 */

/** A template file as it was before English keys existed: the same file, English lines removed. */
function danishOnly(file: string) {
  const source = readFileSync(join(ROOT, "templates", "letters", file), "utf8")
    .split("\n")
    .filter((line) => !/^\s*(?:titleEn|descriptionEn|labelEn|helpEn):/u.test(line))
    .join("\n");
  const parsed = parseLetterTemplate(`letters/${file}`, source);
  expect(parsed.problems).toEqual([]);
  return parsed.template;
}

/** The real library, with anmodning-dokumentation in its Danish-only form. */
async function libraryWithOneDanishOnly(): Promise<TemplateLibrary> {
  const library = await loadLibrary(join(ROOT, "templates"), { cwd: ROOT });
  const bound = libraryFromData({
    templates: library.templates.map(({ template }) =>
      template.id === "anmodning-dokumentation"
        ? danishOnly("anmodning-dokumentation.md")
        : template
    ),
    legal: library.legal.map((block) => block.source),
    registry: library.registry,
  });
  if (!bound) throw new Error("templates/ holds no usable templates");
  return bound;
}

const titles = () =>
  [...screen.getByTestId("template-picker").querySelectorAll(".kb-template-title")].map(
    (title) => title.textContent ?? ""
  );

const search = (value: string) =>
  fireEvent.change(within(screen.getByTestId("template-picker")).getByRole("searchbox"), {
    target: { value },
  });

describe("the standard-letter library in an English UI", () => {
  let library: TemplateLibrary;
  beforeAll(async () => {
    library = await libraryWithOneDanishOnly();
  });

  test("every shipped template has English for its title, description, labels and help", async () => {
    const shipped = await loadLibrary(join(ROOT, "templates"), { cwd: ROOT });
    expect(shipped.templates).toHaveLength(8);
    for (const { template, problems } of shipped.templates) {
      expect(problems).toEqual([]);
      expect(template.titleEn).toMatch(/^[A-Z]/u);
      expect(template.titleEn).not.toBe(template.title);
      expect(template.descriptionEn).toMatch(/^[A-Z].*\.$/u);
      for (const field of template.fields) {
        expect([field.name, field.labelEn]).toEqual([field.name, expect.stringMatching(/^[A-Z]/u)]);
        if (field.help)
          expect([field.name, field.helpEn]).toEqual([field.name, expect.any(String)]);
      }
    }
  });

  test("the list shows English titles, and the Danish title where a template has no English", () => {
    render(<TemplatePanel library={library} t={en} busy={false} onInsert={async () => true} />);
    const shown = titles();
    expect(shown).toHaveLength(8);
    expect(shown).toEqual(
      expect.arrayContaining([
        "Notice to attend a meeting (in person)",
        "Notice to attend a sick-leave follow-up",
        "Notice of a phone meeting",
        "Decision on a deduction",
        "Decision on an offer (work placement)",
        "Refusal of an application",
        "Hearing before a deduction",
        // No English in this one: its Danish title, not an empty line.
        "Anmodning om dokumentation",
      ])
    );
    const groups = [...screen.getByTestId("template-picker").querySelectorAll("h3")].map(
      (heading) => heading.textContent
    );
    expect(groups).toEqual(["Notices to attend", "Decisions", "Hearings", "Requests"]);
  });

  test("search matches the English and the Danish title in either UI", () => {
    const { unmount } = render(
      <TemplatePanel library={library} t={en} busy={false} onInsert={async () => true} />
    );
    search("meeting");
    expect(titles()).toEqual([
      "Notice to attend a meeting (in person)",
      "Notice to attend a sick-leave follow-up",
      "Notice of a phone meeting",
    ]);
    search("fremmøde");
    expect(titles()).toEqual(["Notice to attend a meeting (in person)"]);
    search("dokumentation");
    expect(titles()).toEqual(["Anmodning om dokumentation"]);
    unmount();

    render(<TemplatePanel library={library} t={da} busy={false} onInsert={async () => true} />);
    search("refusal");
    expect(titles()).toEqual(["Afslag på ansøgning"]);
  });

  test("the form: English heading, description, labels, help and messages; the letter stays Danish", async () => {
    const inserted: string[] = [];
    render(
      <TemplatePanel
        library={library}
        t={en}
        busy={false}
        onInsert={async (letter) => {
          inserted.push(letter.text);
          return true;
        }}
      />
    );
    fireEvent.click(document.querySelector("[data-template=indkaldelse-samtale]")!);
    const form = screen.getByTestId("template-form");
    expect(form.querySelector("h3")?.textContent).toBe(
      "Fill in: Notice to attend a meeting (in person)"
    );
    expect(form.textContent).toContain(
      "Notice to attend a meeting about the citizen's job search, in person at the municipality."
    );
    expect(screen.getByRole("textbox", { name: /^Place/u })).toBeTruthy();
    expect(form.textContent).toContain('Where the meeting is, for example "Jobcenter Randers"');
    expect(form.textContent).toContain("The day of the meeting");
    expect(form.textContent).not.toMatch(/Dagen for samtalen|Borgerens fornavn|Mødedato/u);

    await act(async () => {
      fireEvent.click(screen.getByTestId("insert-template"));
    });
    // Fluent renders a field's message a moment later, so screen readers announce it.
    expect(await screen.findByText("Fill in “First name”.")).toBeTruthy();
    expect(await screen.findByText("Fill in “Meeting date”.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Fill with sample data" }));
    await act(async () => {
      fireEvent.click(screen.getByTestId("insert-template"));
    });
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toContain("Du skal til samtale hos os mandag den 7. december 2026");
  });

  test("a template without English shows its Danish heading, labels and help in the English UI", () => {
    render(<TemplatePanel library={library} t={en} busy={false} onInsert={async () => true} />);
    fireEvent.click(document.querySelector("[data-template=anmodning-dokumentation]")!);
    const form = screen.getByTestId("template-form");
    expect(form.querySelector("h3")?.textContent).toBe("Fill in: Anmodning om dokumentation");
    expect(form.textContent).toContain("Vi beder borgeren sende papirer, vi skal bruge i sagen.");
    expect(screen.getByRole("textbox", { name: /^Sagsemne/u })).toBeTruthy();
    expect(form.textContent).toContain("Seneste dag, vi skal have papirerne");
  });

  test("the Danish UI shows the Danish texts only", () => {
    render(<TemplatePanel library={library} t={da} busy={false} onInsert={async () => true} />);
    expect(titles()).toContain("Indkaldelse til samtale (personligt fremmøde)");
    expect(titles().some((title) => /Notice|Decision|Hearing|Refusal/u.test(title))).toBe(false);
    fireEvent.click(document.querySelector("[data-template=indkaldelse-samtale]")!);
    const form = screen.getByTestId("template-form");
    expect(form.querySelector("h3")?.textContent).toBe(
      "Udfyld: Indkaldelse til samtale (personligt fremmøde)"
    );
    expect(screen.getByRole("textbox", { name: /^Sted/u })).toBeTruthy();
    expect(form.textContent).toContain("Dagen for samtalen");
    expect(form.textContent).not.toMatch(/The day of the meeting|Meeting date/u);
  });
});
