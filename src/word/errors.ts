/** A Word operation that Klarbrev refused or that Word rejected, with a one-line reason. */
export class WordAdapterError extends Error {
  constructor(
    message: string,
    readonly code: "document-changed" | "locked" | "not-found" | "word-error" | "invalid"
  ) {
    super(message);
    this.name = "WordAdapterError";
  }
}

/** The message of an Office.js error (OfficeExtension.Error has code and message). */
export function describeOfficeError(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message === "string")
      return typeof code === "string" ? `${code}: ${message}` : message;
  }
  return String(error);
}
