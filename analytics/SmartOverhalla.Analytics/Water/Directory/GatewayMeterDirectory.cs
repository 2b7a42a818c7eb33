using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Alerts;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Analytics.Water.Directory;

/// <summary>
/// Fetches the meter directory from the gateway (<c>GET /api/v1/water/meters?municipality=…</c>, the gateway and
/// <c>service</c> API key of <c>Analytics:Alerts</c>), kept for <see cref="WaterAnalyticsOptions.DirectoryCacheLifetime"/>.
/// Entries that are not this municipality's, or carry an unknown role or an id that cannot be a device id, are left out
/// and counted in the log. Analytics never asks for, and the answer never holds, an address.
/// </summary>
internal sealed class GatewayMeterDirectory(
    IHttpClientFactory httpClientFactory,
    IOptions<AlertReportingOptions> gateway,
    IOptions<WaterAnalyticsOptions> options,
    TimeProvider timeProvider,
    ILogger<GatewayMeterDirectory> logger) : IMeterDirectory
{
    public const string HttpClientName = "SmartOverhalla.Analytics.MeterDirectory";

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private long? _fetchedAt;

    public MeterDirectorySnapshot Current { get; private set; } = new(options.Value.Municipality, []);

    public async Task<MeterDirectorySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_fetchedAt is { } at && timeProvider.GetElapsedTime(at) < options.Value.DirectoryCacheLifetime)
            {
                return Current;
            }

            Current = await FetchAsync(cancellationToken);
            _fetchedAt = timeProvider.GetTimestamp();
            return Current;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<MeterDirectorySnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var municipality = options.Value.Municipality;
        var settings = gateway.Value;
        if (settings.GatewayUrl is null)
        {
            throw new JobInputUnavailableException(
                $"the water meter directory cannot be fetched: {AlertReportingOptions.SectionName}:{nameof(AlertReportingOptions.GatewayUrl)} is not set");
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.GatewayUrl, $"api/v1/water/meters?municipality={Uri.EscapeDataString(municipality)}"));
        request.Headers.Add("X-Api-Key", settings.ApiKey);
        MeterDirectoryResponse? answer;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new JobInputUnavailableException(
                    $"the gateway at {settings.GatewayUrl.Host} answered HTTP {(int)response.StatusCode} to the water meter directory of {municipality}");
            }

            answer = await response.Content.ReadFromJsonAsync(MeterDirectoryJsonContext.Default.MeterDirectoryResponse, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new JobInputUnavailableException($"the water meter directory of {municipality} could not be fetched from {settings.GatewayUrl.Host}: {ex.Message}", ex);
        }

        var meters = new List<MeterPlacement>();
        var skipped = 0;
        foreach (var entry in answer?.Meters ?? [])
        {
            if (entry.Municipality == municipality && DeviceTopic.IsValidDeviceId(entry.Meter) && DeviceTopic.IsValidDeviceId(entry.District)
                && MeterRoles.TryParse(entry.Role, out var role))
            {
                meters.Add(new MeterPlacement(municipality, entry.Meter!, role, entry.District!));
            }
            else
            {
                skipped++;
            }
        }

        var snapshot = new MeterDirectorySnapshot(municipality, meters);
        Log.DirectoryFetched(logger, municipality, meters.Count, snapshot.Districts.Count, skipped);
        return snapshot;
    }
}
