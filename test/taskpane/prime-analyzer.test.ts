import { analyzeLetter } from "../../src/engine/analyze.js";
import type { Letter } from "../../src/engine/letter/model.js";
import type { Analysis } from "../../src/engine/types.js";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { primeAnalyzer } from "../../src/taskpane/worker/analyzer.js";
import { SAMPLE } from "./support.js";

/** The real engine, counting the letters it is asked to analyse. */
function countingEngine(): { analyze: (letter: Letter) => Promise<Analysis>; asked: Letter[] } {
  const asked: Letter[] = [];
  return {
    asked,
    analyze: async (letter) => {
      asked.push(letter);
      return analyzeLetter(letter);
    },
  };
}

describe("primeAnalyzer: the first letter is analysed before the pane renders", () => {
  test("the analysis starts at once and answers the pane's first request for the same letter", async () => {
    const host = new PreviewHost(SAMPLE);
    const engine = countingEngine();
    const analyze = primeAnalyzer(engine.analyze, host.read());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine.asked).toHaveLength(1); // started before anyone asked

    const letter = await host.read(); // the pane's own read: an equal letter, another object
    const analysis = await analyze(letter);
    expect(engine.asked).toHaveLength(1); // served from the primed run
    expect(analysis.letter).toBe(letter); // carrying the pane's own copy
    expect(analysis.scores).toEqual(analyzeLetter(letter).scores);

    await analyze(letter); // every later request is analysed again
    expect(engine.asked).toHaveLength(2);
  });

  test("a first request for another letter (edited meanwhile) is analysed, not answered from the primed run", async () => {
    const host = new PreviewHost(SAMPLE);
    const engine = countingEngine();
    const analyze = primeAnalyzer(engine.analyze, host.read());
    const edited = new PreviewHost(`${SAMPLE}\n\nRing gerne, hvis du har spørgsmål.`);
    const letter = await edited.read();
    const analysis = await analyze(letter);
    expect(engine.asked).toHaveLength(2);
    expect(engine.asked[0]).toEqual(await host.read());
    expect(engine.asked[1]).toBe(letter);
    expect(analysis.letter).toBe(letter);
  });

  test("a primed run that fails is not reported: the pane's request is analysed anew", async () => {
    const host = new PreviewHost(SAMPLE);
    let calls = 0;
    const analyze = primeAnalyzer(async (letter) => {
      calls += 1;
      if (calls === 1) throw new Error("worker failed to load");
      return analyzeLetter(letter);
    }, host.read());
    const analysis = await analyze(await host.read());
    expect(calls).toBe(2);
    expect(analysis.scores).toEqual(analyzeLetter(await host.read()).scores);
  });
});
