import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type CheckFileOptions } from "./check-file.js";

/** A worker thread of `klarbrev check --jobs N`: checks the files it is sent, one at a time. */

export interface WorkerTask {
  index: number;
  path: string;
}

const options = workerData as CheckFileOptions;
const port = parentPort!;
let queue = Promise.resolve();

port.on("message", (task: WorkerTask) => {
  // One at a time, in arrival order: the pool sends a second task ahead so the thread never idles.
  queue = queue.then(async () => {
    const outcome = await checkFile(task.path, options);
    port.postMessage({ index: task.index, outcome });
  });
});
