using System.Diagnostics;
using System.Diagnostics.Metrics;

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

    /// <summary>The meter of Crm.Core's measurements: sign-in failures and lockouts.</summary>
    public const string MeterName = "EpicEvents.Crm";

    private static readonly Meter Meter = new(MeterName, Version);

    private static readonly Counter<long> FailedLogins = Meter.CreateCounter<long>(
        "epicevents.auth.failed_logins", "{attempt}", "Logins refused: unknown email, wrong password, deactivated or locked account");

    private static readonly Counter<long> Lockouts = Meter.CreateCounter<long>(
        "epicevents.auth.lockouts", "{lockout}", "Accounts locked after repeated failed logins");

    /// <summary>
    /// Counts a refused login by where it came from and why (<c>unknown_email</c>, <c>wrong_password</c>,
    /// <c>deactivated</c>, <c>locked</c>), and a lockout when this failure locked the account.
    /// </summary>
    public static void LoginFailed(Access.ChangeSource source, string reason, bool lockedNow)
    {
        var from = new KeyValuePair<string, object?>("crm.change.source", source.ToString());
        FailedLogins.Add(1, from, new KeyValuePair<string, object?>("crm.login.failure", reason));
        if (lockedNow)
        {
            Lockouts.Add(1, from);
        }
    }

    /// <summary>The product version reported as <c>service.version</c>.</summary>
    public static string Version { get; } =
        typeof(CrmTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// The W3C <c>traceparent</c> of the current span, so that work continued later (an outbox
    /// delivery) can join the trace that caused it; null outside a recorded trace.
    /// </summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : null;

    /// <summary>
    /// The collaborator a command or turn runs for, by id only: on the current span
    /// (<c>enduser.id</c>) and on the <see cref="ReportingScope"/> of the request or command, so that an
    /// error reported after the span ended still names them.
    /// </summary>
    public static void SignedIn(int collaboratorId)
    {
        Activity.Current?.SetTag(SentryReporting.UserTag, collaboratorId);
        ReportingScope.Current?.SignedIn(collaboratorId);
    }

    /// <summary>What the command or turn does (<c>crm.command</c>), on the current span and the reporting scope.</summary>
    public static void Runs(string command)
    {
        Activity.Current?.SetTag(SentryReporting.CommandTag, command);
        ReportingScope.Current?.Runs(command);
    }

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
