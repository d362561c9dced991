import type { ClusterModel, EnvironmentModel, PlatformModel } from "./platform-model";
import type { SharingAgreementModel } from "./sharing-agreement";
import { LABEL } from "../../constructs/labels";
import { egressPolicy, ingressPolicy, policyName, type FlowEndpoint, type FlowPort, type NetworkFlow } from "./network-flow";

const tcp = (port: number): FlowPort => ({ port, protocol: "TCP" });
const pods = (namespace: string, podLabels: Readonly<Record<string, string>> = {}): FlowEndpoint => ({ kind: "pods", namespace, podLabels });
/**
 * A declared service's own pods, by the labels its Service selects them with: a helper of the
 * service (the backup job, `app.kubernetes.io/name: <service>-backup`) shares `govcloud/service`
 * but is never one of them, so no policy that opens the service opens its helpers.
 */
const service = (namespace: string, name: string) => pods(namespace, { [LABEL.service]: name, [LABEL.name]: name });
const backupJob = (namespace: string, name: string) => pods(namespace, { [LABEL.service]: name, [LABEL.name]: `${name}-backup` });
const ANYWHERE: FlowEndpoint = { kind: "addresses", name: "anywhere", cidrs: ["0.0.0.0/0"], except: [] };

/**
 * Every flow the declaration intends, on every cluster: the platform zones' own flows, and for
 * each tenant namespace DNS, management, the flows its level allows inside it, exposures,
 * external egress and the sharing agreements in force. Expired agreements open nothing.
 */
export function networkFlows(model: PlatformModel): NetworkFlow[] {
  return [
    ...model.clusters.flatMap((cluster) => zoneFlows(model, cluster)),
    ...model.departments.flatMap((d) => d.environments.flatMap((env) => environmentFlows(model, env))),
    ...model.sharingAgreements.filter((a) => a.status !== "expired").flatMap((a) => sharingFlows(model, a)),
  ];
}

/** The gateway (DMZ) and management zones of one cluster. */
function zoneFlows(model: PlatformModel, cluster: ClusterModel): NetworkFlow[] {
  const { gateway, management, dns } = model.network;
  const controller = pods(gateway.namespace, gateway.ingressController.podLabels);
  const dnsFlow = (namespace: string): NetworkFlow => ({
    kind: "dns",
    cluster: cluster.name,
    purpose: "Name resolution through the cluster DNS",
    from: pods(namespace),
    to: pods(dns.namespace, dns.podLabels),
    ports: [{ port: dns.port, protocol: "UDP" }, tcp(dns.port)],
    policies: [egressPolicy(namespace, "dns")],
  });
  return [
    dnsFlow(gateway.namespace),
    dnsFlow(management.namespace),
    {
      kind: "gateway-entry",
      cluster: cluster.name,
      purpose: "The ingress controller is the only entry from the internet, the government extranet and other clusters",
      from: ANYWHERE,
      to: controller,
      ports: gateway.ingressController.ports.map(tcp),
      policies: [ingressPolicy(gateway.namespace, "gateway-entry")],
    },
    {
      kind: "gateway-to-tenants",
      cluster: cluster.name,
      purpose: "The ingress controller forwards to tenant services; each tenant namespace admits only its exposed ports",
      from: controller,
      to: { kind: "tenant-namespaces" },
      policies: [egressPolicy(gateway.namespace, "gateway-to-tenants")],
    },
    {
      kind: "mgmt-scrape",
      cluster: cluster.name,
      purpose: "Monitoring collectors scrape every workload's metrics port",
      from: pods(management.namespace, management.collectors.podLabels),
      to: { kind: "tenant-namespaces" },
      ports: [tcp(management.metricsPort)],
      policies: [egressPolicy(management.namespace, "mgmt-scrape")],
    },
    {
      kind: "mgmt-log-intake",
      cluster: cluster.name,
      purpose: `Workloads ship logs to the log intake (kept ${model.logRetentionDays} days)`,
      from: { kind: "tenant-namespaces" },
      to: pods(management.namespace, management.logIntake.podLabels),
      ports: [tcp(management.logIntake.port)],
      policies: [ingressPolicy(management.namespace, "mgmt-log-intake")],
    },
    ...controlPlaneFlows(model, cluster),
  ];
}

/**
 * The platform's own controllers and the control plane: the ingress controller watches Ingresses
 * and the collectors discover their targets through the API server, and the API server calls the
 * ingress controller's admission webhook for every Ingress. Exactly these, and only where the
 * cluster declares its API server.
 */
function controlPlaneFlows(model: PlatformModel, cluster: ClusterModel): NetworkFlow[] {
  const { apiServer } = cluster;
  if (!apiServer) return [];
  const { gateway, management } = model.network;
  const endpoints: FlowEndpoint = { kind: "addresses", name: `api-server-${cluster.name}`, cidrs: apiServer.addresses, except: [] };
  const toApiServer = (who: string, namespace: string, podLabels: Readonly<Record<string, string>>, why: string): NetworkFlow => ({
    kind: "api-server",
    cluster: cluster.name,
    purpose: `The ${who} ${why} through the API server of ${cluster.name}`,
    from: pods(namespace, podLabels),
    to: endpoints,
    ports: [tcp(apiServer.port)],
    policies: [egressPolicy(namespace, policyName(who.replace(/ /g, "-"), "to-api-server"))],
  });
  return [
    toApiServer("ingress controller", gateway.namespace, gateway.ingressController.podLabels, "watches Ingresses, Services and Secrets"),
    toApiServer("collectors", management.namespace, management.collectors.podLabels, "discover their scrape targets"),
    {
      kind: "admission-webhook",
      cluster: cluster.name,
      purpose: `The control plane of ${cluster.name} calls the ingress controller's admission webhook for every Ingress`,
      from: { kind: "addresses", name: `control-plane-${cluster.name}`, cidrs: apiServer.controlPlaneRanges, except: [] },
      to: pods(gateway.namespace, gateway.ingressController.podLabels),
      ports: [tcp(gateway.ingressController.admissionWebhookPort)],
      policies: [ingressPolicy(gateway.namespace, "admission-webhook")],
    },
  ];
}

function environmentFlows(model: PlatformModel, env: EnvironmentModel): NetworkFlow[] {
  const { gateway, management, dns } = model.network;
  const ns = env.namespace;
  const cluster = env.cluster;
  const flows: NetworkFlow[] = [
    {
      kind: "dns",
      cluster,
      purpose: "Name resolution through the cluster DNS",
      from: pods(ns),
      to: pods(dns.namespace, dns.podLabels),
      ports: [{ port: dns.port, protocol: "UDP" }, tcp(dns.port)],
      policies: [egressPolicy(ns, "dns")],
    },
    {
      kind: "mgmt-metrics",
      cluster,
      purpose: "The management zone's collectors scrape metrics",
      from: pods(management.namespace, management.collectors.podLabels),
      to: pods(ns),
      ports: [tcp(management.metricsPort)],
      policies: [ingressPolicy(ns, "mgmt-metrics")],
    },
    {
      kind: "log-intake",
      cluster,
      purpose: "Workloads ship logs to the management zone's log intake",
      from: pods(ns),
      to: pods(management.namespace, management.logIntake.podLabels),
      ports: [tcp(management.logIntake.port)],
      policies: [egressPolicy(ns, "log-intake")],
    },
  ];
  if (env.level <= 2) {
    flows.push({
      kind: "same-namespace",
      cluster,
      purpose: `Level ${env.level}: workloads of the environment reach each other freely`,
      from: pods(ns),
      to: pods(ns),
      policies: [
        egressPolicy(ns, "same-namespace"),
        ingressPolicy(ns, "same-namespace"),
      ],
    });
  }
  for (const svc of env.services) {
    if (env.level >= 3) {
      for (const target of svc.connectsTo) {
        // Validation guarantees the target declares a port: an empty port list would mean every port.
        const port = env.services.find((s) => s.name === target)!.port!;
        const name = policyName("connect", svc.name, "to", target);
        flows.push({
          kind: "connects-to",
          cluster,
          purpose: `Level ${env.level}: ${svc.name} calls ${target}, as declared in connectsTo`,
          from: service(ns, svc.name),
          to: service(ns, target),
          ports: [tcp(port)],
          policies: [
            egressPolicy(ns, name),
            ingressPolicy(ns, name),
          ],
        });
      }
    }
    if ((svc.exposure === "internet" || svc.exposure === "extranet") && svc.port !== undefined) {
      flows.push({
        kind: "exposure",
        cluster,
        purpose: `${svc.name} is exposed to the ${svc.exposure} through the gateway`,
        from: pods(gateway.namespace, gateway.ingressController.podLabels),
        to: service(ns, svc.name),
        ports: [tcp(svc.port)],
        policies: [ingressPolicy(ns, policyName("exposure", svc.name))],
        details: { "govcloud/exposure": svc.exposure },
      });
    }
    const stateful = svc.template === "postgres" || svc.template === "redis";
    if (stateful && env.level >= 3) {
      flows.push({
        kind: "replication",
        cluster,
        purpose: `Level ${env.level}: replicas of ${svc.name} reach each other on its port`,
        from: service(ns, svc.name),
        to: service(ns, svc.name),
        ports: [tcp(svc.port!)],
        policies: [egressPolicy(ns, policyName("replicate", svc.name)), ingressPolicy(ns, policyName("replicate", svc.name))],
      });
    }
    if (svc.backup && env.level >= 3) {
      const name = policyName("backup", svc.name, "reads", svc.name);
      flows.push({
        kind: "backup-read",
        cluster,
        purpose: `Level ${env.level}: the backup job of ${svc.name} dumps it through its port`,
        from: backupJob(ns, svc.name),
        to: service(ns, svc.name),
        ports: [tcp(svc.port!)],
        policies: [egressPolicy(ns, name), ingressPolicy(ns, name)],
      });
    }
    const backupTarget = svc.backup?.target;
    if (backupTarget && "s3" in backupTarget) {
      const network = model.network.externalNetworks.find((n) => n.name === backupTarget.s3.network)!;
      flows.push({
        kind: "backup-egress",
        cluster,
        purpose: `The backup job of ${svc.name} writes to object storage on ${network.displayName ?? network.name}`,
        from: backupJob(ns, svc.name),
        to: { kind: "addresses", name: network.name, cidrs: network.cidrs, except: network.except },
        ports: network.ports.map(tcp),
        policies: [egressPolicy(ns, policyName("backup", svc.name, "to", network.name))],
      });
    }
    for (const networkName of svc.egressTo) {
      const network = model.network.externalNetworks.find((n) => n.name === networkName)!;
      flows.push({
        kind: "external-egress",
        cluster,
        purpose: `${svc.name} calls out to the external network ${network.displayName ?? network.name}`,
        from: service(ns, svc.name),
        to: { kind: "addresses", name: network.name, cidrs: network.cidrs, except: network.except },
        ports: network.ports.map(tcp),
        policies: [egressPolicy(ns, policyName("external", svc.name, "to", network.name))],
      });
    }
  }
  return flows;
}

/**
 * One agreement: on one cluster a pod-to-pod flow enforced on both sides; across clusters the
 * consumer reaches the provider cluster's gateway, and that gateway reaches the provider.
 */
function sharingFlows(model: PlatformModel, a: SharingAgreementModel): NetworkFlow[] {
  const { provider: p, consumer: c } = a;
  const details: Record<string, string> = {
    "govcloud/catalogue-entry": a.catalogue.id,
    "govcloud/share": a.catalogue.share,
    // Unconditional sharing needs no approval and has no end: the catalogue entry is its authority.
    ...(a.catalogue.share === "conditional" ? { "govcloud/approval": a.approval } : {}),
    ...(a.expires !== undefined ? { "govcloud/expires": a.expires } : {}),
    "govcloud/data-class": p.dataClass,
    "govcloud/provider": `${p.department}/${p.environment}/${p.service}`,
    "govcloud/consumer": `${c.department}/${c.environment}/${c.service}`,
    "govcloud/consumer-purpose": a.consumerPurpose,
  };
  const purpose = `Data sharing ${a.approval}: ${c.department}/${c.environment}/${c.service} uses ${p.department}/${p.environment}/${p.service} (${a.purpose})`;
  const ingressName = policyName("share", c.department, c.environment, c.service, "to", p.service);
  const egressName = policyName("share", c.service, "to", p.department, p.environment, p.service);
  if (a.route === "direct") {
    return [
      {
        kind: "sharing",
        cluster: p.cluster,
        purpose,
        from: service(c.namespace, c.service),
        to: service(p.namespace, p.service),
        ports: [tcp(p.port)],
        policies: [
          ingressPolicy(p.namespace, ingressName),
          egressPolicy(c.namespace, egressName),
        ],
        details,
      },
    ];
  }
  const providerCluster = model.clusters.find((cl) => cl.name === p.cluster)!;
  const { gateway } = model.network;
  const flows: NetworkFlow[] = [
    {
      kind: "sharing-via-gateway",
      cluster: c.cluster,
      purpose: `${purpose}; across clusters through the gateway of ${p.cluster}`,
      from: service(c.namespace, c.service),
      to: { kind: "addresses", name: `gateway-${p.cluster}`, cidrs: [providerCluster.gatewayAddresses!], except: [] },
      ports: gateway.ingressController.ports.map(tcp),
      policies: [egressPolicy(c.namespace, egressName)],
      details,
    },
  ];
  // An internet or extranet exposure already admits the gateway; an internal one admits it only for agreements.
  if (p.exposure === "internal") {
    flows.push({
      kind: "sharing-via-gateway",
      cluster: p.cluster,
      purpose: `${purpose}; admitted from this cluster's gateway`,
      from: pods(gateway.namespace, gateway.ingressController.podLabels),
      to: service(p.namespace, p.service),
      ports: [tcp(p.port)],
      policies: [ingressPolicy(p.namespace, ingressName)],
      details,
    });
  }
  return flows;
}
