// A candidate check's helper thread: the sources are TypeScript, loaded through tsx as the CLI loads them.
require("tsx/cjs/api").register();
require("./candidate-check-worker.ts");
