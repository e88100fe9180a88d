import { parentPort, workerData } from "node:worker_threads";
import { analyseFile, readFileSafely, type CheckFileOptions } from "./check-file.js";

/** A worker thread of `klarbrev check --jobs N`: checks the files it is sent, one at a time. */

export interface WorkerTask {
  index: number;
  path: string;
}

const options = workerData as CheckFileOptions;
const port = parentPort!;
let queue = Promise.resolve();

port.on("message", (task: WorkerTask) => {
  // The file is read at once (in the I/O pool) while the file before it is analysed; the
  // analyses run one at a time, in arrival order.
  const read = readFileSafely(task.path);
  queue = queue.then(async () => {
    const outcome = analyseFile(task.path, await read, options);
    port.postMessage({ index: task.index, outcome });
  });
});
