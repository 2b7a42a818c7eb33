using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.DurableFiles;
using SmartOverhalla.LoRaWan;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>
/// Keeps <see cref="LoRaWanDeviceDirectory"/> current: loads the cached copy at start (so uplinks map while the
/// gateway is down), then fetches <c>GET /api/v1/devices/lorawan</c> every
/// <see cref="LoRaWanOptions.DirectoryRefreshInterval"/>, and sooner when an unknown DevEUI asks (at most once per
/// <see cref="MinimumGap"/>). A failed fetch keeps the list it has.
/// </summary>
internal sealed class DeviceDirectoryRefreshService(
    IOptions<LoRaWanOptions> options,
    LoRaWanDeviceDirectory directory,
    IHttpClientFactory httpClientFactory,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<DeviceDirectoryRefreshService> logger) : BackgroundService
{
    public const string HttpClientName = "SmartOverhalla.Ingestion.LoRaWanDevices";

    /// <summary>The shortest time between two fetches asked for by unknown DevEUIs: a device nobody registered must not make the worker hammer the gateway.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(10);

    private readonly LoRaWanOptions _options = options.Value;

    /// <summary>What the cache file holds now: an unchanged list (the usual answer) is not written again every minute.</summary>
    private byte[] _cached = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var cacheFile = Path.GetFullPath(_options.DirectoryCacheFile, environment.ContentRootPath);
        await LoadCacheAsync(cacheFile, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var fetchedAt = timeProvider.GetTimestamp();
                await FetchAsync(cacheFile, stoppingToken);
                await WaitForNextFetchAsync(fetchedAt, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WaitForNextFetchAsync(long fetchedAt, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var scheduled = Task.Delay(_options.DirectoryRefreshInterval, timeProvider, wake.Token);
        var asked = directory.RefreshRequests.WaitToReadAsync(wake.Token).AsTask();
        await Task.WhenAny(scheduled, asked);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        while (directory.RefreshRequests.TryRead(out _))
        {
            // One fetch answers every request made so far.
        }

        var since = timeProvider.GetElapsedTime(fetchedAt);
        if (since < MinimumGap)
        {
            await Task.Delay(MinimumGap - since, timeProvider, stoppingToken);
        }
    }

    private async Task FetchAsync(string cacheFile, CancellationToken stoppingToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.GatewayUrl!, "api/v1/devices/lorawan"));
        request.Headers.Add("X-Api-Key", _options.ApiKey);
        try
        {
            using var response = await client.SendAsync(request, stoppingToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.LoRaWanDirectoryFetchFailed(logger, _options.GatewayUrl!.Host, $"HTTP {(int)response.StatusCode}", directory.Count);
                return;
            }

            var body = await response.Content.ReadAsByteArrayAsync(stoppingToken);
            var answer = JsonSerializer.Deserialize(body, DeviceDirectoryJsonContext.Default.DeviceDirectoryResponse);
            var (devices, skipped) = Check(answer);
            directory.Replace(devices);
            Log.LoRaWanDirectoryFetched(logger, devices.Count, skipped);
            if (!body.AsSpan().SequenceEqual(_cached))
            {
                await AtomicFile.WriteAsync(cacheFile, body, stoppingToken);
                _cached = body;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or IOException or UnauthorizedAccessException
            || (ex is TaskCanceledException && !stoppingToken.IsCancellationRequested))
        {
            Log.LoRaWanDirectoryFetchFailed(logger, _options.GatewayUrl!.Host, ex.Message, directory.Count);
        }
    }

    private async Task LoadCacheAsync(string cacheFile, CancellationToken stoppingToken)
    {
        try
        {
            if (!File.Exists(cacheFile))
            {
                return;
            }

            var body = await File.ReadAllBytesAsync(cacheFile, stoppingToken);
            _cached = body;
            var (devices, skipped) = Check(JsonSerializer.Deserialize(body, DeviceDirectoryJsonContext.Default.DeviceDirectoryResponse));
            directory.Replace(devices);
            Log.LoRaWanDirectoryCacheLoaded(logger, cacheFile, devices.Count, skipped);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            Log.LoRaWanDirectoryCacheUnreadable(logger, cacheFile, ex.Message);
        }
    }

    /// <summary>Keeps the entries that name a device the contract allows; the others are counted.</summary>
    private static (List<LoRaWanDevice> Devices, int Skipped) Check(DeviceDirectoryResponse? answer)
    {
        var devices = new List<LoRaWanDevice>();
        var skipped = 0;
        foreach (var entry in answer?.Devices ?? [])
        {
            if (DevEui.TryNormalize(entry.DevEui, out var devEui)
                && entry.Kind is { } kindName && TopicNames.TryParseKind(kindName, out var kind)
                && entry.DeviceId is { } deviceId && DeviceTopic.IsValidDeviceId(deviceId)
                && entry.Municipality is { } municipality && DeviceTopic.IsValidMunicipality(municipality))
            {
                devices.Add(new LoRaWanDevice(devEui, municipality, kind, deviceId));
            }
            else
            {
                skipped++;
            }
        }

        return (devices, skipped);
    }
}
