using System.Collections.Immutable;
using SmartOverhalla.Contracts.Storage;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>Where a message is stored: the part of its <see cref="DeviceSeries"/> that is not a payload field.</summary>
/// <param name="Measurement">One of <see cref="DeviceMeasurements"/>.</param>
internal sealed record SeriesSpec(string Measurement)
{
    /// <summary>Points carry tag <c>kind</c>: for the measurements every device kind shares.</summary>
    public bool HasKindTag { get; init; }

    /// <summary>Values the platform adds to every point, written before the payload's fields.</summary>
    public ImmutableArray<SeriesField> Derived { get; init; } = [];
}
