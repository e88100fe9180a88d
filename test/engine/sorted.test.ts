import fc from "fast-check";
import { partitionPoint } from "../../src/engine/util/sorted.js";

describe("partitionPoint", () => {
  test("is where a linear scan of a sorted list first meets a value not before it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 })),
        fc.integer({ min: -5, max: 55 }),
        (values, at) => {
          const sorted = [...values].sort((a, b) => a - b);
          const linear = sorted.findIndex((value) => value > at);
          expect(partitionPoint(sorted.length, (index) => sorted[index]! <= at)).toBe(
            linear < 0 ? sorted.length : linear
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});
