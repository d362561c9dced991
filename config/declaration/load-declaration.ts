import { existsSync, readdirSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { z } from "zod";
import { departmentSchema, type DepartmentDeclaration } from "../schema/department";
import { platformSchema, type PlatformDeclaration } from "../schema/platform";
import { waiversSchema, type WaiversDeclaration } from "../schema/waivers";
import { error, type PositionedProblem, type Problem } from "./problem";
import { schemaProblems } from "./schema-problems";
import { SourceDocument } from "./source-document";
import { readStatefulLock, STATEFUL_LOCK_FILE, type StatefulLock } from "./stateful-lock";

/** A validated document together with the file it came from, so later rules can point into it. */
export interface Sourced<T> {
  readonly file: string;
  readonly data: T;
}

export interface Declaration {
  readonly configDir: string;
  readonly platform: Sourced<PlatformDeclaration>;
  readonly departments: readonly Sourced<DepartmentDeclaration>[];
  readonly waivers: Sourced<WaiversDeclaration>;
  /** The stateful objects the last synthesis recorded (empty on a new platform). */
  readonly lock: Sourced<StatefulLock>;
}

export interface LoadResult {
  /** Present only when every file parsed and matched its schema. */
  readonly declaration?: Declaration;
  readonly problems: readonly Problem[];
  /** Positions problems found by later rules in these same files. */
  readonly position: (problem: Problem) => PositionedProblem;
}

export const PLATFORM_FILE = "platform.yaml";
export const DEPARTMENTS_DIR = "departments";
export const WAIVERS_FILE = "waivers.yaml";

/**
 * Reads `platform.yaml`, `departments/*.yaml` and `waivers.yaml` under `configDir` and checks
 * each against its schema. Every file is read even when an earlier one fails, so the user sees
 * all problems at once. File names in problems are relative to `displayRoot`.
 */
export function loadDeclaration(configDir: string, displayRoot: string = process.cwd()): LoadResult {
  const documents = new Map<string, SourceDocument>();
  const problems: Problem[] = [];
  // Relative to where the user is when the file is below it; as an absolute path otherwise.
  const display = (path: string) => {
    const shown = relative(displayRoot, path);
    return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? resolve(path) : shown;
  };

  function load<S extends z.ZodType>(path: string, schema: S, required: boolean): Sourced<z.output<S>> | undefined {
    const file = display(path);
    if (!existsSync(path)) {
      if (required) problems.push(error(file, [], "file not found"));
      return undefined;
    }
    const document = SourceDocument.read(path, file);
    if (Array.isArray(document)) {
      problems.push(...document);
      return undefined;
    }
    documents.set(file, document);
    const parsed = schema.safeParse(document.data, { reportInput: true });
    if (!parsed.success) {
      problems.push(...schemaProblems(file, schema, parsed.error.issues));
      return undefined;
    }
    return { file, data: parsed.data };
  }

  const platform = load(join(configDir, PLATFORM_FILE), platformSchema, true);
  const departmentsDir = join(configDir, DEPARTMENTS_DIR);
  const departmentFiles = existsSync(departmentsDir)
    ? readdirSync(departmentsDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];
  const departments: Sourced<DepartmentDeclaration>[] = [];
  let allDepartmentsLoaded = true;
  for (const name of departmentFiles) {
    const department = load(join(departmentsDir, name), departmentSchema, true);
    if (department) departments.push(department);
    else allDepartmentsLoaded = false;
  }
  const waivers = load(join(configDir, WAIVERS_FILE), waiversSchema, false) ?? {
    file: display(join(configDir, WAIVERS_FILE)),
    data: { waivers: [] },
  };

  const lockPath = join(configDir, STATEFUL_LOCK_FILE);
  const loadedLock = readStatefulLock(lockPath, display(lockPath));
  let lock: Sourced<StatefulLock> | undefined;
  if (Array.isArray(loadedLock)) problems.push(...loadedLock);
  else {
    if (loadedLock.document) documents.set(loadedLock.file, loadedLock.document);
    lock = { file: loadedLock.file, data: loadedLock.lock };
  }

  const position = (problem: Problem): PositionedProblem =>
    documents.get(problem.file)?.position(problem) ?? { line: 1, column: 1, ...problem };
  const declaration =
    platform && lock && allDepartmentsLoaded && problems.length === 0
      ? { configDir, platform, departments, waivers, lock }
      : undefined;
  return { declaration, problems, position };
}
