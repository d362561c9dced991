import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import type { Construct } from "constructs";

/** A provider for construct tests; constructs need one, its settings do not matter here. */
export function testProvider(scope: Construct): KubernetesProvider {
  return new KubernetesProvider(scope, "k8s", { alias: "test", configPath: "~/.kube/config", configContext: "test" });
}

/** The resources of one type in a synthesized scope, as the Terraform JSON has them. */
export function resourcesOf(synthesized: string, type: string): Array<Record<string, any>> {
  const document = JSON.parse(synthesized) as { resource?: Record<string, Record<string, Record<string, any>>> };
  return Object.values(document.resource?.[type] ?? {});
}
