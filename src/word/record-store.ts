/// <reference types="office-js" />
import {
  asAnalysisRecord,
  loadAnalysisRecord,
  RECORD_KEY,
  type AnalysisRecord,
  type SettingsStore,
} from "./record.js";

/**
 * Where the analysis record lives: a custom XML part with Klarbrev's own namespace (Office common
 * API, CustomXmlParts 1.1). Not the document settings: those belong to one add-in id, a
 * co-author's `refreshAsync` overwrites them, and they persist only through `saveAsync`. A record
 * left in the settings by an earlier version is moved into the part once.
 */

export const RECORD_NAMESPACE = "urn:klarbrev:analysis-record:1";

/** The parts of Office.context.document Klarbrev uses (tests hand in the fake's). */
export interface RecordDocument {
  customXmlParts: Pick<Office.CustomXmlParts, "addAsync" | "getByNamespaceAsync">;
  settings: SettingsStore & Pick<Office.Settings, "remove">;
}

export function recordToXml(record: AnalysisRecord): string {
  return `<analysisRecord xmlns="${RECORD_NAMESPACE}"><json>${escapeXml(JSON.stringify(record))}</json></analysisRecord>`;
}

export function recordFromXml(xml: string): AnalysisRecord | undefined {
  const json = /<json>([\s\S]*)<\/json>/u.exec(xml)?.[1];
  if (json === undefined) return undefined;
  try {
    return asAnalysisRecord(JSON.parse(unescapeXml(json)));
  } catch {
    return undefined;
  }
}

/** The recorded analysis; a settings record from before is migrated into the part once. */
export async function loadRecord(
  document: RecordDocument = Office.context.document
): Promise<AnalysisRecord | undefined> {
  const parts = await partsOf(document);
  if (parts.length > 0) return recordFromXml(await xmlOf(parts[0]!));
  const old = loadAnalysisRecord(document.settings);
  if (!old) return undefined;
  await add(document, recordToXml(old));
  document.settings.remove(RECORD_KEY);
  await new Promise<void>((resolve) => document.settings.saveAsync(() => resolve()));
  return old;
}

/** Replace the record in the document's custom XML part. */
export async function saveRecord(
  record: AnalysisRecord,
  document: RecordDocument = Office.context.document
): Promise<void> {
  for (const part of await partsOf(document)) {
    await new Promise<void>((resolve, reject) =>
      part.deleteAsync((result) =>
        result.status === Office.AsyncResultStatus.Failed
          ? reject(new Error(`Word could not replace the analysis record: ${result.error.message}`))
          : resolve()
      )
    );
  }
  await add(document, recordToXml(record));
}

function partsOf(document: RecordDocument): Promise<Office.CustomXmlPart[]> {
  return new Promise((resolve, reject) =>
    document.customXmlParts.getByNamespaceAsync(RECORD_NAMESPACE, (result) =>
      result.status === Office.AsyncResultStatus.Failed
        ? reject(new Error(`Word could not read the analysis record: ${result.error.message}`))
        : resolve(result.value)
    )
  );
}

function xmlOf(part: Office.CustomXmlPart): Promise<string> {
  return new Promise((resolve, reject) =>
    part.getXmlAsync((result) =>
      result.status === Office.AsyncResultStatus.Failed
        ? reject(new Error(`Word could not read the analysis record: ${result.error.message}`))
        : resolve(result.value)
    )
  );
}

function add(document: RecordDocument, xml: string): Promise<void> {
  return new Promise((resolve, reject) =>
    document.customXmlParts.addAsync(xml, (result) =>
      result.status === Office.AsyncResultStatus.Failed
        ? reject(new Error(`Word could not save the analysis record: ${result.error.message}`))
        : resolve()
    )
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&amp;/gu, "&");
}
