import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { formatProblem } from "../../config/declaration/problem";
import { readStatefulLock, type LoadedLock } from "../../config/declaration/stateful-lock";
import { recordedWorkloadClusters } from "../../config/model/recorded-workload-clusters";
import { readPlatform } from "../../config/read-platform";
import { EXAMPLE_CONFIG } from "../artifact/example-project";
import { materialize, TODAY } from "./declaration-fixtures";

/**
 * A cluster Cluster API created (the record holds its Cluster object) is deleted only on purpose:
 * the base declaration's secure-l4 is registered, and the record says Cluster API created it on shared.
 */
const RECORD = {
  version: 2,
  entries: [],
  environments: {},
  stacks: {
    "clusters-shared": {
      shared: { "govcloud-clusters": ["kubernetes_manifest.secure-l4_cluster_112E7A1E", "kubernetes_manifest.secure-l4_openstack-cluster_DD651CDB"] },
    },
  },
};

function problemsWith(platform: (doc: ReturnType<typeof parseDocument>) => void): string[] {
  const project = materialize();
  writeFileSync(join(project, "config", "stateful.lock.json"), JSON.stringify(RECORD));
  const path = join(project, "config", "platform.yaml");
  const document = parseDocument(readFileSync(path, "utf8"));
  platform(document);
  writeFileSync(path, document.toString());
  return readPlatform(join(project, "config"), project, { today: TODAY }).problems.map(formatProblem);
}

const provisionedOn = (management: string) => ({
  management,
  kubernetesVersion: "v1.33.4",
  controlPlane: { replicas: 3, flavor: "c8m32", image: "kube-v1.33.4" },
  openstack: { externalNetworkId: "ext-net", dnsServers: ["10.0.0.53"] },
});

describe("a recorded workload cluster", () => {
  it("is read back from the committed record of the bundled example", () => {
    const loaded = readStatefulLock(join(EXAMPLE_CONFIG, "stateful.lock.json"), "config/stateful.lock.json") as LoadedLock;
    expect(recordedWorkloadClusters(loaded.lock).map(({ cluster, management, stack, namespace }) => ({ cluster, management, stack, namespace }))).toEqual([
      { cluster: "secure-l4", management: "shared-hz", stack: "clusters-shared-hz", namespace: "govcloud-clusters" },
    ]);
  });

  it("stays provisioned where it was created", () => {
    expect(
      problemsWith((d) => {
        d.setIn(["clusters", 1, "provisioned"], d.createNode(provisionedOn("shared")));
        d.setIn(["clusters", 1, "nodePools", 0, "machine"], d.createNode({ flavor: "c16m64", image: "kube-v1.33.4" }));
      }),
    ).toEqual([]);
  });

  it("is refused when declared registered, since Cluster API would delete its machines", () => {
    expect(problemsWith(() => undefined)).toEqual([
      'config/platform.yaml:32:5 clusters[1]: cluster "secure-l4" was created by Cluster API on "shared" (the record holds its Cluster object in stack clusters-shared), and it is now declared registered: Terraform would destroy that Cluster object, and Cluster API then deletes every machine of "secure-l4" and the data on them. Keep it provisioned on "shared"; to delete the cluster on purpose, add { name: secure-l4, management: shared } to decommissionedClusters',
    ]);
  });

  it("is deleted once decommissionedClusters names it with the cluster that created it", () => {
    expect(problemsWith((d) => d.set("decommissionedClusters", d.createNode([{ name: "secure-l4", management: "shared" }])))).toEqual([]);
    expect(problemsWith((d) => d.set("decommissionedClusters", d.createNode([{ name: "secure-l4", management: "secure-l4" }])))).toEqual([
      'config/platform.yaml:32:5 clusters[1]: cluster "secure-l4" was created by Cluster API on "shared" (the record holds its Cluster object in stack clusters-shared), and it is now declared registered: Terraform would destroy that Cluster object, and Cluster API then deletes every machine of "secure-l4" and the data on them. Keep it provisioned on "shared"; to delete the cluster on purpose, add { name: secure-l4, management: shared } to decommissionedClusters',
    ]);
  });

  it("refuses to decommission a cluster still provisioned, or through a management cluster platform.yaml lacks", () => {
    expect(
      problemsWith((d) => {
        d.set("decommissionedClusters", d.createNode([{ name: "secure-l4", management: "shared" }, { name: "old-l4", management: "mgmt" }]));
        d.setIn(["clusters", 1, "provisioned"], d.createNode(provisionedOn("shared")));
        d.setIn(["clusters", 1, "nodePools", 0, "machine"], d.createNode({ flavor: "c16m64", image: "kube-v1.33.4" }));
      }),
    ).toEqual([
      'config/platform.yaml:117:5 decommissionedClusters[0].name: cluster "secure-l4" is still provisioned on "shared": a cluster to delete leaves clusters (or its provisioned block); to keep it, remove this entry',
      'config/platform.yaml:120:5 decommissionedClusters[1].management: "mgmt" is not a registered cluster of platform.yaml: its clusters stack must apply the deletion, so it stays declared until the deletion is applied',
    ]);
  });
});
