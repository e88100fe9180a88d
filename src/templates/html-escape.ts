/** HTML-escape text for element content and attribute values. */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/gu,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!
  );
}
