/**
 * The request file `govcloud init department <name>` writes: valid as written, with comments
 * that explain each field, so a department edits rather than starts from a blank page.
 */
export function departmentTemplate(name: string, registry: string): string {
  return `# yaml-language-server: $schema=../json-schema/department.schema.json
# Request of department "${name}" for environments on the government cloud.
# Check it with: npx govcloud validate

name: ${name}                      # must equal the file name
displayName: ${name} (请填写部门全称)   # official name, Chinese is normal

owners:                            # groups from the identity provider
  admins: [${name}-admins]
  developers: [${name}-developers]
  viewers: [${name}-viewers]

environments:
  - name: dev
    level: 2                       # MLPS protection level 1-4; personal data needs 3
    quota: { cpu: 4, memory: 8Gi, storage: 50Gi }
    services:
      - name: portal
        template: web              # web | api | worker | cron | postgres | redis
        image: ${registry}/${name}/portal:1.0.0   # a pinned tag; level 3+ needs @sha256:<digest>
        size: small                # small | medium | large
        replicas: 1
        port: 8080
        exposure: none             # none | internal | extranet | internet
        dataClass: internal        # public | internal | personal | sensitive-personal | important | core

# Data sharing with other departments opens only when both sides declare it:
# sharing:
#   consumes:
#     - provider: big-data/prod/identity   # department/environment/service
#       consumer: dev/portal                # environment/service of yours
#       purpose: 统一身份认证
`;
}
