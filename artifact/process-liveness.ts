/**
 * Whether a process with this id still runs. Leftovers of a synthesis (staging folders, a
 * temporary lock) carry its process id; only those of processes that are gone may be removed.
 * A process of another user counts as running.
 */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
