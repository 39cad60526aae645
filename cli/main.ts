import { main } from './perf-check';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
