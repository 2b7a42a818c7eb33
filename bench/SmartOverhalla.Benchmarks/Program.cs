using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. --filter '*LineProtocol*' --job short (see bench/README.md).
BenchmarkSwitcher.FromAssembly(typeof(SmartOverhalla.Benchmarks.LineProtocolBenchmarks).Assembly).Run(args);
