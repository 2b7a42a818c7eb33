#!/usr/bin/env bash
# Writes .env for docker compose from .env.example (mode 600):
#   - every change-me-* value becomes a fresh random password (32 hex characters: what every consumer accepts,
#     InfluxQL quoting included), so no placeholder is left for the services' secrets check to refuse;
#   - GATEWAY_ADMIN_API_KEY_HASH: a new admin API key is made, printed ONCE at the end, and only its SHA-256
#     is written to .env (the gateway keeps only hashes; a lost key is replaced by running this again with
#     --force, or by a new hash in .env);
#   - ANALYTICS_API_KEY and GATEWAY_ANALYTICS_API_KEY_HASH (and INGESTION_…): a service's key (role service) and its hash;
#   - with --simulators: COMPOSE_PROFILES=simulators, a random SIMULATORS_FLEET_KEY and
#     SIMULATORS_FLEET_IMPORT_FILE (and SIMULATORS_WATER_REGISTRY_IMPORT_FILE), so the gateway registers the
#     simulated fleet (and its water meters' districts) and the simulators log in.
#
#   deploy/docker/init-env.sh [--simulators]          refuses to replace an existing .env
#   deploy/docker/init-env.sh --force [--simulators]  replaces it; accounts that already exist in the volumes
#                                                     keep their old passwords (InfluxDB and Grafana set them
#                                                     at first start only; deploy/README.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

force=0 simulators=0
for argument in "$@"; do
  case $argument in
    --force) force=1 ;;
    --simulators) simulators=1 ;;
    *) echo "usage: $0 [--force] [--simulators]" >&2; exit 2 ;;
  esac
done

if [ -e .env ] && [ "$force" != 1 ]; then
  echo ".env exists; edit it, or run $0 --force to write a new one" >&2
  exit 1
fi

random_password() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
# 256 random bits, base64url without padding (43 characters), as Security/README.md makes API keys.
random_key() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }

umask 077
tmp=$(mktemp .env.XXXXXX)
trap 'rm -f "$tmp"' EXIT
api_key=''
declare -A service_keys=()
while IFS= read -r line || [ -n "$line" ]; do
  # A service's key (ANALYTICS_API_KEY, INGESTION_API_KEY), then the gateway's hash of it (GATEWAY_<SERVICE>_API_KEY_HASH).
  if [[ $line =~ ^([A-Z]+)_API_KEY=change-me ]]; then
    service_keys[${BASH_REMATCH[1]}]=$(random_key)
    printf '%s_API_KEY=%s\n' "${BASH_REMATCH[1]}" "${service_keys[${BASH_REMATCH[1]}]}"
  elif [[ $line =~ ^GATEWAY_([A-Z]+)_API_KEY_HASH=change-me ]] && [ "${BASH_REMATCH[1]}" != ADMIN ]; then
    service=${BASH_REMATCH[1]}
    [ -n "${service_keys[$service]:-}" ] || { echo ".env.example must name ${service}_API_KEY before GATEWAY_${service}_API_KEY_HASH" >&2; exit 1; }
    printf 'GATEWAY_%s_API_KEY_HASH=%s\n' "$service" "$(printf '%s' "${service_keys[$service]}" | sha256sum | cut -d' ' -f1)"
  elif [[ $line =~ ^GATEWAY_ADMIN_API_KEY_HASH=change-me ]]; then
    api_key=$(random_key)
    printf 'GATEWAY_ADMIN_API_KEY_HASH=%s\n' "$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)"
  elif [[ $line =~ ^([A-Za-z_][A-Za-z0-9_]*)=change-me ]]; then
    printf '%s=%s\n' "${BASH_REMATCH[1]}" "$(random_password)"
  elif [ "$simulators" = 1 ] && [[ $line =~ ^#\ (COMPOSE_PROFILES=simulators)$ ]]; then
    printf '%s\n' "${BASH_REMATCH[1]}"
  elif [ "$simulators" = 1 ] && [[ $line =~ ^#\ SIMULATORS_FLEET_KEY= ]]; then
    printf 'SIMULATORS_FLEET_KEY=%s\n' "$(random_key)"
  elif [ "$simulators" = 1 ] && [[ $line =~ ^#\ (SIMULATORS_FLEET_IMPORT_FILE=.+)$ ]]; then
    printf '%s\n' "${BASH_REMATCH[1]}"
  elif [ "$simulators" = 1 ] && [[ $line =~ ^#\ (SIMULATORS_WATER_REGISTRY_IMPORT_FILE=.+)$ ]]; then
    printf '%s\n' "${BASH_REMATCH[1]}"
  else
    printf '%s\n' "$line"
  fi
done <.env.example >"$tmp"
if [ "$simulators" = 1 ] && ! grep -q '^SIMULATORS_FLEET_KEY=.' "$tmp"; then
  echo ".env.example has no '# SIMULATORS_FLEET_KEY=' line to fill in; not written" >&2
  exit 1
fi
mv "$tmp" .env
trap - EXIT

echo "wrote .env with new passwords (mode 600); log in to Grafana as GRAFANA_ADMIN_USER with GRAFANA_ADMIN_PASSWORD from it"
if [ "$simulators" = 1 ]; then
  echo "simulated devices on: COMPOSE_PROFILES=simulators, and a fleet key the gateway registers them with"
fi
if [ -n "$api_key" ]; then
  cat <<TXT

Gateway API key of the administrator (key name 'admin', role admin):

    $api_key

It is shown only now: .env holds only its SHA-256 (GATEWAY_ADMIN_API_KEY_HASH). Store it in a password
manager. Use it as: curl -H "X-Api-Key: <key>" http://127.0.0.1:5080/api/v1/devices
TXT
fi
