import type { Construct } from "constructs";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { httpProbes } from "./hardened-pod";
import { TLS_SECRET_KEYS, TLS_SECRET_TYPE } from "./secret-reads";
import { StatelessWorkload } from "./stateless-workload";
import { checkAutoscaling } from "./workload-guards";
import type { AutoscalingProps, ExposureProps, WorkloadTemplateProps } from "./workload-props";

/** The ingress-nginx annotation that admits only the listed client ranges. */
export const SOURCE_RANGE_ANNOTATION = "nginx.ingress.kubernetes.io/whitelist-source-range";
/** Path the application answers liveness on: the process is alive. */
export const LIVENESS_PATH = "/healthz";
/** Path the application answers readiness on: it can serve traffic now. */
export const READINESS_PATH = "/ready";

export interface StatelessServiceTemplateProps extends WorkloadTemplateProps {
  /** Port the application serves HTTP on: the container port `http`, the Service port, and the probes' port. */
  readonly port: number;
  /** Publishes the service through the gateway's ingress controller. @default - reachable inside the cluster only, as the flows allow */
  readonly exposure?: ExposureProps;
  /** Scales the Deployment on CPU utilisation, with the initial replica count as `replicas` or else `minReplicas`. @default - a fixed replica count */
  readonly autoscaling?: AutoscalingProps;
}

/**
 * An HTTP service that keeps no state: the stateless workload, plus a ClusterIP Service on its
 * port, probes (`GET /healthz` alive, `GET /ready` ready), optionally an autoscaler (autoscaling/v2,
 * CPU) and an Ingress through the gateway with TLS from an existing Secret; an extranet exposure
 * admits only its declared source ranges.
 */
export abstract class StatelessServiceTemplate extends StatelessWorkload {
  readonly service: ServiceV1;
  /** Present when the service is autoscaled. */
  readonly autoscaler?: HorizontalPodAutoscalerV2;
  /** Present when the service is exposed. */
  readonly ingress?: IngressV1;

  protected constructor(scope: Construct, id: string, props: StatelessServiceTemplateProps, component: string) {
    if (props.autoscaling) checkAutoscaling(props.level, props.autoscaling, props.replicas);
    const ports = [{ name: "http", containerPort: props.port }];
    // Many servers publish metrics on their HTTP port; a second port is declared only when it differs.
    if (props.metricsPort !== props.port) ports.push({ name: "metrics", containerPort: props.metricsPort });
    super(
      scope,
      id,
      props,
      component,
      { ports, ...httpProbes("http", LIVENESS_PATH, READINESS_PATH) },
      { replicas: props.replicas ?? props.autoscaling?.minReplicas, autoscaled: props.autoscaling !== undefined },
    );
    const { provider, service } = props;

    this.service = new ServiceV1(this, "service", {
      provider,
      metadata: this.metadata(service),
      spec: {
        type: "ClusterIP",
        selector: { ...this.selectorLabels },
        port: [{ name: "http", port: props.port, targetPort: "http", protocol: "TCP" }],
      },
    });

    if (props.autoscaling) {
      this.autoscaler = new HorizontalPodAutoscalerV2(this, "autoscaler", {
        provider,
        metadata: this.metadata(service),
        spec: {
          minReplicas: props.autoscaling.minReplicas,
          maxReplicas: props.autoscaling.maxReplicas,
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: service },
          metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: props.autoscaling.cpuUtilization } } }],
        },
      });
    }

    if (props.exposure) {
      const { exposure, host, ingressClassName, tlsSecretName, sourceRanges } = props.exposure;
      // Sorted and de-duplicated: reordering the declaration changes no byte of the output.
      const ranges = [...new Set(sourceRanges ?? [])].sort();
      this.ingress = new IngressV1(this, "ingress", {
        provider,
        metadata: {
          ...this.metadata(service),
          ...(exposure === "extranet" && ranges.length > 0 ? { annotations: { [SOURCE_RANGE_ANNOTATION]: ranges.join(",") } } : {}),
        },
        spec: {
          ingressClassName,
          tls: [{ hosts: [host], secretName: tlsSecretName }],
          rule: [
            {
              host,
              http: { path: [{ path: "/", pathType: "Prefix", backend: { service: { name: service, port: { name: "http" } } } }] },
            },
          ],
        },
      });
      this.secretReads.push({ secret: tlsSecretName, keys: [...TLS_SECRET_KEYS], reader: `Ingress ${service}`, type: TLS_SECRET_TYPE });
    }
  }
}
