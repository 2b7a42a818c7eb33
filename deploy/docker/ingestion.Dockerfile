# Image of the ingestion worker (docker-compose.yml, service 'ingestion'): MQTT -> validate -> InfluxDB.
# Build context is the repository root:
#   docker build -f deploy/docker/ingestion.Dockerfile -t smartoverhalla/ingestion .

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
RUN dotnet restore ingestion/SmartOverhalla.Ingestion/SmartOverhalla.Ingestion.csproj
COPY . .
RUN dotnet publish ingestion/SmartOverhalla.Ingestion/SmartOverhalla.Ingestion.csproj \
      -c Release --no-restore -o /app -p:UseAppHost=false

# A worker needs the .NET runtime only, not ASP.NET Core.
FROM mcr.microsoft.com/dotnet/runtime:10.0-noble
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/smartoverhalla-healthcheck
# The spool (Ingestion:Spool:Directory = data/spool, under the content root /app): written by the app user.
# In compose it is the named volume ingestion-spool, which Docker creates with this folder's owner.
RUN mkdir -p /app/data/spool /app/data/lorawan && chown -R "$APP_UID" /app/data
# The non-root user the .NET images provide (uid 1654).
USER $APP_UID
# Healthy while it holds its MQTT connection and its self-metrics reach InfluxDB (healthcheck.sh).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/bin/bash", "/usr/local/bin/smartoverhalla-healthcheck", "ingestion"]
ENTRYPOINT ["dotnet", "SmartOverhalla.Ingestion.dll"]
