#!/usr/bin/env bash
# The pipeline benchmark of issue 13 in one command (bench/README.md): installs Mosquitto, InfluxDB and their
# clients where missing (Debian packages), builds the platform in Release, and runs every scenario side by side on
# servers of its own on 127.0.0.1: the broker's pass-through, the ingestion pipeline on Mosquitto (one and two
# instances, live and from a backlog) and on the gateway's embedded broker, the Node-RED peer (when its npm packages
# install) and the latency at a fixed rate; three runs each. Writes bench/results/pipeline.md.
#
#   bench/pipeline.sh                                  everything, as recorded (6–10 minutes on 2 cores)
#   bench/pipeline.sh --runs 1 --messages 50000        a quick look
#   bench/pipeline.sh --only pipeline-mosquitto,passthrough-mosquitto --output /tmp/p.md
#
# Other options: --devices N, --in-flight N, --connections N, --warmup N, --latency-rate N, --latency-seconds N,
# --no-nodered. PIPELINEBENCH_WORKER_<Setting>=value changes a worker setting for a run (it is listed in the results).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
deploy/install.sh
dotnet build bench/SmartOverhalla.PipelineBench -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/SmartOverhalla.PipelineBench/bin/Release/net10.0/SmartOverhalla.PipelineBench.dll "$@"
