import type { Construct } from "constructs";
import { httpProbes } from "./hardened-pod";
import { LIVENESS_PATH } from "./stateless-service";
import { StatelessWorkload } from "./stateless-workload";
import type { WorkloadTemplateProps } from "./workload-props";

/** A worker serves no traffic: it listens only on its metrics port. */
export type WorkerTemplateProps = Omit<WorkloadTemplateProps, "port">;

/**
 * A background worker (`app.kubernetes.io/component: worker`) consuming queues or schedules of
 * its own: a Deployment without a Service, hardened by default as the HTTP templates are
 * (non-root user 10001, RuntimeDefault seccomp, no token, no privilege or capabilities, read-only
 * root with an emptyDir `/tmp`, limits equal to requests). Its only port is `metrics`, where it
 * answers `GET /healthz` for both liveness and readiness. At level 3 and above: at least 2
 * replicas, a disruption budget, spread over nodes, the dedicated node pool when given, and the
 * image pinned by digest.
 */
export class WorkerTemplate extends StatelessWorkload {
  constructor(scope: Construct, id: string, props: WorkerTemplateProps) {
    super(scope, id, props, "worker", {
      ports: [{ name: "metrics", containerPort: props.metricsPort }],
      ...httpProbes("metrics", LIVENESS_PATH, LIVENESS_PATH),
    });
  }
}
