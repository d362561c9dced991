// Preloaded into each measured process (`node --require ./bench/peak-memory.cjs …`): on exit,
// writes the process's peak resident set size (KiB) to the file BENCH_PEAK_FILE names.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
