using System.Diagnostics;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// The CRM's traces. Every span the product creates comes from one <see cref="ActivitySource"/>
/// per front end plus this one for Crm.Core; with no listener (nothing configured) starting a span
/// costs a null check.
/// </summary>
public static class CrmTelemetry
{
    /// <summary>The source of Crm.Core's spans: database commands.</summary>
    public const string SourceName = "EpicEvents.Crm";

    public static ActivitySource Source { get; } = new(SourceName, Version);

    /// <summary>The product version reported as <c>service.version</c>.</summary>
    public static string Version { get; } =
        typeof(CrmTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// The W3C <c>traceparent</c> of the current span, so that work continued later (an outbox
    /// delivery) can join the trace that caused it; null outside a recorded trace.
    /// </summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : null;

    /// <summary>Marks a span failed with the exception's type only: messages can carry personal data.</summary>
    public static void RecordFailure(this Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.SetTag("error.type", exception.GetType().FullName);
    }
}
