#!/usr/bin/env bash
# Writes .env for docker compose: .env.example with every change-me-* value replaced by a fresh random
# password (32 hex characters: what every consumer accepts, InfluxQL quoting included). Mode 600.
#
#   deploy/docker/init-env.sh            refuses to replace an existing .env
#   deploy/docker/init-env.sh --force    replaces it; accounts that already exist in the volumes keep their
#                                        old passwords (InfluxDB and Grafana set them at first start only)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [ -e .env ] && [ "${1:-}" != "--force" ]; then
  echo ".env exists; edit it, or run $0 --force to write a new one" >&2
  exit 1
fi

random_password() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

umask 077
tmp=$(mktemp .env.XXXXXX)
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  if [[ $line =~ ^([A-Za-z_][A-Za-z0-9_]*)=change-me ]]; then
    printf '%s=%s\n' "${BASH_REMATCH[1]}" "$(random_password)"
  else
    printf '%s\n' "$line"
  fi
done <.env.example >"$tmp"
mv "$tmp" .env
trap - EXIT
echo "wrote .env with new passwords (mode 600); log in to Grafana as GRAFANA_ADMIN_USER with GRAFANA_ADMIN_PASSWORD from it"
