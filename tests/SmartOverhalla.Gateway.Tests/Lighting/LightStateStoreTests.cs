using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Lighting;

public sealed class LightStateStoreTests
{
    private static LightStateStore NewStore(string stateFile) =>
        new(Options.Create(new LightingControlOptions { StateFile = stateFile }), new TestEnvironment());

    [Fact]
    public async Task Update_SameDesiredLevelAgain_IsNotAChangeToSave()
    {
        using var folder = new TempDirectory("so-store-");
        var store = NewStore(folder.File("state.json"));
        store.Update("overhalla", "lys-1", s => s with { DesiredLevel = 50, DesiredReason = "profile: 23:00" });
        await store.SaveAsync(TestContext.Current.CancellationToken);

        // When the control loop decides the same level again
        store.Update("overhalla", "lys-1", s => s with { DesiredLevel = 50, DesiredReason = "profile: 23:00" });

        // Then there is nothing to write
        Assert.False(store.HasUnsavedChanges);
    }

    [Fact]
    public async Task Update_NewLevel_IsSavedAndReadBackByANewStore()
    {
        using var folder = new TempDirectory("so-store-");
        var file = folder.File("state.json");
        var store = NewStore(file);
        store.Update("overhalla", "lys-1", s => s with { DesiredLevel = 50 });
        await store.SaveAsync(TestContext.Current.CancellationToken);

        store.Update("overhalla", "lys-1", s => s with { DesiredLevel = 100 });

        Assert.True(store.HasUnsavedChanges);
        await store.SaveAsync(TestContext.Current.CancellationToken);
        Assert.False(store.HasUnsavedChanges);
        Assert.Equal(100, NewStore(file).Find("overhalla", "lys-1")?.DesiredLevel);
    }
}
