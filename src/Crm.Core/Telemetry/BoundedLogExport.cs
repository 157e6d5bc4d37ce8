using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Batches log records for one OTLP exporter in the SDK's bounded queue. A record that finds the
/// queue full is dropped on the spot by the SDK (the user's action never waits for telemetry); this
/// says so locally, at most once a minute.
/// </summary>
/// <remarks>
/// The OTLP log exporter is sealed, so the records cannot be counted out of the queue as spans are
/// (<see cref="BoundedTraceExport"/>); the SDK counts what it drops, but only internally. The count is
/// read through that internal property, found once; should a future SDK rename it, records are still
/// dropped as before, only without the warning (a test says so first).
/// </remarks>
internal sealed class BoundedLogExport : BatchLogRecordExportProcessor
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private static readonly Func<BatchExportProcessor<LogRecord>, long>? DroppedBySdk = FindDroppedCount();

    private readonly string _destination;
    private readonly ThrottledWarning _warning;
    private readonly bool _belowErrorOnly;
    private long _reported;

    private BoundedLogExport(OtlpExporterOptions options, string destination, int maxQueueSize, Action<string> warn, bool belowErrorOnly)
        : base(new OtlpLogExporter(options), maxQueueSize, scheduledDelayMilliseconds: 1000, exporterTimeoutMilliseconds: options.TimeoutMilliseconds, maxExportBatchSize: Math.Min(512, maxQueueSize))
    {
        _destination = destination;
        _belowErrorOnly = belowErrorOnly;
        _warning = new ThrottledWarning(warn, WarningInterval);
    }

    /// <summary>Whether this SDK lets the drops be seen (and so warned about).</summary>
    public static bool CanSeeDrops => DroppedBySdk is not null;

    public long Dropped => DroppedBySdk?.Invoke(this) ?? 0;

    /// <param name="belowErrorOnly">
    /// The destination gets its errors another way (Sentry, through its SDK): records at Error and above
    /// are not exported here, so that each error reaches it once.
    /// </param>
    public static BoundedLogExport Create(OtlpExporterOptions options, string destination, int maxQueueSize, Action<string> warn, bool belowErrorOnly = false) =>
        new(options, destination, maxQueueSize, warn, belowErrorOnly);

    public override void OnEnd(LogRecord data)
    {
        if (_belowErrorOnly && data.LogLevel >= Microsoft.Extensions.Logging.LogLevel.Error)
        {
            return;
        }

        base.OnEnd(data);
        var dropped = Dropped;
        if (dropped > Interlocked.Read(ref _reported))
        {
            Interlocked.Exchange(ref _reported, dropped);
            _warning.Say(() => $"Telemetry export to {_destination} is behind: its queue is full and {dropped} log records have been dropped so far.");
        }
    }

    private static Func<BatchExportProcessor<LogRecord>, long>? FindDroppedCount()
    {
        var getter = typeof(BatchExportProcessor<LogRecord>).GetProperty("DroppedCount", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetGetMethod(nonPublic: true);
        return getter is not null && getter.ReturnType == typeof(long)
            ? getter.CreateDelegate<Func<BatchExportProcessor<LogRecord>, long>>()
            : null;
    }
}
