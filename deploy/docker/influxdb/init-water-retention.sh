#!/bin/bash
# The water data's retention policies (README "Water", "Retention"), created once at the very first start of an empty
# volume: the official image sources every *.sh in /docker-entrypoint-initdb.d then, as the admin ($INFLUX_CMD), after
# it created the database. The services' own schema set-up would create them too, but their account ('gateway') has no
# admin rights, which CREATE RETENTION POLICY needs. The durations come from .env (TimeSpan d.hh:mm:ss) and must be the
# services' Water__Retention__* values; to change them later, ALTER the policies as admin (deploy/README.md).

# A TimeSpan "d.hh:mm:ss" or "hh:mm:ss" as whole InfluxQL hours, e.g. 396.00:00:00 -> 9504h.
water_retention_hours() {
  local value=$1 days=0 rest hours minutes seconds
  if [[ $value == *.*:* ]]; then
    days=${value%%.*}
    rest=${value#*.}
  else
    rest=$value
  fi
  IFS=: read -r hours minutes seconds <<<"$rest"
  echo "$((10#$days * 24 + 10#$hours))h"
}

$INFLUX_CMD "CREATE RETENTION POLICY water_raw ON smartoverhalla DURATION $(water_retention_hours "${WATER_RETENTION_RAW_READINGS:-396.00:00:00}") REPLICATION 1"
$INFLUX_CMD "CREATE RETENTION POLICY water_household ON smartoverhalla DURATION $(water_retention_hours "${WATER_RETENTION_HOUSEHOLD_CONSUMPTION:-1827.00:00:00}") REPLICATION 1"
