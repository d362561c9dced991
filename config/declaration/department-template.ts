/**
 * The request file `govcloud init department <name>` writes: valid as written, with comments
 * that explain each field, so a department edits rather than starts from a blank page. It shows
 * the two shapes most departments need: a level-2 dev and a level-3 prod running the same
 * services, declared once with what differs per environment.
 */
export function departmentTemplate(name: string, registry: string): string {
  const image = `${registry}/${name}`;
  return `# yaml-language-server: $schema=../json-schema/department.schema.json
# Request of department "${name}" for environments on the government cloud.
# Check it with: npx govcloud validate

name: ${name}                      # must equal the file name
displayName: ${name} (请填写部门全称)   # official name, Chinese is normal

owners:                            # groups from the identity provider
  admins: [${name}-admins]
  developers: [${name}-developers]
  viewers: [${name}-viewers]

# Each service is declared once. It runs in every environment unless "in:" lists where;
# under "environments:" go only the fields that differ there (image or digest, size,
# replicas, port, exposure, dataClass, connectsTo, egressTo, storage, backup, autoscale, ...).
services:
  - name: portal
    template: web                  # web | api | worker | cron | postgres | redis
    image: ${image}/portal:1.0.0   # a pinned tag
    size: small                    # small | medium | large
    replicas: 1
    port: 8080
    exposure: none                 # none | internal | extranet | internet
    dataClass: internal            # public | internal | general | personal | sensitive-personal | important | core
    connectsTo: [api]
    environments:
      prod:
        # Level 3 and 4 run only images pinned by digest: replace with the digest your
        # registry reports for the tag above (docker buildx imagetools inspect, crane digest).
        digest: sha256:${"0".repeat(64)}
        replicas: 2
  - name: api
    template: api
    image: ${image}/api:1.0.0
    size: small
    replicas: 1
    port: 8080
    dataClass: internal
    connectsTo: [db]
    environments:
      prod:
        digest: sha256:${"0".repeat(64)}
        size: medium
        replicas: 2
  - name: db
    template: postgres             # stateful: its data is never destroyed by a synthesis
    image: ${image}/postgres:16.4
    size: small
    replicas: 1
    port: 5432
    dataClass: internal
    storage: 10Gi                  # may grow later, never shrink
    environments:
      prod:
        digest: sha256:${"0".repeat(64)}
        size: medium
        replicas: 2                # level 3 needs two; until they replicate, MLPS-CMP-06
                                   # warns (configure replication or record a waiver)
        storage: 50Gi
        backup:                    # required at level 3 and 4
          schedule: "0 2 * * *"    # cron, in the cluster's time zone
          target:
            volume: { size: 100Gi }  # a backup volume in the cluster; for copies off the
            # cluster, to an object store on an external network of platform.yaml:
            # s3: { bucket: ${name}-prod-backups, endpoint: https://..., secret: db-backup-s3, network: ... }

environments:
  - name: dev
    level: 2                       # MLPS protection level 1-4; personal data needs 3
    quota: { cpu: 4, memory: 8Gi, storage: 50Gi }
  - name: prod
    level: 3                       # level 3: digests, backups, stricter zones and review
    quota: { cpu: 12, memory: 24Gi, storage: 200Gi }

# Data sharing uses the data catalogue: resources you provide go under sharing.offers with
# their share attribute (unconditional, conditional or not-shared); to use another department's
# resource, declare the consumption (for an unconditional one, since when you use it):
# sharing:
#   consumes:
#     - provider: big-data/prod/exchange   # department/environment/service
#       consumer: prod/api                  # environment/service of yours
#       purpose: 经数据共享交换平台获取业务数据
#       since: 2026-12-01
`;
}
