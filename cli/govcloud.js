#!/usr/bin/env node
// The `govcloud` command. The sources are TypeScript, loaded through tsx so that a fresh
// clone works right after `npm ci`, with no build step to forget.
require("tsx/cjs/api").register();
require("./main.ts").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`govcloud: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exit(2);
  },
);
