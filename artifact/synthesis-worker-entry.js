// A synthesis worker thread: the sources are TypeScript, loaded through tsx as the CLI loads them.
require("tsx/cjs/api").register();
require("./synthesis-worker.ts");
