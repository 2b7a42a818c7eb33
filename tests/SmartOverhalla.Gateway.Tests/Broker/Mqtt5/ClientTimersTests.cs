using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Gateway.Broker.Mqtt5;

namespace SmartOverhalla.Gateway.Tests.Broker.Mqtt5;

public sealed class ClientTimersTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<(string ClientId, string Value)> _fired = [];

    [Fact]
    public void A_delay_longer_than_one_timer_fires_when_it_has_passed_not_at_the_first_step()
    {
        using var timers = new ClientTimers<string>(_time, (id, value) => _fired.Add((id, value)));
        timers.Set("c", TimeSpan.FromDays(45), "will");

        _time.Advance(TimeSpan.FromDays(30));
        Assert.Empty(_fired);
        _time.Advance(TimeSpan.FromDays(15) - TimeSpan.FromSeconds(1));
        Assert.Empty(_fired);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([("c", "will")], _fired);
        Assert.Equal(0, timers.Count);
    }

    [Fact]
    public void Setting_again_replaces_the_timer_and_cancel_returns_its_value()
    {
        using var timers = new ClientTimers<string>(_time, (id, value) => _fired.Add((id, value)));
        timers.Set("c", TimeSpan.FromSeconds(5), "first");
        timers.Set("c", TimeSpan.FromSeconds(10), "second");

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(_fired);
        Assert.Equal("second", timers.Cancel("c"));
        Assert.Null(timers.Cancel("c"));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(_fired);
    }

    [Fact]
    public void A_delay_of_TimeSpan_MaxValue_never_fires()
    {
        using var timers = new ClientTimers<string>(_time, (id, value) => _fired.Add((id, value)));
        timers.Set("c", TimeSpan.MaxValue, "never");

        _time.Advance(TimeSpan.FromDays(3650));

        Assert.Empty(_fired);
        Assert.Equal(1, timers.Count);
    }
}
