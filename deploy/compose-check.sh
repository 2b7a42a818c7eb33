#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine (test.sh runs it; no engine is needed or contacted):
#   1. docker-compose (Debian package, v1.29) parses, validates against its schema and interpolates the
#      file with the values of .env.example: `docker-compose config -q`; the same with the TLS override
#      deploy/docker/compose.tls.yml added. A missing ${VAR:?} fails here.
#   2. In the resolved file (`docker-compose config`, with every profile): every service has a health
#      check (a one-shot that others wait for with service_completed_successfully may have none); every
#      image is pinned to an exact version (a major.minor.patch tag, or a digest; so never 'latest'); a
#      service without an image is built from a Dockerfile that exists, whose base images have a version tag
#      (major.minor at least), a HEALTHCHECK and a non-root USER.
#   3. .env.example names every variable the compose files use, and has no secret left empty; every secret
#      compose requires is a change-me-* placeholder there (what init-env.sh replaces, and what the
#      services' secrets check refuses); the mosquitto entrypoint gets every variable it requires.
#   4. Wiring: every named volume is mounted, each where it belongs (the gateway's Mosquitto files shared
#      with the mosquitto container, the ingestion spool at Ingestion:Spool:Directory, the fleet list where
#      the gateway imports it, ...), a built image creates each folder it mounts a volume at for its non-root
#      user, and every Section__Key the .NET services are given names a setting of that service.
# Installs the Debian package docker-compose when missing (without the engine it recommends).
#
#   deploy/compose-check.sh          exit 0 when all holds; otherwise every problem is printed, exit 1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[compose-check] %s\n' "$*" >&2; }

install_compose() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when they do not know the package yet.
  if ! apt-cache show docker-compose >/dev/null 2>&1; then
    log "updating the package lists"
    "${sudo[@]}" apt-get update -qq
  fi
  log "installing docker-compose from Debian's packages"
  # --no-install-recommends: only the compose client; its recommended docker.io (the engine) is not wanted.
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}

if ! command -v docker-compose >/dev/null 2>&1; then
  install_compose
fi
command -v python3 >/dev/null 2>&1 || { log "python3 is required"; exit 1; }

# docker-compose reads .env.example instead of .env (--env-file, since 1.25), so a developer's own .env
# plays no part. Variables exported in this shell would still win over the file: unset those it names.
env_file=.env.example
while IFS= read -r name; do unset "$name"; done < <(sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' "$env_file")
export COMPOSE_PROFILES=simulators  # resolve the optional services too
compose=(docker-compose --project-directory . --file docker-compose.yml --env-file "$env_file")

if ! "${compose[@]}" config -q; then
  log "FAILED: docker-compose.yml is not valid (docker-compose config, with $env_file)"
  exit 1
fi

# The TLS override, with the certificate folder .env.example leaves commented out.
tls_override=deploy/docker/compose.tls.yml
tls_compose=("${compose[@]}" --file "$tls_override")
if ! MQTT_TLS_CERT_DIR=/nonexistent/mqtt-tls "${tls_compose[@]}" config -q; then
  log "FAILED: docker-compose.yml with $tls_override is not valid (docker-compose config, with $env_file)"
  exit 1
fi

resolved=$(mktemp)
resolved_tls=$(mktemp)
trap 'rm -f "$resolved" "$resolved_tls"' EXIT
"${compose[@]}" config >"$resolved"
MQTT_TLS_CERT_DIR=/nonexistent/mqtt-tls "${tls_compose[@]}" config >"$resolved_tls"

python3 - "$resolved" docker-compose.yml "$env_file" "$resolved_tls" "$tls_override" <<'PY'
import json, os, re, sys
import yaml  # python3-yaml: a dependency of docker-compose

resolved_path, source_path, env_path, resolved_tls_path, tls_path = sys.argv[1:6]
problems = []
config = yaml.safe_load(open(resolved_path))
services = config.get("services") or {}
if not services:
    problems.append("no services in docker-compose.yml")

# One-shot services: restart "no", and waited for by another service with service_completed_successfully.
one_shots = {dependency for service in services.values()
             for dependency, condition in (service.get("depends_on") or {}).items()
             if isinstance(condition, dict) and condition.get("condition") == "service_completed_successfully"}
one_shots = {name for name in one_shots if str(services.get(name, {}).get("restart", "no")) == "no"}

# Pinned: a digest (@sha256:...), or a tag that is a version number. Images the compose file pulls need
# major.minor.patch (2.0.22, 1.12.3, 11.6.14); the .NET base images of our Dockerfiles may use the
# major.minor tag (10.0-noble), which only takes .NET's monthly patch releases (deploy/README.md).
def pinned(reference, version=r"\d+\.\d+\.\d+"):
    if re.search(r"@sha256:[0-9a-f]{64}$", reference):
        return True
    name, _, tag = reference.rpartition(":")
    if not name or "/" in tag:  # no tag at all (a ':' in a registry host:port is not a tag)
        return False
    return re.match(version, tag) is not None

for name, service in sorted(services.items()):
    health = service.get("healthcheck")
    if (not health or health.get("disable") or not health.get("test") or health.get("test") == ["NONE"]) \
            and name not in one_shots:
        problems.append(f"service '{name}' has no healthcheck")
    image = service.get("image")
    build = service.get("build")
    if image and not pinned(image):
        problems.append(f"service '{name}': image '{image}' is not pinned to an exact version")
    if not image and not build:
        problems.append(f"service '{name}' has neither image nor build")
    if build:
        context = build.get("context", ".") if isinstance(build, dict) else build
        dockerfile = build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile"
        path = os.path.join(context, dockerfile)
        if not os.path.isfile(path):
            problems.append(f"service '{name}': Dockerfile {path} does not exist")
            continue
        stages = set()
        for line in open(path):
            match = re.match(r"\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?", line, re.IGNORECASE)
            if not match:
                continue
            base, stage = match.group(1), match.group(2)
            if base not in stages and base != "scratch" and not pinned(base, r"\d+\.\d+"):
                problems.append(f"service '{name}': base image '{base}' in {os.path.relpath(path)} is not pinned")
            if stage:
                stages.add(stage)
        if not re.search(r"^\s*HEALTHCHECK\s", open(path).read(), re.MULTILINE):
            problems.append(f"service '{name}': {os.path.relpath(path)} has no HEALTHCHECK")
        if not re.search(r"^\s*USER\s", open(path).read(), re.MULTILINE):
            problems.append(f"service '{name}': {os.path.relpath(path)} does not switch to a non-root USER")

# Every variable the compose files interpolate is listed in .env.example (commented out is fine for
# optional ones), and no secret there is empty.
source = "".join(line for path in (source_path, tls_path) for line in open(path) if not line.lstrip().startswith("#"))
used = set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", source))
listed = {}
for line in open(env_path):
    match = re.match(r"\s*#?\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$", line.rstrip("\n"))
    if match:
        listed.setdefault(match.group(1), match.group(2))
for variable in sorted(used - set(listed)):
    problems.append(f"${{{variable}}} is used in docker-compose.yml but not listed in {env_path}")
for variable in sorted(set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*):\?", source))):
    if variable in listed and not listed[variable].strip():
        problems.append(f"{variable} is required by docker-compose.yml but empty in {env_path}")

# Secrets: a required (${VAR:?}) password, key or hash is a change-me-* placeholder in .env.example, the
# value init-env.sh replaces and the services' startup check refuses (never a real-looking default).
for variable in sorted(set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*):\?", source))):
    if re.search(r"(PASSWORD|_KEY|_HASH|TOKEN|SECRET)$", variable) and not listed.get(variable, "").startswith("change-me-"):
        problems.append(f"{variable} is a secret but not a change-me-* placeholder in {env_path} (init-env.sh would not replace it)")
# The mosquitto entrypoint's required variables reach the mosquitto service.
entrypoint = open("deploy/docker/mosquitto/entrypoint.sh").read()
mosquitto_env = (services.get("mosquitto") or {}).get("environment") or {}
for variable in re.findall(r"\$\(require ([A-Z_]+)\)", entrypoint):
    if variable not in mosquitto_env:
        problems.append(f"service 'mosquitto' lacks {variable}, which deploy/docker/mosquitto/entrypoint.sh requires")

# Wiring: mounts as "source:target[:mode]" strings (1.29's resolved form) or long form.
def mounts(service):
    result = []
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            result.append((volume.get("source"), volume.get("target"), "ro" if volume.get("read_only") else "rw"))
        else:
            parts = volume.split(":")
            result.append((parts[0], parts[1], parts[2] if len(parts) > 2 else "rw"))
    return result

def mount_of(service_name, volume, cfg=config):
    service = (cfg.get("services") or {}).get(service_name) or {}
    return [(target, mode) for source, target, mode in mounts(service) if source == volume]

def expect_mount(service_name, volume, target, mode=None, why=""):
    found = mount_of(service_name, volume)
    if not any(t == target and (mode is None or m.startswith(mode)) for t, m in found):
        problems.append(f"service '{service_name}' must mount volume '{volume}' at {target}"
                        f"{' (' + mode + ')' if mode else ''}{': ' + why if why else ''}; found {found or 'none'}")

declared = set((config.get("volumes") or {}).keys())
used = {source for service in services.values() for source, _, _ in mounts(service)}
for volume in sorted(declared - used):
    problems.append(f"volume '{volume}' is declared but no service mounts it")

def env(service_name):
    return (services.get(service_name) or {}).get("environment") or {}

gateway_env = env("gateway")
password_file, acl_file = gateway_env.get("Devices__Mosquitto__PasswordFile"), gateway_env.get("Devices__Mosquitto__AclFile")
if not password_file or not acl_file or os.path.dirname(password_file) != os.path.dirname(acl_file):
    problems.append("gateway: Devices__Mosquitto__PasswordFile and AclFile must be set, in one folder (the shared volume)")
else:
    expect_mount("gateway", "mosquitto-auth", os.path.dirname(password_file), "rw", "the gateway writes Mosquitto's files there")
if gateway_env.get("Devices__Mosquitto__PidFile"):
    problems.append("gateway: Devices__Mosquitto__PidFile is set, but the gateway cannot signal the mosquitto container")
provisioned = re.search(r"^provisioned=\$\{MOSQUITTO_PROVISIONED_DIR:-([^}]+)\}", entrypoint, re.MULTILINE)
expect_mount("mosquitto", "mosquitto-auth", provisioned.group(1) if provisioned else "?", "ro", "entrypoint.sh installs the gateway's files from there")
expect_mount("mosquitto", "mosquitto-data", "/mosquitto/data", "rw", "persistent sessions")
expect_mount("gateway", "gateway-data", "/app/data", "rw", "the device registry and lighting state")
if not (gateway_env.get("Devices__RegistryFile") or "data/").startswith(("data/", "/app/data/")):
    problems.append("gateway: Devices__RegistryFile must lie in /app/data (the volume gateway-data)")
for name in ("gateway", "ingestion"):
    if env(name).get("Broker__Mode", "External") != "External" and name == "gateway":
        problems.append("gateway: Broker__Mode must be External (Mosquitto) in compose")
if gateway_env.get("Broker__External__Username") != "smartoverhalla-gateway" or \
        env("ingestion").get("Mqtt__Username") != "smartoverhalla-ingestion":
    problems.append("the MQTT user names must be the gateway's Broker:Accounts defaults, which acl-bootstrap and the gateway's ACL name")
if gateway_env.get("Broker__External__Password") != gateway_env.get("Broker__Accounts__Gateway__Password") or \
        env("ingestion").get("Mqtt__Password") != gateway_env.get("Broker__Accounts__Ingestion__Password"):
    problems.append("the services' MQTT passwords must be those the gateway writes into Mosquitto's file (Broker__Accounts__*)")

# The ingestion spool: /app (content root) + Ingestion:Spool:Directory of its appsettings.json.
def settings(path):
    text = open(path).read()
    text = re.sub(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', lambda m: m.group(1) or "", text, flags=re.S)
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))
spool = env("ingestion").get("Ingestion__Spool__Directory") or \
    settings("ingestion/SmartOverhalla.Ingestion/appsettings.json")["Ingestion"]["Spool"]["Directory"]
expect_mount("ingestion", "ingestion-spool", os.path.normpath(os.path.join("/app", spool)), "rw",
             "batches acknowledged while InfluxDB was away must outlive the container")

# The fleet list: written by the one-shot 'fleet' into the volume the gateway imports it from.
fleet = services.get("fleet") or {}
command = fleet.get("command") or []
fleet_file = command[command.index("--write-fleet") + 1] if "--write-fleet" in command else None
if "fleet" not in one_shots or not fleet_file:
    problems.append("service 'fleet' must be a one-shot (restart no, awaited by the gateway) running --write-fleet FILE")
else:
    expect_mount("fleet", "fleet", os.path.dirname(fleet_file), "rw")
    expect_mount("gateway", "fleet", os.path.dirname(fleet_file), "ro")
    if listed.get("SIMULATORS_FLEET_IMPORT_FILE", "").strip() != fleet_file:
        problems.append(f"SIMULATORS_FLEET_IMPORT_FILE in {env_path} must be {fleet_file}, where 'fleet' writes the list")
    for key in ("Simulators__Streetlights", "Simulators__Watermeters", "Simulators__Ploughs"):
        if env("fleet").get(key) != env("simulators").get(key):
            problems.append(f"{key} differs between 'fleet' and 'simulators': the gateway would register another fleet")

# A built image creates, for its non-root user, each folder a named volume is mounted at read-write (Docker
# gives a new volume the owner of the image's folder).
for name, service in sorted(services.items()):
    build = service.get("build")
    if not build:
        continue
    dockerfile = open(os.path.join(build.get("context", "."), build.get("dockerfile", "Dockerfile"))).read()
    for source, target, mode in mounts(service):
        if source in declared and mode.startswith("rw") and not re.search(
                r"^RUN .*mkdir.*" + re.escape(target) + r"(\s|$).*chown", dockerfile, re.MULTILINE):
            problems.append(f"service '{name}': its Dockerfile does not create {target} for the app user (RUN mkdir ... && chown)")

# Section__Key names the .NET services are given exist in that service's settings: the path in its
# appsettings.json (a missing last key is fine where its section exists: secrets and user names are not in the
# file; any key is fine under an empty section such as ApiKeys:Keys), or for the simulators, which have no
# appsettings.json, a property of their options classes.
def check_settings_path(name, key, tree):
    node, parts = tree, key.split("__")
    for index, part in enumerate(parts):
        if isinstance(node, dict) and part in node:
            node = node[part]
            continue
        if isinstance(node, dict) and (not node or index == len(parts) - 1):
            return
        problems.append(f"service '{name}': {key} names no setting ('{':'.join(parts[:index + 1])}' is not in its appsettings.json)")
        return

simulator_sources = "".join(open(os.path.join(root, file)).read()
                            for folder in ("simulators/SmartOverhalla.Simulators", "libs/SmartOverhalla.Mqtt")
                            for root, _, files in os.walk(folder) if "/obj" not in root and "/bin" not in root
                            for file in files if file.endswith(".cs"))
for name, service in sorted(services.items()):
    build = service.get("build")
    if not build:
        continue
    dockerfile = open(os.path.join(build.get("context", "."), build.get("dockerfile", "Dockerfile"))).read()
    project = re.search(r"dotnet publish (\S+)\.csproj", dockerfile)
    if not project:
        continue
    appsettings = os.path.join(os.path.dirname(project.group(1)), "appsettings.json")
    for key in (service.get("environment") or {}):
        if "__" not in key:
            continue
        if os.path.isfile(appsettings):
            check_settings_path(name, key, settings(appsettings))
        else:
            section, *rest = key.split("__")
            if f'"{section}"' not in simulator_sources or any(
                    not re.search(r"public [^=;{]+ " + part + r" \{", simulator_sources) for part in rest):
                problems.append(f"service '{name}': {key} names no setting of its options classes")

# TLS: the port 8883 and the certificate folder only with the override; the override switches TLS on.
tls_config = yaml.safe_load(open(resolved_tls_path))
def published(cfg):
    return {str(port).split(":")[-1].split("/")[0] for port in ((cfg.get("services") or {}).get("mosquitto") or {}).get("ports") or []}
if "8883" in published(config):
    problems.append("docker-compose.yml publishes 8883 without the TLS override")
if "8883" not in published(tls_config):
    problems.append(f"{tls_path} does not publish the TLS port 8883")
tls_dir = re.search(r"^tls_dir=\$\{MOSQUITTO_TLS_DIR:-([^}]+)\}", entrypoint, re.MULTILINE)
if not any(t == (tls_dir.group(1) if tls_dir else "?") and m.startswith("ro")
           for s, t, m in mounts(tls_config["services"]["mosquitto"]) if s == "/nonexistent/mqtt-tls"):
    problems.append(f"{tls_path} must mount MQTT_TLS_CERT_DIR read-only where entrypoint.sh reads it")
if str((tls_config["services"]["mosquitto"].get("environment") or {}).get("MQTT_TLS_ENABLED")) != "true":
    problems.append(f"{tls_path} must set MQTT_TLS_ENABLED=true for the mosquitto service")

for problem in problems:
    print(f"[compose-check] FAILED: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"[compose-check] docker-compose.yml is valid (alone and with {tls_path}): {len(services)} services "
      f"({', '.join(sorted(services))}), each with a healthcheck or a one-shot, every image pinned, "
      f"{len(declared)} volumes each mounted where expected", file=sys.stderr)
PY
