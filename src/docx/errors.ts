/**
 * A .docx that cannot be read. `message` is one line for `klarbrev: <file>: <message>`; the CLI
 * prints it and goes on with the other files.
 */
export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocxError";
  }
}
