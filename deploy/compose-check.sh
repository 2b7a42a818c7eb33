#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine (test.sh runs it; no engine is needed or contacted):
#   1. docker-compose (Debian package, v1.29) parses, validates against its schema and interpolates the
#      file with the values of .env.example: `docker-compose config -q`. A missing ${VAR:?} fails here.
#   2. In the resolved file (`docker-compose config`, with every profile): every service has a health
#      check; every image is pinned to an exact version (a major.minor.patch tag, or a digest; so never
#      'latest'); a service without an image is built from a Dockerfile that exists, whose base images
#      have a version tag (major.minor at least), a HEALTHCHECK and a non-root USER.
#   3. .env.example names every variable docker-compose.yml uses, and has no secret left empty.
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

resolved=$(mktemp)
trap 'rm -f "$resolved"' EXIT
"${compose[@]}" config >"$resolved"

python3 - "$resolved" docker-compose.yml "$env_file" <<'PY'
import os, re, sys
import yaml  # python3-yaml: a dependency of docker-compose

resolved_path, source_path, env_path = sys.argv[1:4]
problems = []
config = yaml.safe_load(open(resolved_path))
services = config.get("services") or {}
if not services:
    problems.append("no services in docker-compose.yml")

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
    if not health or health.get("disable") or not health.get("test") or health.get("test") == ["NONE"]:
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

# Every variable the compose file interpolates is listed in .env.example (commented out is fine for
# optional ones), and no secret there is empty.
source = "".join(line for line in open(source_path) if not line.lstrip().startswith("#"))
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

for problem in problems:
    print(f"[compose-check] FAILED: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"[compose-check] docker-compose.yml is valid: {len(services)} services "
      f"({', '.join(sorted(services))}), each with a healthcheck, every image pinned", file=sys.stderr)
PY
