import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { z } from "zod";
import { departmentFileSchema, type DepartmentDeclaration, type DepartmentFileDeclaration } from "../schema/department";
import { platformSchema, type PlatformDeclaration } from "../schema/platform";
import { waiversSchema, type WaiversDeclaration } from "../schema/waivers";
import { error, type FieldPath, type PositionedProblem, type Problem } from "./problem";
import type { ParsedValues } from "./parse-cache";
import { salvage } from "./salvage";
import { placeSharedServices } from "./shared-services";
import { schemaProblems } from "./schema-problems";
import { SourceDocument } from "./source-document";
import { EMPTY_LOCK, readStatefulLock, STATEFUL_LOCK_FILE, type StatefulLock } from "./stateful-lock";

/** A validated document together with the file it came from, so later rules can point into it. */
export interface Sourced<T> {
  readonly file: string;
  readonly data: T;
  /**
   * When the file failed its schema: its data as written, so a rule can tell a field the user left
   * out (which it reports) from one salvage dropped because it was invalid (reported already).
   */
  readonly written?: unknown;
}

export interface Declaration {
  readonly configDir: string;
  readonly platform: Sourced<PlatformDeclaration>;
  readonly departments: readonly Sourced<DepartmentDeclaration>[];
  readonly waivers: Sourced<WaiversDeclaration>;
  /** The stateful objects the last synthesis recorded (empty on a new platform). */
  readonly lock: Sourced<StatefulLock>;
  /**
   * False when some file failed to read or to match its schema: the declaration then holds what
   * could be salvaged (invalid fields left out, unreadable files empty), for rules to check.
   */
  readonly complete: boolean;
}

export interface LoadResult {
  /** Present only when every file parsed and matched its schema. */
  readonly declaration?: Declaration;
  /** Always present: the declaration itself when complete, otherwise what could be salvaged of it. */
  readonly salvaged: Declaration;
  readonly problems: readonly Problem[];
  /** Positions problems found by later rules in these same files. */
  readonly position: (problem: Problem) => PositionedProblem;
}

export const PLATFORM_FILE = "platform.yaml";
export const DEPARTMENTS_DIR = "departments";
export const WAIVERS_FILE = "waivers.yaml";

export interface LoadOptions {
  /** Where files parsed before are recalled from, and files parsed now kept (see DeclarationParseCache). */
  readonly parsed?: ParsedValues;
}

/**
 * Reads `platform.yaml`, `departments/*.yaml` and `waivers.yaml` under `configDir` and checks
 * each against its schema. Every file is read even when an earlier one fails, so the user sees
 * all problems at once. File names in problems are relative to `displayRoot`.
 */
export function loadDeclaration(configDir: string, displayRoot: string = process.cwd(), options: LoadOptions = {}): LoadResult {
  const documents = new Map<string, Pick<SourceDocument, "position">>();
  const problems: Problem[] = [];
  // Relative to where the user is when the file is below it; as an absolute path otherwise.
  const display = (path: string) => {
    const shown = relative(displayRoot, path);
    return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? resolve(path) : shown;
  };

  let complete = true;
  function load<S extends z.ZodType>(path: string, schema: S, required: boolean): Sourced<z.output<S>> | undefined {
    const file = display(path);
    if (!existsSync(path)) {
      if (required) problems.push(error(file, [], "file not found"));
      if (required) complete = false;
      return undefined;
    }
    const fail = (): Sourced<z.output<S>> => {
      complete = false;
      return { file, data: salvage(schema, {}) as z.output<S> };
    };
    // A folder, device or pipe where a file belongs would crash or hang the reader.
    const kind = entryKind(path);
    if (kind !== "file") {
      problems.push(error(file, [], `is ${kind}, not a regular file; a declaration is one YAML file`));
      return fail();
    }
    const document = SourceDocument.read(path, file, undefined, options.parsed);
    if (Array.isArray(document)) {
      problems.push(...document);
      return fail();
    }
    documents.set(file, document);
    const parsed = schema.safeParse(document.data, { reportInput: true });
    if (!parsed.success) {
      problems.push(...schemaProblems(file, schema, parsed.error.issues));
      complete = false;
      return { file, data: salvage(schema, document.data) as z.output<S>, written: document.data };
    }
    return { file, data: parsed.data };
  }

  const platformPath = join(configDir, PLATFORM_FILE);
  const platform = load(platformPath, platformSchema, true) ?? { file: display(platformPath), data: salvage(platformSchema, {}) as PlatformDeclaration };
  const departmentsDir = join(configDir, DEPARTMENTS_DIR);
  const departmentsKind = existsSync(departmentsDir) ? entryKind(departmentsDir) : undefined;
  if (departmentsKind !== undefined && departmentsKind !== "a folder") {
    problems.push(error(display(departmentsDir), [], `is ${departmentsKind === "file" ? "a file" : departmentsKind}; ${DEPARTMENTS_DIR} must be a folder holding one YAML file per department`));
    complete = false;
  }
  const departmentFiles = departmentsKind === "a folder"
    ? readdirSync(departmentsDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];
  const departments: Sourced<DepartmentDeclaration>[] = [];
  // Paths of the placed form mapped back to the lines the department wrote.
  const writtenPaths = new Map<string, (path: FieldPath) => FieldPath>();
  for (const name of departmentFiles) {
    const written = load(join(departmentsDir, name), departmentFileSchema, true);
    if (!written) continue;
    const placed = placeSharedServices(written.file, written.data as DepartmentFileDeclaration);
    if (placed.problems.length > 0) complete = false;
    problems.push(...placed.problems);
    writtenPaths.set(written.file, placed.writtenPath);
    departments.push({ file: written.file, data: placed.department, ...(written.written !== undefined ? { written: written.written } : {}) });
  }
  const waivers = load(join(configDir, WAIVERS_FILE), waiversSchema, false) ?? {
    file: display(join(configDir, WAIVERS_FILE)),
    data: { waivers: [] },
  };

  const lockPath = join(configDir, STATEFUL_LOCK_FILE);
  const loadedLock = readStatefulLock(lockPath, display(lockPath), options.parsed);
  let lock: Sourced<StatefulLock>;
  if (Array.isArray(loadedLock)) {
    problems.push(...loadedLock);
    complete = false;
    lock = { file: display(lockPath), data: EMPTY_LOCK };
  } else {
    if (loadedLock.document) documents.set(loadedLock.file, loadedLock.document);
    lock = { file: loadedLock.file, data: loadedLock.lock };
  }

  const position = (problem: Problem): PositionedProblem => {
    const written = writtenPaths.get(problem.file);
    const located = written && !("line" in problem) ? { ...problem, path: written(problem.path) } : problem;
    return documents.get(located.file)?.position(located) ?? { line: 1, column: 1, ...located };
  };
  complete &&= problems.length === 0;
  const salvaged: Declaration = { configDir, platform, departments, waivers, lock, complete };
  return { declaration: complete ? salvaged : undefined, salvaged, problems, position };
}

/** "file", or how to describe what else is at `path` ("a folder", "a device", …). */
function entryKind(path: string): string {
  const stat = statSync(path);
  if (stat.isFile()) return "file";
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a file";
}
