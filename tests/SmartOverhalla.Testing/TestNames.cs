namespace SmartOverhalla.Testing;

/// <summary>Unique names that isolate one test's data on a shared server.</summary>
public static class TestNames
{
    /// <summary>A fresh InfluxDB database name, e.g. <c>test_3f9a2c1d</c>.</summary>
    public static string Database() => "test_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A fresh municipality slug: topics are tenant-first, so a test's devices never meet another's.</summary>
    public static string Municipality() => "t" + Guid.NewGuid().ToString("N")[..10];
}
