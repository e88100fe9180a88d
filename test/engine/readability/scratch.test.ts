import { ParseLatin } from "parse-latin";
import { toString } from "nlcst-to-string";
import { danishParagraphPlugin } from "../../../src/engine/nlcst/danish-sentences.js";

const texts = [
  "VIGTIGT: Det bemærkes, at du skal møde kl. 10:30 den 4. december 2026.",
  "Ring på 89 15 10 00 bl.a. om lokale 2.14, jf. § 13, stk. 7. Praktik kl. 8.00-13.00 hver dag.",
  "Send en e-mail til CPR-nr. 010101-1234 eller jobcenter@randers.dk. Det er 3½ time.",
  "Det er kl. 9.15: Du skal komme. Hvad med 'citat'? Ja!",
];
test("dump", () => {
  for (const t of texts) {
    const p = new ParseLatin();
    p.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
    const para = p.tokenizeParagraph(t);
    for (const s of para.children) {
      if (s.type !== "SentenceNode") continue;
      console.log(JSON.stringify(s.children.map((c) => c.type[0] + ":" + toString(c))));
    }
  }
});
