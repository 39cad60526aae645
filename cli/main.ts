import { processJob, type BatchJob } from './batch-worker';
import { cliMessages } from '../src/index';
import { CHECKER_ARG, CHECKER_READY } from './files';
import { main } from './perf-check';
import { nodeZipCodec } from './zip-codec';
import { useZipCodec } from '../hosts/files/zip';

useZipCodec(nodeZipCodec);

// The same script is the CLI and, started by a batch run with an IPC channel, one of its checkers.
if (process.argv[2] === CHECKER_ARG && process.send) {
  // Ctrl-C in a terminal reaches every process of the run: the run decides what its checkers finish (batch.ts). An
  // orphaned checker (its run killed) leaves.
  process.on('SIGINT', () => undefined);
  process.on('disconnect', () => process.exit());
  // Workbooks come two at a time (see batch.ts): checked one after the other, rows sent in the same order.
  let last = Promise.resolve();
  process.on('message', (job: BatchJob) => {
    last = last.then(() => processJob(job)).then((row) => void process.send!(row));
  });
  process.send(CHECKER_READY);
} else {
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
}
