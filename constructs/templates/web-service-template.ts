import type { Construct } from "constructs";
import { StatelessServiceTemplate, type StatelessServiceTemplateProps } from "./stateless-service";

export type WebServiceTemplateProps = StatelessServiceTemplateProps;

/**
 * A web front end (`app.kubernetes.io/component: web`), hardened by default:
 * - pods run as user, group and file-system group 10001, non-root, under the RuntimeDefault
 *   seccomp profile, without the service-account token (its own ServiceAccount does not mount
 *   it either) or service-link environment variables, at the level's priority class;
 * - the container cannot escalate privileges, is not privileged, drops every capability, has a
 *   read-only root file system with `/tmp` as an emptyDir, and limits equal to its requests;
 * - `GET /healthz` is the liveness probe and `GET /ready` the readiness probe, on the `http` port;
 * - at level 3 and above: at least 2 replicas (fewer is refused), a disruption budget of one
 *   pod, spread over nodes, the image pinned by digest (else refused), and with a node pool,
 *   pinned to that dedicated pool and tolerating its taint.
 * A Service on the port; an autoscaler and an Ingress when asked for.
 */
export class WebServiceTemplate extends StatelessServiceTemplate {
  constructor(scope: Construct, id: string, props: WebServiceTemplateProps) {
    super(scope, id, props, "web");
  }
}
