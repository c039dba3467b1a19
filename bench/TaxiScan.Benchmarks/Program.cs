using BenchmarkDotNet.Running;

// Runs the benchmarks the arguments select, e.g. `-- --filter '*'` for all of them, or `-- --list flat`.
BenchmarkSwitcher.FromAssembly(typeof(TaxiScan.Benchmarks.ScanBenchmarks).Assembly).Run(args);
