import { readArtifact } from "../../audit/export";
import { validateObject } from "../../audit/schema";
import { CUSTOM_RESOURCE_KINDS } from "../../audit/schema/custom-resource-kinds";
import { synthesizeExample } from "../stacks/example-artifact";
import { loadCrdSchemas } from "./cluster-api-crds";
import { validateStructural } from "./structural-schema";

/**
 * Every Cluster API object of the bundled example against the schema of its CRD, as Cluster API
 * v1.14.0 and the OpenStack provider v0.14.7 install them (`npm run test:conformance`: reads the shared folder).
 */
const crds = loadCrdSchemas();
const example = synthesizeExample();
const clusterApiObjects = readArtifact(example.outdir)
  .flatMap((stack) => stack.resources)
  .filter((resource) => resource.object.apiVersion.split("/")[0].endsWith("cluster.x-k8s.io"));

const kindOf = (o: { apiVersion: string; kind: string }) => `${o.apiVersion}/${o.kind}`;

describe("Cluster API objects of the bundled example", () => {
  test("are the seven kinds of a kubeadm cluster on OpenStack, at the served storage versions", () => {
    expect([...new Set(clusterApiObjects.map((r) => kindOf(r.object)))].sort()).toEqual([...CUSTOM_RESOURCE_KINDS.keys()].sort());
    for (const resource of clusterApiObjects) {
      const crd = crds.get(kindOf(resource.object));
      expect({ kind: kindOf(resource.object), served: crd?.served, storage: crd?.storage }).toEqual({ kind: kindOf(resource.object), served: true, storage: true });
      expect(CUSTOM_RESOURCE_KINDS.get(kindOf(resource.object))).toBe(crd!.file);
    }
  });

  test.each(clusterApiObjects.map((r) => [`${r.object.kind} ${r.object.metadata.name}`, r] as const))("%s passes its CRD's schema, names and labels", (_, resource) => {
    const { schema } = crds.get(kindOf(resource.object))!;
    expect(validateStructural(schema, resource.object)).toEqual([]);
    expect(validateObject(resource.object)).toEqual([]);
  });
});

describe("the CRD check refuses what the API server refuses", () => {
  const controlPlane = clusterApiObjects.find((r) => r.object.kind === "KubeadmControlPlane")!.object as any;
  const machineTemplate = clusterApiObjects.find((r) => r.object.kind === "OpenStackMachineTemplate")!.object as any;
  const cluster = clusterApiObjects.find((r) => r.object.kind === "Cluster")!.object as any;
  const schemaOf = (o: { apiVersion: string; kind: string }) => crds.get(kindOf(o))!.schema;

  test("a misspelled field", () => {
    const typo = { ...cluster, spec: { ...cluster.spec, controlPlaneReference: cluster.spec.controlPlaneRef } };
    expect(validateStructural(schemaOf(cluster), typo)).toEqual([{ path: "spec.controlPlaneReference", message: "is not a field of this kind (the API server drops or refuses it)" }]);
  });

  test("a v1beta1-style reference in a v1beta2 object", () => {
    const old = { ...cluster, spec: { ...cluster.spec, infrastructureRef: { apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1", kind: "OpenStackCluster", name: "secure-l4" } } };
    expect(validateStructural(schemaOf(cluster), old)).toEqual([
      { path: "spec.infrastructureRef.apiGroup", message: "is required" },
      { path: "spec.infrastructureRef.apiVersion", message: "is not a field of this kind (the API server drops or refuses it)" },
    ]);
  });

  test("an API server argument given twice with another value (CEL rule of extraArgs; the list-map key is name and value)", () => {
    const apiServer = controlPlane.spec.kubeadmConfigSpec.clusterConfiguration.apiServer;
    const twice = structuredClone(controlPlane);
    twice.spec.kubeadmConfigSpec.clusterConfiguration.apiServer.extraArgs = [...apiServer.extraArgs, { name: "audit-log-maxage", value: "30" }];
    expect(validateStructural(schemaOf(controlPlane), twice)).toEqual([
      { path: "spec.kubeadmConfigSpec.clusterConfiguration.apiServer.extraArgs", message: "extraArgs name must be unique" },
    ]);
  });

  test("a machine without a flavor (CEL rule of OpenStackMachineTemplate)", () => {
    const noFlavor = structuredClone(machineTemplate);
    delete noFlavor.spec.template.spec.flavor;
    expect(validateStructural(schemaOf(machineTemplate), noFlavor)).toEqual([{ path: "spec.template.spec", message: "at least one of flavor or flavorID must be set" }]);
  });

  test("an OpenStackCluster without the fields the API server defaults is completed, not refused", () => {
    const openStackCluster = clusterApiObjects.find((r) => r.object.kind === "OpenStackCluster")!.object as any;
    const bare = structuredClone(openStackCluster);
    delete bare.spec.identityRef.type;
    delete bare.spec.managedSecurityGroups.allowAllInClusterTraffic;
    expect(validateStructural(schemaOf(openStackCluster), bare)).toEqual([]);
  });
});
