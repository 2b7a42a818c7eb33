using System.Globalization;
using SmartOverhalla.WaterBench;

// How long the analytics host takes to compute hourly water consumption (issue 10). Usage:
//   WaterBench in-memory [meters=10000] [days=365] [metersPerDistrict=500]
//   WaterBench end-to-end [meters=1000] [days=14] [metersPerDistrict=500]
var mode = args.Length > 0 ? args[0] : "in-memory";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (mode)
{
    case "in-memory":
        InMemoryBench.Run(Arg(1, 10_000), Arg(2, 365), Arg(3, 500));
        return 0;
    case "end-to-end":
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(60), TimeProvider.System))
        {
            await EndToEndBench.RunAsync(Arg(1, 1_000), Arg(2, 14), Arg(3, 500), cancel.Token);
        }

        return 0;
    default:
        Console.Error.WriteLine("usage: WaterBench in-memory|end-to-end [meters] [days] [metersPerDistrict]");
        return 2;
}
