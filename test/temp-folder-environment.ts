import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import { TestEnvironment } from "jest-environment-node";
import { TEST_TEMP_VARIABLE } from "./test-temp-folder";

/**
 * Jest's node environment with a temporary folder of each test file's own: TMPDIR points at it
 * while the file runs (os.tmpdir() and every child process read it), and it is removed once the
 * file's last hook has run. Whatever a test, cdktf's Testing helpers, Playwright or a spawned
 * `govcloud` leaves in the temporary directory goes with it, so a run leaves nothing behind and
 * two test files never see each other's leftovers.
 */
export default class TempFolderEnvironment extends TestEnvironment {
  private readonly folder: string;
  private readonly previous: string | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const root = process.env[TEST_TEMP_VARIABLE] ?? tmpdir();
    mkdirSync(root, { recursive: true });
    this.folder = mkdtempSync(join(root, "file-"));
    this.previous = process.env.TMPDIR;
  }

  override async setup(): Promise<void> {
    await super.setup();
    // The worker's real environment (what os.tmpdir() and child processes read) and the test's copy of it.
    process.env.TMPDIR = this.folder;
    (this.global.process as NodeJS.Process).env.TMPDIR = this.folder;
  }

  override async teardown(): Promise<void> {
    rmSync(this.folder, { recursive: true, force: true });
    if (this.previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.previous;
    await super.teardown();
  }
}
