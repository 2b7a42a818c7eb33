namespace SmartOverhalla.Benchmarks;

public enum DeviceKind
{
    Streetlight,
    Watermeter,
    Plough,
}
