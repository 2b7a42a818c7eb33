#!/bin/sh
# Entrypoint of the mosquitto service (docker-compose.yml). POSIX sh with busybox tools only (the
# eclipse-mosquitto image is Alpine). What it does:
#
# 1. Logins and rights come from the gateway's device registry: the gateway (Devices:Mosquitto) writes
#    Mosquitto's password file and ACL file into the volume mosquitto-auth, mounted here read-only at
#    $MOSQUITTO_PROVISIONED_DIR. Until the gateway has written them (first start), a bootstrap set is used:
#    the service accounts smartoverhalla-gateway and smartoverhalla-ingestion with their passwords from .env,
#    and acl-bootstrap beside this script (the same rights the gateway writes for them).
# 2. Either set gets the container health check's account ('healthcheck', $SYS/broker/uptime only) added,
#    and is installed as $MOSQUITTO_RUNTIME_DIR/passwd and acl, owned by the broker's user, mode 600.
# 3. With MQTT_TLS_ENABLED=true (deploy/docker/compose.tls.yml) a TLS listener on 8883 is added, with
#    server.crt and server.key from $MOSQUITTO_TLS_DIR copied to the broker's user (the host's files may
#    stay readable by root only).
# 4. The broker runs in the background; this shell stays PID 1 and every $MOSQUITTO_RELOAD_INTERVAL seconds
#    compares the gateway's files with what is installed (sha256). On a change it installs the new set and
#    sends the broker SIGHUP (Mosquitto 2 re-reads password_file and acl_file; connected clients are
#    re-checked). The gateway cannot signal across containers; this loop is what makes its writes count.
#    SIGTERM/SIGINT are passed to the broker, and the container ends with the broker's exit status.
#
# Runs as root (the gateway's files are its own user's, mode 600); Mosquitto drops to the user 'mosquitto'
# ('user' in mosquitto.conf) right after reading its configuration, before it opens its database, its
# listeners or the security files. Only this small loop keeps root.
#
# Environment: MQTT_HEALTHCHECK_PASSWORD, MQTT_GATEWAY_PASSWORD, MQTT_INGESTION_PASSWORD (from .env; see
# .env.example); optional MQTT_TLS_ENABLED, MOSQUITTO_RELOAD_INTERVAL (2), and the paths below.
set -eu

here=$(dirname "$0")
config=${MOSQUITTO_CONFIG:-$here/mosquitto.conf}
bootstrap_acl=${MOSQUITTO_BOOTSTRAP_ACL:-$here/acl-bootstrap}
provisioned=${MOSQUITTO_PROVISIONED_DIR:-/smartoverhalla/provisioned}
runtime=${MOSQUITTO_RUNTIME_DIR:-/tmp/smartoverhalla-mosquitto}
tls_dir=${MOSQUITTO_TLS_DIR:-/smartoverhalla/tls}
tls_port=${MOSQUITTO_TLS_PORT:-8883}
broker_user=${MOSQUITTO_USER:-mosquitto}
interval=${MOSQUITTO_RELOAD_INTERVAL:-2}

say() { echo "mosquitto-entrypoint: $*"; }
die() { echo "mosquitto-entrypoint: $*" >&2; exit 1; }

# Root reads the gateway's files and installs them for the broker's user; run as another user, it could not.
[ "$(id -u)" = 0 ] || die "must start as root (the broker drops to '$broker_user' itself); remove 'user:' from the mosquitto service"

case $interval in
  ''|*[!0-9]*|0) die "MOSQUITTO_RELOAD_INTERVAL must be a whole number of seconds, at least 1" ;;
esac

# require VARIABLE: the variable's value, or stop with the reason.
require() {
  eval "value=\${$1:-}"
  [ -n "$value" ] || die "$1 is not set; run deploy/docker/init-env.sh (or copy .env.example to .env and set every password)"
  printf '%s' "$value"
}
healthcheck_password=$(require MQTT_HEALTHCHECK_PASSWORD)
gateway_password=$(require MQTT_GATEWAY_PASSWORD)
ingestion_password=$(require MQTT_INGESTION_PASSWORD)

# Owner-only files: hashes are not for other users of the container.
umask 077
rm -rf "$runtime"
mkdir -p "$runtime/conf.d" "$runtime/private"

# Hashes made here (mosquitto_passwd, PBKDF2-SHA512), kept in a root-only folder.
mosquitto_passwd -c -b "$runtime/private/healthcheck" healthcheck "$healthcheck_password" >/dev/null
mosquitto_passwd -c -b "$runtime/private/bootstrap" smartoverhalla-gateway "$gateway_password" >/dev/null
mosquitto_passwd -b "$runtime/private/bootstrap" smartoverhalla-ingestion "$ingestion_password" >/dev/null
# The broker needs none of the passwords (the health check reads its own from the container's settings).
unset value healthcheck_password gateway_password ingestion_password \
  MQTT_HEALTHCHECK_PASSWORD MQTT_GATEWAY_PASSWORD MQTT_INGESTION_PASSWORD

# The checksum of the gateway's pair of files, or 'bootstrap' while it has not written (or we cannot read) both.
provisioned_state() {
  if [ -f "$provisioned/passwd" ] && [ -f "$provisioned/acl" ] && cat "$provisioned/passwd" "$provisioned/acl" >/dev/null 2>&1; then
    cat "$provisioned/passwd" "$provisioned/acl" | sha256sum | cut -d' ' -f1
  else
    echo bootstrap
  fi
}

# install: builds passwd and acl from the gateway's files (or the bootstrap set), adds the health check's
# account, and replaces the installed pair. Prints the state it installed (from the copies it read, so a
# gateway write in between shows as a change at the next look).
install_files() {
  next="$runtime/private/next"
  if [ -f "$provisioned/passwd" ] && [ -f "$provisioned/acl" ] \
     && cat "$provisioned/passwd" >"$next.passwd" 2>/dev/null && cat "$provisioned/acl" >"$next.acl" 2>/dev/null; then
    state=$(cat "$next.passwd" "$next.acl" | sha256sum | cut -d' ' -f1)
    source="the gateway's files"
  else
    cat "$runtime/private/bootstrap" >"$next.passwd"
    cat "$bootstrap_acl" >"$next.acl"
    state=bootstrap
    source="the bootstrap service accounts (the gateway has not written its files yet)"
  fi
  # A file without a final line break would join its last line with the next one.
  [ -z "$(tail -c 1 "$next.passwd")" ] || echo >>"$next.passwd"
  cat "$runtime/private/healthcheck" >>"$next.passwd"
  printf '\n# Added by deploy/docker/mosquitto/entrypoint.sh: the container health check.\nuser healthcheck\ntopic read $SYS/broker/uptime\n' >>"$next.acl"
  chown "$broker_user:$broker_user" "$next.passwd" "$next.acl"
  mv "$next.acl" "$runtime/acl"
  mv "$next.passwd" "$runtime/passwd"
  say "installed $source: $(grep -c . "$runtime/passwd") logins" >&2
  echo "$state"
}

# The TLS listener for devices (same logins and rights as the plain one: per_listener_settings false).
if [ "${MQTT_TLS_ENABLED:-false}" = true ]; then
  for file in server.crt server.key; do
    [ -r "$tls_dir/$file" ] || die "MQTT_TLS_ENABLED is true but $tls_dir/$file is missing (MQTT_TLS_CERT_DIR in .env; deploy/README.md, \"TLS for devices\")"
  done
  mkdir -p "$runtime/tls"
  cp "$tls_dir/server.crt" "$tls_dir/server.key" "$runtime/tls/"
  chown -R "$broker_user:$broker_user" "$runtime/tls"
  cat >"$runtime/conf.d/tls.conf" <<EOF
# Written by entrypoint.sh (MQTT_TLS_ENABLED=true): MQTT over TLS for devices.
listener $tls_port
protocol mqtt
certfile $runtime/tls/server.crt
keyfile $runtime/tls/server.key
tls_version tlsv1.2
EOF
  say "TLS listener on port $tls_port with $tls_dir/server.crt"
fi

installed=$(install_files)
chown "$broker_user:$broker_user" "$runtime"
chmod 755 "$runtime/conf.d"

mosquitto -c "$config" &
broker=$!
stopping=0
trap 'stopping=1; kill -TERM "$broker" 2>/dev/null || true' TERM INT

# Bounded look every $interval seconds while the broker lives. 'sleep & wait' keeps the shell responsive to
# SIGTERM (the trap interrupts wait); on stop, or when the broker has ended, the loop leaves for 'wait'.
while [ "$stopping" = 0 ] && kill -0 "$broker" 2>/dev/null; do
  sleep "$interval" &
  wait $! 2>/dev/null || true
  [ "$stopping" = 0 ] && kill -0 "$broker" 2>/dev/null || break
  current=$(provisioned_state)
  if [ "$current" != "$installed" ]; then
    installed=$(install_files)
    kill -HUP "$broker" 2>/dev/null && say "broker reloaded (SIGHUP)"
  fi
done

status=0
wait "$broker" || status=$?
say "broker ended with status $status"
exit "$status"
