# Image of the gateway (docker-compose.yml, service 'gateway'): ASP.NET Core host with /health, the
# OpenAPI document and, when Broker__Mode stays Embedded, its own MQTT broker.
# Build context is the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t smartoverhalla/gateway .

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
RUN dotnet restore gateway/SmartOverhalla.Gateway/SmartOverhalla.Gateway.csproj
COPY . .
RUN dotnet publish gateway/SmartOverhalla.Gateway/SmartOverhalla.Gateway.csproj \
      -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/smartoverhalla-healthcheck
# appsettings.json binds loopback only (for the local run); in a container the HTTP API and the embedded
# broker must listen on the container's network. Urls replaces the image's ASPNETCORE_HTTP_PORTS, which is
# cleared so Kestrel does not warn about the override.
ENV Urls=http://0.0.0.0:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Broker__Embedded__BindAddress=0.0.0.0
# Writable folders, owned by the app user; in compose each is a named volume, which Docker creates with the
# owner of the image's folder: data/ (gateway-data: the device registry, lighting control's state) and
# mosquitto-auth/ (mosquitto-auth: Mosquitto's password and ACL files, Devices:Mosquitto, read by the
# mosquitto container).
RUN mkdir /app/data /app/mosquitto-auth && chown "$APP_UID" /app/data /app/mosquitto-auth
# 8080 HTTP API; 1883 MQTT of the embedded broker (unused when Broker__Mode=External, as in compose).
EXPOSE 8080 1883
# The non-root user the .NET images provide (uid 1654).
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/bin/bash", "/usr/local/bin/smartoverhalla-healthcheck", "http", "8080", "/health/live"]
ENTRYPOINT ["dotnet", "SmartOverhalla.Gateway.dll"]
