import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { ChoiceGroup } from "@fluentui/react/lib/ChoiceGroup";
import { DatePicker, type IDatePickerStrings } from "@fluentui/react/lib/DatePicker";
import { DayOfWeek } from "@fluentui/react/lib/DateTimeUtilities";
import { Icon } from "@fluentui/react/lib/Icon";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { SearchBox } from "@fluentui/react/lib/SearchBox";
import { TextField } from "@fluentui/react/lib/TextField";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Letter } from "../../engine/letter/model.js";
import type { LegalRegistryEntry } from "../../engine/rules/legal/types.js";
import type { InsertMode } from "../host.js";
import { checkField, checkForm, isoToDanishDate, parseDanishDate } from "../model/fields.js";
import { legalLabel } from "../model/legal.js";
import type { Strings } from "../strings/index.js";
import type {
  FieldValues,
  TemplateField,
  TemplateInfo,
  TemplateLibrary,
} from "../templates/library.js";
import {
  localizedField,
  templateDescription,
  templateMatches,
  templateTitle,
} from "../templates/localize.js";

export interface TemplatePanelProps {
  library: TemplateLibrary | undefined;
  t: Strings;
  busy: boolean;
  onInsert(letter: Letter, mode: InsertMode): Promise<boolean>;
}

const TYPE_ORDER = ["indkaldelse", "afgørelse", "partshøring", "anmodning", "orientering"];

/** "Indsæt standardbrev": pick a template, fill its form, preview, insert. */
export function TemplatePanel({ library, t, busy, onInsert }: TemplatePanelProps) {
  const [chosen, setChosen] = useState<TemplateInfo | undefined>();
  const [query, setQuery] = useState("");
  if (!library || library.templates.length === 0) {
    return <p className="kb-empty">{t.templates.unavailable}</p>;
  }
  if (chosen) {
    return (
      <TemplateForm
        key={chosen.id}
        template={chosen}
        library={library}
        t={t}
        busy={busy}
        onBack={() => setChosen(undefined)}
        onInsert={onInsert}
      />
    );
  }
  const needle = query.trim().toLowerCase();
  // Danish and English titles both match, whatever the UI's language.
  const matching = library.templates.filter((template) =>
    templateMatches(template, needle, t.templates.letterTypes[template.letterType] ?? "")
  );
  const types = [...new Set(matching.map((template) => template.letterType))].sort(
    (a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b)
  );
  return (
    <div className="kb-templates" data-testid="template-picker">
      <SearchBox
        placeholder={t.templates.searchPlaceholder}
        ariaLabel={t.templates.search}
        value={query}
        onChange={(_, value) => setQuery(value ?? "")}
      />
      {matching.length === 0 ? <p className="kb-empty">{t.templates.none}</p> : null}
      {types.map((type) => (
        <section key={type} aria-labelledby={`kb-type-${type}`}>
          <h3 className="kb-subheading" id={`kb-type-${type}`}>
            {t.templates.letterTypes[type] ?? type}
          </h3>
          <ul className="kb-template-list">
            {matching
              .filter((template) => template.letterType === type)
              .map((template) => (
                <li key={template.id}>
                  <button
                    type="button"
                    className="kb-template-button"
                    data-template={template.id}
                    onClick={() => setChosen(template)}
                  >
                    <Icon iconName="Document" aria-hidden="true" />
                    <span className="kb-template-title">{templateTitle(template, t.lang)}</span>
                    <span className="kb-template-version">
                      {t.templates.version(template.version)}
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface TemplateFormProps {
  template: TemplateInfo;
  library: TemplateLibrary;
  t: Strings;
  busy: boolean;
  onBack(): void;
  onInsert(letter: Letter, mode: InsertMode): Promise<boolean>;
}

function TemplateForm({ template, library, t, busy, onBack, onInsert }: TemplateFormProps) {
  // Labels and help in the UI's language; field names, values and the letter stay as they are.
  const fields = useMemo(
    () => template.fields.map((field) => localizedField(field, t.lang)),
    [template, t.lang]
  );
  const description = templateDescription(template, t.lang);
  const [raw, setRaw] = useState<FieldValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [preview, setPreview] = useState<Letter | undefined>();
  // At the cursor by default: replacing the caseworker's whole letter must be a deliberate choice
  // (Enter in a field submits the form, and a default "replace" would swap out the letter).
  const [mode, setMode] = useState<InsertMode>("cursor");
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const set = (name: string, value: string) => {
    setRaw((r) => ({ ...r, [name]: value }));
    setPreview(undefined);
    setDone(false);
    if (errors[name])
      setErrors((e) => ({ ...Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)) }));
  };

  /** Validate, render, and report problems in Danish; focus the first invalid field. */
  const build = (): Letter | undefined => {
    const check = checkForm(fields, raw, t);
    const names = Object.keys(check.errors);
    setErrors(check.errors);
    if (names.length > 0) {
      setSummary(t.templates.fixErrors(names.length));
      const first = fields.find((field) => check.errors[field.name]);
      if (first) {
        const input = formRef.current?.querySelector<HTMLElement>(
          `[data-field="${first.name}"] input, [data-field="${first.name}"] textarea`
        );
        setTimeout(() => input?.focus(), 0);
      }
      return undefined;
    }
    try {
      const letter = library.render(template.id, check.values);
      setSummary(undefined);
      return letter;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setSummary(t.templates.renderFailed(message));
      return undefined;
    }
  };

  return (
    <form
      className="kb-template-form"
      ref={formRef}
      noValidate
      data-testid="template-form"
      onSubmit={(event) => {
        event.preventDefault();
        const letter = build();
        if (!letter) return;
        void onInsert(letter, mode).then((ok) => {
          setDone(ok);
          if (ok) setPreview(undefined);
        });
      }}
    >
      <DefaultButton
        text={t.templates.back}
        iconProps={{ iconName: "ChevronLeft" }}
        onClick={onBack}
      />
      <h3 className="kb-subheading" tabIndex={-1} ref={headingRef}>
        {t.templates.formHeading(templateTitle(template, t.lang))}
      </h3>
      {description ? <p>{description}</p> : null}
      <p className="kb-note">{t.templates.requiredNote}</p>
      {summary ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert" data-testid="form-summary">
          {summary}
        </MessageBar>
      ) : null}
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={raw[field.name] ?? ""}
          error={errors[field.name]}
          t={t}
          onChange={(value) => set(field.name, value)}
        />
      ))}
      {template.sample ? (
        <DefaultButton
          text={t.templates.fillSample}
          onClick={() => {
            setRaw({ ...template.sample });
            setErrors({});
            setSummary(undefined);
          }}
        />
      ) : null}
      <DefaultButton
        text={t.templates.preview}
        onClick={() => {
          const letter = build();
          setPreview(letter);
        }}
      />
      {preview ? (
        <LetterPreview
          letter={preview}
          t={t}
          {...(library.legalRegistry ? { registry: library.legalRegistry } : {})}
        />
      ) : null}
      <ChoiceGroup
        label={t.templates.insertMode}
        selectedKey={mode}
        onChange={(_, option) => setMode((option?.key as InsertMode) ?? "cursor")}
        options={[
          { key: "replace", text: t.templates.modeReplace },
          { key: "cursor", text: t.templates.modeCursor },
        ]}
      />
      <PrimaryButton
        type="submit"
        text={t.templates.insert}
        disabled={busy}
        data-testid="insert-template"
      />
      {done ? (
        <MessageBar messageBarType={MessageBarType.success} role="status">
          {t.templates.inserted}
        </MessageBar>
      ) : null}
    </form>
  );
}

/**
 * The picker's own messages are off: the form says what is wrong with a date, once, in its own
 * words (the picker would add a second message and reset what was typed).
 */
function datePickerStrings(t: Strings): IDatePickerStrings {
  return { ...t.datePicker, invalidInputErrorMessage: "", isRequiredErrorMessage: "" };
}

interface FieldInputProps {
  field: TemplateField;
  value: string;
  error: string | undefined;
  t: Strings;
  onChange(value: string): void;
}

function FieldInput({ field, value, error, t, onChange }: FieldInputProps) {
  const label = field.label;
  const common = { "data-field": field.name } as Record<string, string>;
  const strings = useMemo(() => datePickerStrings(t), [t]);
  const [typedError, setTypedError] = useState<string | undefined>();
  switch (field.type) {
    case "date":
    case "datetime": {
      const [datePart = "", timePart = ""] = value.split(" kl. ");
      const iso = parseDanishDate(datePart);
      const date = iso ? new Date(`${iso}T12:00:00`) : undefined;
      const setDate = (next: string) => {
        setTypedError(undefined);
        onChange(field.type === "datetime" ? `${next} kl. ${timePart}` : next);
      };
      // What was typed stays in the field, even an impossible date such as 31.11.2026.
      const shown = iso ? isoToDanishDate(iso) : datePart;
      const shownError = error ?? (field.type === "date" ? typedError : undefined);
      return (
        <div
          className="kb-field"
          {...common}
          onBlur={() => {
            if (field.type !== "date" || !datePart.trim()) return;
            setTypedError(checkField(field, datePart, t).error);
          }}
        >
          <DatePicker
            label={label}
            strings={strings}
            firstDayOfWeek={DayOfWeek.Monday}
            allowTextInput
            placeholder={t.templates.datePlaceholder}
            ariaLabel={label}
            value={date}
            formatDate={(d) => (d ? isoToDanishDate(toIso(d)) : "")}
            parseDateFromString={(text) => {
              const parsed = parseDanishDate(text);
              return parsed ? new Date(`${parsed}T12:00:00`) : null;
            }}
            onSelectDate={(d) => {
              if (d) setDate(toIso(d));
            }}
            textField={{
              value: shown,
              required: field.required,
              onChange: (_, next) => setDate(next ?? ""),
              ...(shownError ? { errorMessage: shownError } : {}),
              ...(field.help ? { description: field.help } : {}),
              validateOnLoad: false,
              // The calendar button has its own name, not the field's.
              iconProps: { "aria-label": t.templates.openCalendar(label) } as object,
            }}
          />
          {field.type === "datetime" ? (
            <TextField
              label={t.templates.timePlaceholder}
              value={timePart}
              onChange={(_, next) => onChange(`${datePart} kl. ${next ?? ""}`)}
            />
          ) : null}
        </div>
      );
    }
    case "choice":
      return (
        <div className="kb-field" {...common}>
          <ChoiceGroup
            label={label}
            required={field.required}
            selectedKey={value || null}
            options={(field.options ?? []).map((option) => ({ key: option, text: option }))}
            onChange={(_, option) => onChange(String(option?.key ?? ""))}
          />
          {error ? (
            <p className="kb-field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      );
    default:
      return (
        <div className="kb-field" {...common}>
          <TextField
            label={label}
            required={field.required}
            value={value}
            multiline={field.type === "address"}
            autoAdjustHeight={field.type === "address"}
            type={field.type === "phone" ? "tel" : "text"}
            inputMode={
              field.type === "money" ? "decimal" : field.type === "phone" ? "tel" : undefined
            }
            placeholder={field.type === "time" ? t.templates.timePlaceholder : undefined}
            description={field.help}
            errorMessage={error}
            validateOnLoad={false}
            onChange={(_, next) => onChange(next ?? "")}
          />
        </div>
      );
  }
}

function toIso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The rendered letter, read-only; legal blocks show their lock. */
export function LetterPreview({
  letter,
  t,
  registry,
}: {
  letter: Letter;
  t: Strings;
  registry?: readonly LegalRegistryEntry[];
}) {
  return (
    <section
      className="kb-template-preview"
      aria-labelledby="kb-template-preview-h"
      data-testid="template-preview"
      // Scrollable, so it must be reachable by keyboard.
      tabIndex={0}
    >
      <h3 className="kb-subheading" id="kb-template-preview-h">
        {t.templates.previewHeading}
      </h3>
      {letter.blocks.map((block, index) =>
        block.legal ? (
          <div key={index} className="kb-preview-legal">
            <p className="kb-legal-title">
              <Icon iconName="Lock" aria-hidden="true" />{" "}
              {t.templates.lockedBlock(
                legalLabel(t.lang, block.legal.id, block.legal.title, registry)
              )}
            </p>
            <p>{block.text}</p>
          </div>
        ) : (
          <p key={index} className={`kb-preview-${block.kind}`}>
            {block.text}
          </p>
        )
      )}
    </section>
  );
}
