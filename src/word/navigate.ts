/// <reference types="office-js" />

/**
 * Proxies for body paragraphs by index without a sync: getFirst() then getNext() along the body.
 * Loading the collection first would cost a sync per batch; letters are short, so the chain is cheap.
 */
export function paragraphsAt(
  context: Word.RequestContext,
  indexes: Iterable<number>
): Map<number, Word.Paragraph> {
  const wanted = new Set(indexes);
  const found = new Map<number, Word.Paragraph>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  let paragraph = context.document.body.paragraphs.getFirst();
  for (let index = 0; index <= last; index++) {
    if (index > 0) paragraph = paragraph.getNext();
    if (wanted.has(index)) found.set(index, paragraph);
  }
  return found;
}
