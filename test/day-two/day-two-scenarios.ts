import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DayTwoProject } from "./day-two-project";

/**
 * The changes a platform team makes to the bundled example over a year, each as an edit of a
 * {@link DayTwoProject}'s declaration. The scenario tests check each one's preview, record and
 * output; the Terraform test runs them one after another on one copy and has Terraform read
 * every output.
 */

/** Retires public-security's only level-4 environment (on secure-l4) and the sharing it consumed. */
export function retireEnvironmentOnSecondCluster(project: DayTwoProject): void {
  const file = "departments/public-security.yaml";
  project.edit(file, (d) => {
    d.setIn(["environments", project.indexOf(file, ["environments"], "core"), "retired"], true);
    d.deleteIn(["sharing", "consumes", 0]);
  });
  project.removeFromList("departments/big-data.yaml", ["sharing", "offers", 0, "consumers"], "public-security/core/population-api");
}

/** Retires the housing department, and natural-resources' offer to it. */
export function retireHousing(project: DayTwoProject): void {
  project.edit("departments/housing.yaml", (d) => {
    d.set("retired", true);
    d.delete("sharing");
  });
  // Its use of big-data's exchange is unconditional: its own consumption, gone with its sharing.
  project.edit("departments/natural-resources.yaml", (d) => d.deleteIn(["sharing", "offers"]));
}

const NATURAL_RESOURCES = "departments/natural-resources.yaml";

/** A field of a natural-resources service in prod (the department declares services once, prod overrides). */
export function naturalResourcesProd(project: DayTwoProject, service: string, field: string): (string | number)[] {
  return ["services", project.indexOf(NATURAL_RESOURCES, ["services"], service), "environments", "prod", field];
}

/** Sets the storage of natural-resources' prod database (500Gi in the example). */
export function setProdDatabaseStorage(project: DayTwoProject, size: string): void {
  project.edit(NATURAL_RESOURCES, (d) => d.setIn(naturalResourcesProd(project, "db", "storage"), size));
}

/** More replicas and a new image for land-api, and the prod database's data class from internal to public. */
export function changeReplicasImagesAndDataClass(project: DayTwoProject): void {
  project.edit(NATURAL_RESOURCES, (d) => {
    d.setIn(naturalResourcesProd(project, "land-api", "replicas"), 3);
    d.setIn(naturalResourcesProd(project, "land-api", "image"), "harbor.jiangnan.gov.cn/natural-resources/land-api:1.9.4");
    d.setIn(naturalResourcesProd(project, "db", "dataClass"), "public");
  });
}

/** Adds a second shared cluster for levels 1 and 2, `nb-shared`, whose name sorts before `shared-hz`. */
export function addClusterSortingFirst(project: DayTwoProject): void {
  project.edit("platform.yaml", (d) => {
    const shared = (d.toJS() as { clusters: Array<Record<string, any>> }).clusters.find((c) => c.name === "shared-hz")!;
    d.addIn(["clusters"], {
      ...shared,
      name: "nb-shared",
      displayName: "甬城共享集群",
      kubeconfig: { path: "~/.kube/govcloud", context: "nb-shared" },
      levels: [1, 2],
      gatewayAddresses: "10.42.0.0/24",
      nodePools: shared.nodePools.filter((p: { levels: number[] }) => !p.levels.includes(3)),
      capacity: { ...shared.capacity, cpu: 600, memory: "2400Gi" },
    });
  });
}

/** A department with one level-1 environment that holds no data: a web guide. */
export const STATELESS_DEPARTMENT = { file: "departments/tourism.yaml", stack: "dept-tourism" } as const;

export function addStatelessDepartment(project: DayTwoProject): void {
  writeFileSync(
    join(project.config, STATELESS_DEPARTMENT.file),
    `name: tourism
displayName: 江南省文化和旅游厅
owners:
  admins: [tourism-admins]
  developers: [tourism-developers]
  viewers: [tourism-viewers]
services:
  - name: guide
    template: web
    image: harbor.jiangnan.gov.cn/tourism/guide:1.0.0
    size: small
    replicas: 1
    port: 8080
    dataClass: public
environments:
  - name: dev
    level: 1
    quota: {cpu: 2, memory: 4Gi, storage: 10Gi}
`,
  );
}

/** Declares that the stateless department's environment runs on `nb-shared` (which must exist). */
export function moveStatelessEnvironmentToNbShared(project: DayTwoProject): void {
  project.edit(STATELESS_DEPARTMENT.file, (d) => d.setIn(["environments", 0, "cluster"], "nb-shared"));
}

// The stateful-store template's data claim addresses: `..._data-claim-<ordinal>_<hash>`.
const DATA_CLAIM = /^kubernetes_persistent_volume_claim_v1\.\S*_data-claim-\d+_[0-9A-F]{8}$/;

/**
 * The record as a synthesis before govcloud managed data claims wrote it: every data claim left
 * out, as if each StatefulSet had created its claims itself.
 */
export function recordWithoutDataClaims(project: DayTwoProject): void {
  const lock = project.lock();
  for (const entry of lock.entries) {
    entry.resources = entry.resources.filter((a: string) => !DATA_CLAIM.test(a));
    delete entry.imported;
    delete entry.fields;
  }
  for (const clusters of Object.values<Record<string, Record<string, string[]>>>(lock.stacks)) {
    for (const namespaces of Object.values(clusters)) {
      for (const [namespace, addresses] of Object.entries(namespaces)) namespaces[namespace] = addresses.filter((a) => !DATA_CLAIM.test(a));
    }
  }
  writeFileSync(join(project.config, "stateful.lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
}
