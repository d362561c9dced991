import type { CommandContext } from "./command-context";

/** Standard output and error for a command that must deliver every byte before the process exits. */
export interface StandardStreams {
  readonly io: CommandContext["io"];
  /** Exits with `code` once everything written has reached the stream (a pipe, a file, a terminal). */
  exit(code: number): void;
}

/**
 * Node writes to a pipe asynchronously once the pipe is full: what `process.exit` finds still
 * queued is lost, so `govcloud connectivity | wc -l` counted a fraction of the lines. Here the
 * exit waits for both streams to flush. A reader that leaves early (`| head -1`) closes the pipe:
 * the rest of the output is dropped quietly and the command still finishes what it was doing
 * (a synthesis is never cut off by a closed pager). Any other write failure (a full disk behind
 * `> file`) is said on stderr and fails the command, since its output is incomplete.
 */
export function standardStreams(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): StandardStreams {
  const closed = new Set<NodeJS.WriteStream>();
  const failures: string[] = [];
  for (const [stream, name] of [
    [stdout, "standard output"],
    [stderr, "standard error"],
  ] as const) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      closed.add(stream);
      if (error.code !== "EPIPE") failures.push(`govcloud: cannot write ${name}: ${error.message}\n`);
    });
  }
  const write = (stream: NodeJS.WriteStream) => (text: string) => {
    if (!closed.has(stream)) stream.write(text);
  };
  const flushed = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => {
      if (closed.has(stream)) return resolve();
      // Writes complete in order, so this empty one completes after everything before it.
      stream.write("", () => resolve());
    });
  return {
    io: { out: write(stdout), err: write(stderr) },
    exit(code) {
      void flushed(stdout)
        .then(() => {
          for (const failure of failures) write(stderr)(failure);
          return flushed(stderr);
        })
        .then(() => process.exit(failures.length > 0 && code === 0 ? 1 : code));
    },
  };
}
