import { readFileSync } from "node:fs";
import { analyzeText, forgetTextMemos } from "../../src/engine/index.js";
import { memoByKey, memoByText } from "../../src/engine/util/text-memo.js";

const letter = readFileSync(
  new URL("../fixtures/letters/indkaldelse-foer.txt", import.meta.url),
  "utf8"
);

describe("forgetTextMemos (benchmarks measure the rules on a letter they have not seen)", () => {
  test("a memo computes again after it, and keeps what it computed before it", () => {
    let computed = 0;
    const length = memoByText((text) => {
      computed++;
      return text.length;
    });
    expect(length("Du indkaldes til samtale.")).toBe(25);
    expect(length("Du indkaldes til samtale.")).toBe(25);
    expect(computed).toBe(1);
    forgetTextMemos();
    expect(length("Du indkaldes til samtale.")).toBe(25);
    expect(computed).toBe(2);
  });

  test("the analysis is the same with the memos full and forgotten", () => {
    const first = analyzeText(letter);
    const remembered = analyzeText(letter);
    forgetTextMemos();
    const forgotten = analyzeText(letter);
    expect(remembered).toStrictEqual(first);
    expect(forgotten).toStrictEqual(first);
  });

  test("a remembered undefined, null or false is a hit, not computed again", () => {
    for (const answer of [undefined, null, false, 0, ""]) {
      let computed = 0;
      const memo = memoByText(() => {
        computed++;
        return answer;
      });
      expect(memo("Du har ret til at klage.")).toBe(answer);
      expect(memo("Du har ret til at klage.")).toBe(answer);
      expect(computed).toBe(1);
    }
  });

  test("memoByKey computes only on a miss, also when the value is undefined", () => {
    let computed = 0;
    const remember = memoByKey<string | undefined>();
    const compute = () => {
      computed++;
      return undefined;
    };
    expect(remember("Mødet er aflyst.", compute)).toBeUndefined();
    expect(remember("Mødet er aflyst.", compute)).toBeUndefined();
    expect(computed).toBe(1);
    expect(remember("Mødet er flyttet.", () => "flyttet")).toBe("flyttet");
    expect(remember("Mødet er flyttet.", () => "igen")).toBe("flyttet");
  });

  test("a text longer than maxLength is computed each time, not kept", () => {
    let computed = 0;
    const count = memoByText(
      (text) => {
        computed++;
        return text.split(" ").length;
      },
      10,
      10
    );
    count("Ring til os i morgen.");
    count("Ring til os i morgen.");
    expect(computed).toBe(2);
  });
});
