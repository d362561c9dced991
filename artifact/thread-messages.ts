import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";

/**
 * A synthesis is synchronous, so the thread waiting for its helper threads sleeps on a shared
 * counter (`Atomics.wait`) rather than on the event loop: each helper bumps the counter after
 * every message it posts, and the waiting thread reads its ports then.
 */
export function newWakeSignal(): SharedArrayBuffer {
  return new SharedArrayBuffer(4);
}

/** Posts `message` on `port` and wakes the thread waiting in `receiveUntil` on `signal`. */
export function postAndWake(port: MessagePort, signal: SharedArrayBuffer, message: unknown): void {
  port.postMessage(message);
  const counter = new Int32Array(signal);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

/** Nothing from a helper thread for this long means it died without a word (killed, out of memory). */
const SILENCE_LIMIT_MS = 10 * 60 * 1000;

/**
 * Hands each message arriving on `ports` to `handle`, sleeping while none comes, until `handle`
 * returns something other than undefined, which is returned. `helpers` names the threads in the
 * error thrown when none of them has said anything for ten minutes.
 */
export function receiveUntil<T>(
  ports: readonly MessagePort[],
  signal: SharedArrayBuffer,
  handle: (message: unknown, port: MessagePort) => T | undefined,
  helpers: string,
): T {
  const counter = new Int32Array(signal);
  let lastHeard = Date.now();
  for (;;) {
    const seen = Atomics.load(counter, 0);
    let heard = false;
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        heard = true;
        const outcome = handle(message.message, port);
        if (outcome !== undefined) return outcome;
      }
    }
    if (heard) {
      lastHeard = Date.now();
      continue;
    }
    if (Date.now() - lastHeard > SILENCE_LIMIT_MS) throw new Error(`no ${helpers} reported for ${SILENCE_LIMIT_MS / 60000} minutes; one of them stopped`);
    Atomics.wait(counter, 0, seen, 1000);
  }
}
