# Image of the analytics host (docker-compose.yml, service 'analytics'): the derived-data jobs (lighting savings, ...).
# Build context is the repository root:
#   docker build -f deploy/docker/analytics.Dockerfile -t smartoverhalla/analytics .
# A backfill runs in the same image: docker compose run --rm analytics backfill --from 2026-11-01 --to 2026-11-30

# .NET 10 images are Ubuntu 24.04 "noble" (Microsoft publishes no Debian images for .NET 10). The 10.0
# tags take the monthly .NET and Ubuntu security patches at each rebuild; global.json pins the SDK band.

# What restore reads, and nothing else (see ingestion.Dockerfile): project files and shared build files.
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
RUN dotnet restore analytics/SmartOverhalla.Analytics/SmartOverhalla.Analytics.csproj
COPY . .
RUN dotnet publish analytics/SmartOverhalla.Analytics/SmartOverhalla.Analytics.csproj \
      -c Release --no-restore -o /app -p:UseAppHost=false

# A worker needs the .NET runtime only, not ASP.NET Core. It keeps no state of its own: watermarks live in InfluxDB.
FROM mcr.microsoft.com/dotnet/runtime:10.0-noble
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/smartoverhalla-healthcheck
# The non-root user the .NET images provide (uid 1654).
USER $APP_UID
# Healthy while its self-metrics reach InfluxDB (healthcheck.sh).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/bin/bash", "/usr/local/bin/smartoverhalla-healthcheck", "analytics"]
ENTRYPOINT ["dotnet", "SmartOverhalla.Analytics.dll"]
