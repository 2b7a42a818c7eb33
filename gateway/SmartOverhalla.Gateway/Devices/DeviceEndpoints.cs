using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Audit;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// The device registry's admin API under <c>/api/v1/devices</c>: list, show, register (returns the secret once, or
/// none for a LoRaWAN device), rotate the secret, delete. Every change is audited. Authorization is added to the
/// returned group by the caller; the LoRaWAN directory (<c>GET /api/v1/devices/lorawan</c>) is mapped beside that
/// group with its own policy (<see cref="DevicePolicies.LoRaWanDirectory"/>), since the ingestion worker reads it.
/// </summary>
internal static class DeviceEndpoints
{
    public const string Prefix = "/api/v1/devices";

    public static RouteGroupBuilder MapDevices(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Not in the admin group: group policies add up, and operators and the ingestion worker (service) read it too.
        app.MapGet($"{Prefix}/lorawan", ListLoRaWan)
            .WithTags("Devices")
            .WithName("ListLoRaWanDevices")
            .WithSummary("LoRaWAN devices by DevEUI")
            .WithDescription("Every registered device with a DevEUI, sorted by DevEUI: how the ingestion maps a network server's uplink to its device. Roles: operator, service, admin.")
            .Produces<LoRaWanDirectory>()
            .RequireAuthorization(DevicePolicies.LoRaWanDirectory);

        var group = app.MapGroup(Prefix).WithTags("Devices");

        group.MapGet("/", List)
            .WithName("ListDevices")
            .WithSummary("Registered devices")
            .WithDescription("Every registered device (optionally of one kind), without secrets or hashes.")
            .ProducesValidationProblem();

        group.MapGet("/{kind}/{deviceId}", Show)
            .WithName("GetDevice")
            .WithSummary("One registered device")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", RegisterAsync)
            .WithName("RegisterDevice")
            .WithSummary("Register a device")
            .WithDescription("Registers a device and returns its MQTT user name and a new secret. The secret is shown only in this response; the gateway stores its hash. " +
                "A device registered with a devEui (LoRaWAN) reaches the platform through its network server: it gets no user name and no secret (mqttLogin false) and can never log in to the broker.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{kind}/{deviceId}/secret", RotateAsync)
            .WithName("RotateDeviceSecret")
            .WithSummary("Give a device a new secret")
            .WithDescription("The old secret stops working for new connections at once; the new one is shown only in this response. A LoRaWAN device has no secret: 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{kind}/{deviceId}", DeleteAsync)
            .WithName("DeleteDevice")
            .WithSummary("Remove a device")
            .WithDescription("The device can no longer connect (its current connection is closed on the embedded broker).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Results<Ok<List<DeviceView>>, ValidationProblem> List(string? kind, DeviceRegistry registry)
    {
        DeviceKind? only = null;
        if (kind is not null)
        {
            if (!TopicNames.TryParseKind(kind, out var parsed))
            {
                return Invalid("kind", DeviceRequestRules.KindRule, "The devices were not listed");
            }

            only = parsed;
        }

        var devices = registry.All
            .Where(d => only is null || d.Kind == only)
            .OrderBy(d => d.Kind).ThenBy(d => d.DeviceId, StringComparer.Ordinal)
            .Select(DeviceView.Of)
            .ToList();
        return TypedResults.Ok(devices);
    }

    private static JsonHttpResult<LoRaWanDirectory> ListLoRaWan(DeviceRegistry registry)
    {
        var devices = registry.All
            .Where(d => d.DevEui is not null)
            .OrderBy(d => d.DevEui, StringComparer.Ordinal)
            .Select(d => new LoRaWanDirectoryEntry(d.DevEui!, TopicNames.Of(d.Kind), d.DeviceId, d.Municipality))
            .ToList();
        return TypedResults.Json(new LoRaWanDirectory(devices), DevicesApiJsonContext.Default.LoRaWanDirectory);
    }

    private static Results<Ok<DeviceView>, ValidationProblem, ProblemHttpResult> Show(string kind, string deviceId, DeviceRegistry registry)
    {
        if (ParseKey(kind, deviceId, "The device was not shown") is { } invalid)
        {
            return invalid;
        }

        return registry.Find(Key(kind, deviceId)) is { } device ? TypedResults.Ok(DeviceView.Of(device)) : Unknown(kind, deviceId);
    }

    private static async Task<Results<Created<DeviceCredentials>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        DeviceRegistration request, DeviceRegistry registry, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var problem = DeviceRequestRules.Check(request.Kind, request.DeviceId, request.Municipality, request.Role, request.DevEui, out var kind, out var devEui);
        if (problem is { } p)
        {
            return Invalid(p.Field, p.Message, "The device was not registered");
        }

        var key = new DeviceKey(kind, request.DeviceId!);

        // A LoRaWAN device talks to its network server, never to the broker: no secret, so no login (spec lorawan.md).
        var secret = devEui is null ? DeviceSecrets.NewSecret() : null;
        var role = string.IsNullOrEmpty(request.Role) ? null : request.Role;
        var (outcome, device) = await registry.RegisterAsync(key, request.Municipality!, role, devEui, secret, cancellationToken);
        if (outcome == RegistryChange.AlreadyRegistered)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The device is already registered",
                detail: $"There is already a {TopicNames.Of(kind)} '{key.DeviceId}'. Rotate its secret or delete it first.");
        }

        if (outcome == RegistryChange.DeviceIdInUse)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The device id is in use",
                detail: $"'{key.DeviceId}' is registered as a {TopicNames.Of(device!.Kind)}. A device id is the device's MQTT client id, so it must be unique across kinds.");
        }

        if (outcome == RegistryChange.DevEuiInUse)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The DevEUI is in use",
                detail: $"DevEUI {devEui} is registered for {device!.Key}. A DevEUI names one device: the ingestion maps uplinks by it.");
        }

        var details = $"municipality {device!.Municipality}" + (role is null ? string.Empty : $", role {role}") + (devEui is null ? string.Empty : $", devEui {devEui}");
        await AuditAsync(audit, time, http, "device.register", key, details, cancellationToken);
        return TypedResults.Created($"{Prefix}/{key}", new DeviceCredentials(DeviceView.Of(device), secret is null ? null : device.Username, secret));
    }

    private static async Task<Results<Ok<DeviceCredentials>, ValidationProblem, ProblemHttpResult>> RotateAsync(
        string kind, string deviceId, DeviceRegistry registry, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (ParseKey(kind, deviceId, "The secret was not changed") is { } invalid)
        {
            return invalid;
        }

        var key = Key(kind, deviceId);
        var secret = DeviceSecrets.NewSecret();
        var (outcome, device) = await registry.RotateSecretAsync(key, secret, cancellationToken);
        if (outcome == RegistryChange.NotFound)
        {
            return Unknown(kind, deviceId);
        }

        if (outcome == RegistryChange.NoMqttLogin)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The device has no MQTT secret",
                detail: $"{key} is a LoRaWAN device (DevEUI {device!.DevEui}): it reaches the platform through its network server and never logs in to the broker.");
        }

        await AuditAsync(audit, time, http, "device.rotate-secret", key, null, cancellationToken);
        return TypedResults.Ok(new DeviceCredentials(DeviceView.Of(device!), device!.Username, secret));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string kind, string deviceId, DeviceRegistry registry, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (ParseKey(kind, deviceId, "The device was not deleted") is { } invalid)
        {
            return invalid;
        }

        var key = Key(kind, deviceId);
        if (await registry.RemoveAsync(key, cancellationToken) == RegistryChange.NotFound)
        {
            return Unknown(kind, deviceId);
        }

        await AuditAsync(audit, time, http, "device.delete", key, null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ValidationProblem? ParseKey(string kind, string deviceId, string title)
    {
        if (!TopicNames.TryParseKind(kind, out _))
        {
            return Invalid("kind", DeviceRequestRules.KindRule, title);
        }

        return DeviceTopic.IsValidDeviceId(deviceId) ? null : Invalid("deviceId", DeviceRequestRules.DeviceIdRule, title);
    }

    private static DeviceKey Key(string kind, string deviceId)
    {
        TopicNames.TryParseKind(kind, out var parsed);
        return new DeviceKey(parsed, deviceId);
    }

    private static ValidationProblem Invalid(string field, string message, string title) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title, detail: $"{field}: {message}");

    private static ProblemHttpResult Unknown(string kind, string deviceId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device", detail: $"There is no registered {kind} '{deviceId}'.");

    private static ValueTask AuditAsync(IAuditLog audit, TimeProvider time, HttpContext http, string action, DeviceKey key, string? details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(http.User.Identity?.Name ?? "unknown", action, key.ToString(), details, time.GetUtcNow()), cancellationToken);
}
