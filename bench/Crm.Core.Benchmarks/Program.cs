using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EpicEvents.Crm.Benchmarks;

// In-process: the benchmarks share the prepared databases and need no generated project.
var config = ManualConfig.CreateMinimumViable()
    .AddJob(Job.Default
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
    .WithOption(ConfigOptions.DisableOptimizationsValidator, true);

if (args is ["prepare", ..])
{
    foreach (var provider in Enum.GetValues<BenchProvider>())
    {
        await BenchDatabase.PrepareAsync(provider);
    }

    return;
}

if (args is ["digests", ..])
{
    await DigestRun.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ListBenchmarks).Assembly).Run(args, config);
