/** Where progress goes: the error stream, and whether it is a terminal. */
export interface ProgressStream {
  readonly write: (text: string) => void;
  readonly isTerminal: boolean;
}

export interface ProgressOptions {
  /** `--progress`: report even when the stream is not a terminal (one line every few seconds). */
  readonly forced: boolean;
  /** Quiet until the work has taken this long, so short runs print nothing. @default 2000 */
  readonly afterMs?: number;
  /** The clock, for tests. @default Date.now */
  readonly now?: () => number;
}

export interface ProgressLine {
  /** `done` of `total` units (stacks), with an optional note (`12 from cache`, `checking rbac`). */
  update(done: number, total: number, note?: string): void;
  /** Ends the line: cleared on a terminal, so the command's own output follows cleanly. */
  finish(): void;
}

const TERMINAL_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 5000;

/**
 * Progress of long work, `synth: 412/1005 stacks (380 from cache), 14.2 s`: redrawn in place on
 * a terminal; in a log (CI) nothing, unless asked for, and then a plain line every few seconds.
 * Short work (under a couple of seconds) prints nothing either way.
 */
export function progressLine(label: string, stream: ProgressStream, options: ProgressOptions): ProgressLine {
  const now = options.now ?? Date.now;
  const started = now();
  const quietFor = options.afterMs ?? 2000;
  const active = stream.isTerminal || options.forced;
  let lastShown = -Infinity;
  let drawn = false;
  // The line that first reports every unit done is always shown; later ones (the audit's checks,
  // after its stacks are read) come at the usual pace.
  let completed = false;
  const text = (done: number, total: number, note?: string) =>
    `${label}: ${done}/${total} stacks${note ? ` (${note})` : ""}, ${((now() - started) / 1000).toFixed(1)} s`;
  return {
    update(done, total, note) {
      if (!active) return;
      const time = now();
      const completes = done === total && !completed;
      if (time - started < quietFor) return;
      if (!completes && time - lastShown < (stream.isTerminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS)) return;
      lastShown = time;
      completed ||= done === total;
      if (stream.isTerminal) {
        stream.write(`\r\u001b[2K${text(done, total, note)}`);
        drawn = true;
      } else {
        stream.write(`${text(done, total, note)}\n`);
      }
    },
    finish() {
      if (drawn) stream.write("\r\u001b[2K");
      drawn = false;
    },
  };
}
