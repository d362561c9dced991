import { DayTwoProject } from "./day-two-project";
import { addClusterSortingFirst, addStatelessDepartment, moveStatelessEnvironmentToNbShared, STATELESS_DEPARTMENT } from "./day-two-scenarios";

/**
 * An environment without data may move cluster. Terraform would not move an object whose address
 * stays while its provider changes: it would read the address through the new provider, create it
 * there and leave the old object running, unmanaged. So the moved environment gets new addresses:
 * the preview, the record and Terraform all see a create on the new cluster and a destroy on the old.
 */
const { stack: STACK } = STATELESS_DEPARTMENT;
const providerAliases = (stack: Record<string, any>) => (stack.provider?.kubernetes ?? []).map((p: { alias: string }) => p.alias).sort();
const addresses = (stack: Record<string, any>) => Object.entries<Record<string, any>>(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)).sort();
/** The lines of one stack's section of the preview. */
const section = (text: string, stack: string) => {
  const lines = text.split("\n");
  const start = lines.indexOf(`${stack}:`);
  return start < 0 ? [] : lines.slice(start, lines.indexOf("", start));
};

describe("moving an environment without data to another cluster", () => {
  const project = new DayTwoProject();
  addStatelessDepartment(project);
  project.synthOrFail();
  const before = addresses(project.stack(STACK));
  addClusterSortingFirst(project);
  moveStatelessEnvironmentToNbShared(project);
  const preview = project.preview();
  project.synthOrFail();
  const stack = project.stack(STACK);
  const after = addresses(stack);

  it("was addressed by its name, and gets new addresses on the new cluster", () => {
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((a) => /^kubernetes_[a-z0-9_]+\.tenant_dev_/.test(a))).toBe(true);
    expect(after).toEqual(before.map((a) => a.replace(/\.tenant_dev_(.*)_[0-9A-F]{8}$/, ".tenant_dev-on-nb-shared_$1_")).map((prefix) => after.find((a) => a.startsWith(prefix))));
    const resources = Object.values<Record<string, any>>(stack.resource).flatMap((byName) => Object.values(byName));
    expect(new Set(resources.map((r) => r.provider))).toEqual(new Set(["kubernetes.nb-shared"]));
  });

  it("is previewed as a create of each object on nb-shared and a destroy of each on shared-hz, refusing nothing", () => {
    expect(preview.refusals).toEqual([]);
    const n = before.length;
    expect(section(preview.text, STACK)).toEqual([
      `${STACK}:`,
      ...[...before.map((a) => `  - ${a} will be destroyed`), ...after.map((a) => `  + ${a} will be created`)].sort((x, y) => (x.slice(4) < y.slice(4) ? -1 : 1)),
      `  Plan: ${n} to add, 0 to change, ${n} to destroy.`,
    ]);
  });

  it("keeps the shared-hz provider, through which Terraform destroys the old objects", () => {
    expect(providerAliases(stack)).toEqual(["nb-shared", "shared-hz"]);
  });

  it("records the new placement and addresses, and nothing left on shared-hz", () => {
    const lock = project.lock();
    expect(lock.environments["tourism/dev"]).toEqual({ cluster: "nb-shared", id: "dev-on-nb-shared" });
    expect(Object.keys(lock.stacks[STACK])).toEqual(["nb-shared"]);
    expect([...lock.stacks[STACK]["nb-shared"]["tourism-dev"]].sort()).toEqual(after);
  });

  it("keeps its new addresses afterwards, and drops the provider once nothing is left on shared-hz", () => {
    expect(project.preview().text).toMatch(/^\d+ stacks without changes\.\nTotal: 0 to add, 0 to change, 0 to destroy\.\n$/);
    project.synthOrFail();
    expect(addresses(project.stack(STACK))).toEqual(after);
    expect(providerAliases(project.stack(STACK))).toEqual(["nb-shared"]);
  });
});
