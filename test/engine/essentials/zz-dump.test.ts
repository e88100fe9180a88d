import { readFileSync } from "node:fs";
import { classifyText } from "../../../src/engine/letter/classify.js";
test("dump", () => {
  for (const f of ["indkaldelse-foer", "indkaldelse-efter", "afgoerelse-praktik-foer", "partshoering-foer"]) {
    const l = classifyText(readFileSync(`/work/main/test/fixtures/letters/${f}.txt`, "utf8"));
    console.log(f + "\n" + l.blocks.map((b, i) => `${i} ${b.kind} ${b.start}-${b.end} ${JSON.stringify(b.text.slice(0, 60))}`).join("\n"));
  }
});
