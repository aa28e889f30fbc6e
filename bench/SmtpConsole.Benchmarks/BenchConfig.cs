using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SmtpConsole.Benchmarks;

internal static class BenchConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new ThroughputColumn())
        .AddColumn(new PerItemColumn());
}

/// <summary>Bytes processed by one invocation of a benchmark method, registered by the benchmark classes' static data.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WorkloadAttribute(string dataSet) : Attribute
{
    public string DataSet { get; } = dataSet;
}

/// <summary>Sizes of the static data sets (the same in the host process and in the benchmark process: deterministic).</summary>
internal static class DataSets
{
    public static (long Bytes, long Items) Of(string name) => name switch
    {
        "replies" => (ReplyData.Stream.Length, ReplyData.StreamReplies),
        "ehlo" => (ReplyData.Ehlo.Length, 1),
        "single" => (ReplyData.Single.Length, 1),
        "longline" => (ReplyData.LongLine.Length, 1),
        "text" => (BodyData.Text.Length, 1),
        "barelf" => (BodyData.BareLf.Length, 1),
        "dots" => (BodyData.Dots.Length, 1),
        _ => (0, 0),
    };

    public static (long Bytes, long Items)? For(BenchmarkCase benchmark) =>
        benchmark.Descriptor.WorkloadMethod.GetCustomAttributes(typeof(WorkloadAttribute), false) is [WorkloadAttribute w] ? Of(w.DataSet) : null;
}

/// <summary>MB/s = bytes of the data set / mean time.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => "Throughput";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Megabytes (10^6) of input processed per second";
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || DataSets.For(benchmarkCase) is not { Bytes: > 0 } data) return "-";
        double seconds = stats.Median / 1e9;
        return (data.Bytes / seconds / 1e6).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Allocated bytes per reply (or per item) = allocated per op / items in the data set.</summary>
internal sealed class PerItemColumn : IColumn
{
    public string Id => "AllocPerItem";
    public string ColumnName => "B/item";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Bytes allocated per reply (per item of the data set)";
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null || DataSets.For(benchmarkCase) is not { Items: > 0 } data) return "-";
        long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return allocated is null ? "-" : (allocated.Value / (double)data.Items).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
