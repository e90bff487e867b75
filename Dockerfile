# One image recipe for every runnable service; the build argument SERVICE names the project folder under
# services/ (Identity, Intake, Triage, Notification, Portal or Standalone). Build context is the repository root:
#   docker build --build-arg SERVICE=Intake -t safetyreports/intake .
#   docker build --build-arg SERVICE=Standalone --build-arg PORT=5000 -t safetyreports/standalone .
#
# PORT is the port the service listens on inside the container: 8080 for every service of the distributed
# system; 5000 for Standalone, whose token issuer defaults to http://localhost:5000/, which then means the
# same thing to a browser on the host (through -p 5000:5000) and to the process validating its own tokens.
# docs/architecture.md ("Topology") lists which service is built with which arguments.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "Pass --build-arg SERVICE=<Identity|Intake|Triage|Notification|Portal|Standalone>" >&2; exit 1; }
WORKDIR /src

# Restore from the build settings and project files alone, so this layer stays cached
# until a package version or a project reference changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY services/Contracts/SafetyReports.Contracts.csproj services/Contracts/
COPY services/ServiceDefaults/SafetyReports.ServiceDefaults.csproj services/ServiceDefaults/
COPY services/Identity/SafetyReports.Identity.csproj services/Identity/
COPY services/Intake/SafetyReports.Intake.csproj services/Intake/
COPY services/Triage/SafetyReports.Triage.csproj services/Triage/
COPY services/Notification/SafetyReports.Notification.csproj services/Notification/
COPY services/Portal/SafetyReports.Portal.csproj services/Portal/
COPY services/Standalone/SafetyReports.Standalone.csproj services/Standalone/
RUN dotnet restore "services/$SERVICE/SafetyReports.$SERVICE.csproj"

COPY services/Contracts/ services/Contracts/
COPY services/ServiceDefaults/ services/ServiceDefaults/
COPY services/Identity/ services/Identity/
COPY services/Intake/ services/Intake/
COPY services/Triage/ services/Triage/
COPY services/Notification/ services/Notification/
COPY services/Portal/ services/Portal/
COPY services/Standalone/ services/Standalone/
RUN dotnet publish "services/$SERVICE/SafetyReports.$SERVICE.csproj" -c Release --no-restore -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
ARG SERVICE
ARG PORT=8080
WORKDIR /app

# Writable folders for the non-root user: SQLite files and Data Protection keys. A named volume
# mounted here starts with this ownership, so the service can write to it without root.
RUN mkdir -p /data /keys && chown "$APP_UID:$APP_UID" /data /keys

ENV SAFETYREPORTS_ASSEMBLY=SafetyReports.${SERVICE}.dll \
    ASPNETCORE_HTTP_PORTS=${PORT} \
    SafetyReports__Storage__DataDirectory=/data

COPY --from=build /app/publish .

USER $APP_UID
EXPOSE ${PORT}

# The image has no curl: the service binary itself probes its readiness endpoint.
HEALTHCHECK --interval=15s --timeout=10s --start-period=30s --retries=3 \
    CMD dotnet "$SAFETYREPORTS_ASSEMBLY" --probe "http://127.0.0.1:$ASPNETCORE_HTTP_PORTS/health/ready"

# exec: the service replaces the shell and receives the container's stop signal itself.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$SAFETYREPORTS_ASSEMBLY\" \"$@\"", "--"]
