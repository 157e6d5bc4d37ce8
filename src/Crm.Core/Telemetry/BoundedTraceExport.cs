using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Batches spans for one OTLP exporter behind a bounded count of spans waiting or in flight: a span
/// that finds it full is dropped on the spot (the user's action never waits for telemetry) and a
/// local warning says so, at most once a minute.
/// </summary>
internal sealed class BoundedTraceExport : BatchActivityExportProcessor
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly ExportGate _gate;
    private readonly string _destination;
    private readonly ThrottledWarning _warning;
    private long _dropped;

    private BoundedTraceExport(ExportGate gate, OtlpExporterOptions options, string destination, int maxQueueSize, Action<string> warn)
        : base(new CountingTraceExporter(options, gate), maxQueueSize, scheduledDelayMilliseconds: 1000, exporterTimeoutMilliseconds: options.TimeoutMilliseconds, maxExportBatchSize: Math.Min(512, maxQueueSize))
    {
        _gate = gate;
        _destination = destination;
        _warning = new ThrottledWarning(warn, WarningInterval);
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public static BoundedTraceExport Create(OtlpExporterOptions options, string destination, int maxQueueSize, Action<string> warn) =>
        new(new ExportGate(maxQueueSize), options, destination, maxQueueSize, warn);

    protected override void OnExport(Activity data)
    {
        if (_gate.TryEnter())
        {
            base.OnExport(data);
            return;
        }

        var dropped = Interlocked.Increment(ref _dropped);
        _warning.Say(() => $"Telemetry export to {_destination} is behind: its queue is full and {dropped} spans have been dropped so far.");
    }

    /// <summary>Counts spans handed to the batch until their export has been attempted.</summary>
    private sealed class ExportGate(int capacity)
    {
        private long _inFlight;

        public bool TryEnter()
        {
            if (Interlocked.Increment(ref _inFlight) <= capacity)
            {
                return true;
            }

            Interlocked.Decrement(ref _inFlight);
            return false;
        }

        public void Leave(long count) => Interlocked.Add(ref _inFlight, -count);
    }

    private sealed class CountingTraceExporter(OtlpExporterOptions options, ExportGate gate) : OtlpTraceExporter(options)
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            try
            {
                return base.Export(batch);
            }
            finally
            {
                gate.Leave(batch.Count);
            }
        }
    }
}
