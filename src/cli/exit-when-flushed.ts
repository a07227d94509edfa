// Ending the command. process.exit() drops whatever a pipe has not yet taken from stdout (writes to a
// pipe are asynchronous on Linux and macOS), so a long `--json` read by another program came out cut
// off. The process ends only once both streams have handed over everything written before.
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    pending--;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}
