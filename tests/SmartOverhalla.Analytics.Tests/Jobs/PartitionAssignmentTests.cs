using SmartOverhalla.Analytics.Jobs;

namespace SmartOverhalla.Analytics.Tests.Jobs;

public sealed class PartitionAssignmentTests
{
    private static readonly string[] Zones = ["sor", "_unzoned", "nord", "skage", "ranemsletta", "nord"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Owned_InstancesOfACount_OwnEveryPartitionExactlyOnce(int count)
    {
        var owners = Enumerable.Range(0, count).SelectMany(i => new PartitionAssignment(i, count).Owned(Zones)).ToList();

        Assert.Equal(Zones.Distinct().Order(StringComparer.Ordinal), owners.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Owned_TwoInstances_TakeTurnsInOrdinalOrder()
    {
        Assert.Equal(["_unzoned", "ranemsletta", "sor"], new PartitionAssignment(0, 2).Owned(Zones));
        Assert.Equal(["nord", "skage"], new PartitionAssignment(1, 2).Owned(Zones));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(-1, 2)]
    [InlineData(0, 0)]
    public void Constructor_IndexOutsideTheCount_Throws(int index, int count) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new PartitionAssignment(index, count));
}
