import type { Construct } from "constructs";
import { StatelessServiceTemplate, type StatelessServiceTemplateProps } from "./stateless-service";

export type ApiServiceTemplateProps = StatelessServiceTemplateProps;

/**
 * An HTTP API (`app.kubernetes.io/component: api`), hardened by default exactly as
 * {@link WebServiceTemplate}: non-root user 10001 under RuntimeDefault seccomp, no token, no
 * privilege or capabilities, read-only root with an emptyDir `/tmp`, limits equal to requests,
 * `GET /healthz` and `GET /ready` probes on the `http` port; at level 3 and above at least 2
 * replicas, a disruption budget, spread over nodes, the dedicated node pool when given, and
 * images pinned by digest. A Service on the port; an autoscaler and an Ingress when asked for.
 */
export class ApiServiceTemplate extends StatelessServiceTemplate {
  constructor(scope: Construct, id: string, props: ApiServiceTemplateProps) {
    super(scope, id, props, "api");
  }
}
