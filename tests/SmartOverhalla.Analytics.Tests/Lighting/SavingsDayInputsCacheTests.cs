using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.Lighting.Savings;

namespace SmartOverhalla.Analytics.Tests.Lighting;

public sealed class SavingsDayInputsCacheTests
{
    private static readonly DateOnly Day = new(2026, 12, 6);

    [Fact]
    public async Task GetAsync_SameDayWithinItsLifetime_LoadsOnceForEveryZone()
    {
        var clock = new FakeTimeProvider();
        var cache = new SavingsDayInputsCache(clock);
        var loads = 0;
        Task<SavingsDayInputs> Load() => Task.FromResult(new SavingsDayInputs([$"light-{++loads}"], new Dictionary<string, FullPowerObservation>()));

        var first = await cache.GetAsync("overhalla", Day, Load);
        var second = await cache.GetAsync("overhalla", Day, Load);
        var otherDay = await cache.GetAsync("overhalla", Day.AddDays(-1), Load);
        clock.Advance(SavingsDayInputsCache.Lifetime);
        var nextRun = await cache.GetAsync("overhalla", Day, Load);

        Assert.Same(first, second);
        Assert.Equal(["light-2"], otherDay.Lights);
        Assert.Equal(["light-3"], nextRun.Lights);
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task GetAsync_LoadFailed_LoadsAgainNextTime()
    {
        var cache = new SavingsDayInputsCache(new FakeTimeProvider());

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("overhalla", Day, () => Task.FromException<SavingsDayInputs>(new InvalidOperationException("InfluxDB away"))));
        var inputs = await cache.GetAsync("overhalla", Day, () => Task.FromResult(new SavingsDayInputs(["light-1"], new Dictionary<string, FullPowerObservation>())));

        Assert.Equal(["light-1"], inputs.Lights);
    }
}
