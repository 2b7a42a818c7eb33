# Image of the device simulators (docker-compose.yml, service 'simulators', profile 'simulators').
# Build context is the repository root:
#   docker build -f deploy/docker/simulators.Dockerfile -t smartoverhalla/simulators .
# Options come from Simulators__* / Mqtt__* environment variables or from arguments after the image name
# (docker run ... smartoverhalla/simulators --streetlights 500 --ploughs 5; --help lists them).

# .NET 10 images are Ubuntu 24.04 "noble" (Microsoft publishes no Debian images for .NET 10). The 10.0
# tags take the monthly .NET and Ubuntu security patches at each rebuild; global.json pins the SDK band.

# What restore reads, and nothing else: every project file and the shared build files, in their folders.
# The next stage copies this tree before anything else, so its restore layer is rebuilt only when a
# project file or a package version changes, not on every source edit; and a project added to the
# dependency graph is found without editing this file.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS restore-inputs
WORKDIR /src
COPY . .
RUN find . -type f ! -name '*.csproj' ! -name '*.props' ! -name '*.targets' ! -name global.json \
      ! -iname nuget.config -delete \
 && find . -depth -type d -empty -delete

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
COPY --from=restore-inputs /src ./
RUN dotnet restore simulators/SmartOverhalla.Simulators/SmartOverhalla.Simulators.csproj
COPY . .
RUN dotnet publish simulators/SmartOverhalla.Simulators/SmartOverhalla.Simulators.csproj \
      -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/runtime:10.0-noble
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/smartoverhalla-healthcheck
# Where the compose service 'fleet' writes the fleet list (--write-fleet): the named volume 'fleet', which
# Docker creates with this folder's owner, the app user.
RUN mkdir /app/fleet && chown "$APP_UID" /app/fleet
# The non-root user the .NET images provide (uid 1654).
USER $APP_UID
# Healthy while the simulated devices hold MQTT connections to the broker (healthcheck.sh).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/bin/bash", "/usr/local/bin/smartoverhalla-healthcheck", "mqtt"]
ENTRYPOINT ["dotnet", "SmartOverhalla.Simulators.dll"]
