using EpicEvents.Crm.Common;
using EpicEvents.Crm.Telemetry;

namespace EpicEvents.Bot.Conversations;

/// <summary>
/// What one turn did, for its span, its Sentry event if it fails, and the turns metric: the command
/// it ran and how it ended (<c>ok</c>, a refusal's code, or <c>error</c>). One per turn (scoped).
/// </summary>
public sealed class TurnSummary
{
    public const string Failed = "error";

    public string Command { get; private set; } = "none";

    public string Outcome { get; private set; } = "ok";

    /// <summary>The turn runs <paramref name="command"/>; its span is tagged with it.</summary>
    public void Runs(string command)
    {
        Command = command;
        CrmTelemetry.Runs(command);
    }

    /// <summary>The turn answered with a refusal (not allowed, not found, invalid, changed meanwhile).</summary>
    public void Refused(Outcome outcome) => Outcome = outcome.Code();

    /// <summary>Someone the CRM does not know wrote: refused before any command.</summary>
    public void Unidentified() => Outcome = OutcomeCodes.Forbidden;
}
