#!/bin/sh
# Entrypoint of the mosquitto service (docker-compose.yml): writes the password file for the service
# accounts from the environment, installs the ACL beside it, then runs the broker in the foreground.
# Runs as the image's 'mosquitto' user (uid 1883), so the broker never holds root and owns its files.
#
# Environment: MQTT_INGESTION_PASSWORD, MQTT_GATEWAY_PASSWORD, MQTT_SIMULATORS_PASSWORD,
# MQTT_HEALTHCHECK_PASSWORD (from .env; see .env.example). The file is written anew at every start, so a
# changed password in .env takes effect with `docker compose up -d mosquitto`.
set -eu

here=$(dirname "$0")
auth_dir=${MOSQUITTO_AUTH_DIR:-/tmp/mosquitto-auth}
config=${MOSQUITTO_CONFIG:-$here/mosquitto.conf}

# Owner-only files: the hashes are not for other users of the container.
umask 077
rm -rf "$auth_dir"
mkdir -p "$auth_dir"
: >"$auth_dir/passwd"

# add_account USER VARIABLE: adds USER with the password held in environment variable VARIABLE.
add_account() {
  eval "password=\${$2:-}"
  if [ -z "$password" ]; then
    echo "mosquitto: $2 is not set; copy .env.example to .env and set every password" >&2
    exit 1
  fi
  # -b takes the password as an argument: visible to this container's own processes for a moment only.
  mosquitto_passwd -b "$auth_dir/passwd" "$1" "$password"
}

add_account ingestion MQTT_INGESTION_PASSWORD
add_account gateway MQTT_GATEWAY_PASSWORD
add_account simulators MQTT_SIMULATORS_PASSWORD
add_account healthcheck MQTT_HEALTHCHECK_PASSWORD
cp "$here/acl" "$auth_dir/acl"

# The broker needs none of the passwords (the health check reads its own from the container's settings).
unset password MQTT_INGESTION_PASSWORD MQTT_GATEWAY_PASSWORD MQTT_SIMULATORS_PASSWORD MQTT_HEALTHCHECK_PASSWORD
echo "mosquitto: accounts ingestion, gateway, simulators, healthcheck ready"
exec mosquitto -c "$config"
