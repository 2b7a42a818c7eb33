namespace SmartOverhalla.Ploughing.Roads;

/// <summary>The road's owner and kind, as the <c>roadClass</c> property names it.</summary>
public enum RoadClass
{
    /// <summary><c>county</c>: fylkesveg.</summary>
    County,

    /// <summary><c>municipal</c>: kommunal veg.</summary>
    Municipal,

    /// <summary><c>private</c>: privat veg the municipality ploughs by agreement.</summary>
    Private,

    /// <summary><c>footway</c>: gang- og sykkelveg.</summary>
    Footway,
}
