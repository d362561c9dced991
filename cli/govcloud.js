#!/usr/bin/env node
// The `govcloud` command. The sources are TypeScript, loaded through tsx so that a fresh
// clone works right after `npm ci`, with no build step to forget.
require("tsx/cjs/api").register();
const { standardStreams } = require("./standard-streams.ts");
// Exits only once stdout and stderr have delivered everything (a pipe is written asynchronously).
const streams = standardStreams();
require("./main.ts").main(process.argv.slice(2), streams.io).then(
  (code) => streams.exit(code),
  (err) => {
    streams.io.err(`govcloud: internal error: ${err && err.stack ? err.stack : err}\n`);
    streams.exit(2);
  },
);
