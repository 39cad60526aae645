import { isMainThread, parentPort } from 'node:worker_threads';
import { processJob, type BatchJob } from './batch-worker';
import { cliMessages } from '../src/index';
import { main } from './perf-check';
import { nodeZipCodec } from './zip-codec';
import { useZipCodec } from '../hosts/files/zip';

useZipCodec(nodeZipCodec);

// The same script is the CLI and, in a worker thread, one of the batch run's checkers.
if (isMainThread) {
  void main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      // Last resort: a reviewer reads one Chinese line, never a stack trace.
      process.stderr.write(`${cliMessages.crashed()}\n`);
      process.exitCode = 2;
    },
  );
} else {
  // Workbooks come two at a time (see batch.ts): checked one after the other, rows posted in the same order.
  let last = Promise.resolve();
  parentPort!.on('message', (job: BatchJob) => {
    last = last.then(() => processJob(job)).then((row) => parentPort!.postMessage(row));
  });
}
