import { readArtifact } from "../../audit/export";
import { podTemplates, records } from "../../audit/tenancy/pod-templates";
import { synthesizeExample } from "./example-artifact";

/**
 * Over every pod of the bundled example: credentials reach containers as read-only files, never
 * as environment variables (Checkov CKV_K8S_35), and every container that keeps running is probed.
 */
const stacks = readArtifact(synthesizeExample().outdir);
const pods = podTemplates(stacks);
const containersOf = (list: "containers" | "initContainers") =>
  pods.flatMap((pod) => records(pod.spec[list]).map((container) => ({ where: `${pod.resource.object.kind} ${pod.namespace}/${pod.resource.object.metadata.name} ${container.name}`, container })));

/**
 * The one documented exception: the openGauss image's entrypoint reads the superuser's name only
 * from GS_USERNAME (it has `GS_PASSWORD_FILE` for the password), and a name is not a credential.
 */
const ENV_FROM_SECRET_ALLOWED = new Set(["GS_USERNAME"]);

describe("credentials and probes of the bundled example's pods", () => {
  it("has workloads with credentials to check", () => {
    const readers = containersOf("containers").filter(({ container }) => JSON.stringify(container).includes("/var/run/secrets/govcloud/credentials"));
    expect(readers.length).toBeGreaterThan(20);
  });

  it("puts no Secret into any container's environment", () => {
    const leaks = [...containersOf("containers"), ...containersOf("initContainers")].flatMap(({ where, container }) => [
      ...records(container.env)
        .filter((e) => (e.valueFrom as Record<string, unknown> | undefined)?.secretKeyRef !== undefined && !ENV_FROM_SECRET_ALLOWED.has(String(e.name)))
        .map((e) => `${where}: env ${String(e.name)} from a Secret`),
      ...records(container.envFrom)
        .filter((e) => e.secretRef !== undefined)
        .map(() => `${where}: envFrom a Secret`),
    ]);
    expect(leaks).toEqual([]);
  });

  it("mounts every Secret read-only, its files readable by the pod's group at most", () => {
    const problems = pods.flatMap((pod) => {
      const secretVolumes = new Map(records(pod.spec.volumes).filter((v) => v.secret !== undefined).map((v) => [String(v.name), v.secret as Record<string, unknown>]));
      const where = `${pod.resource.object.kind} ${pod.namespace}/${pod.resource.object.metadata.name}`;
      return [
        ...[...secretVolumes].filter(([, s]) => s.defaultMode !== 0o440 && s.defaultMode !== 0o400).map(([name, s]) => `${where}: volume ${name} defaultMode ${String(s.defaultMode)}`),
        ...pod.containers.flatMap(({ container }) =>
          records(container.volumeMounts)
            .filter((m) => secretVolumes.has(String(m.name)) && m.readOnly !== true)
            .map((m) => `${where} ${String(container.name)}: ${String(m.name)} mounted writable`),
        ),
      ];
    });
    expect(problems).toEqual([]);
  });

  // Jobs run to completion: never a Service's endpoint (readiness means nothing), their end is
  // their exit, and a hang is bounded by activeDeadlineSeconds.
  it("gives every container that keeps running liveness and readiness probes, the exporters on their metrics port", () => {
    const unprobed = containersOf("containers")
      .filter(({ where }) => !where.startsWith("CronJob ") && !where.startsWith("Job "))
      .filter(({ container }) => container.livenessProbe === undefined || container.readinessProbe === undefined)
      .map(({ where }) => where);
    expect(unprobed).toEqual([]);
    const exporters = containersOf("containers").filter(({ container }) => container.name === "exporter");
    expect(exporters.length).toBeGreaterThan(10);
    for (const { container } of exporters) {
      expect(container.livenessProbe).toEqual({ httpGet: { path: "/", port: "metrics" }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 });
      expect(container.readinessProbe).toEqual({ httpGet: { path: "/", port: "metrics" }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 });
    }
  });
});
