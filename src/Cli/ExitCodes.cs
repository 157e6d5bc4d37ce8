namespace EpicEvents.Cli;

/// <summary>The program's exit codes: scripts branch on them, so they never change meaning.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int NotLoggedIn = 3;
    public const int Forbidden = 4;
    public const int NotFound = 5;
    public const int Invalid = 6;
    public const int Conflict = 7;

    /// <summary>The machine-readable error code that goes with an exit code in <c>--json</c> output.</summary>
    public static string ErrorCode(int exitCode) => exitCode switch
    {
        Usage => "usage",
        NotLoggedIn => "not_logged_in",
        Forbidden => Crm.Common.OutcomeCodes.Forbidden,
        NotFound => Crm.Common.OutcomeCodes.NotFound,
        Invalid => Crm.Common.OutcomeCodes.Invalid,
        Conflict => Crm.Common.OutcomeCodes.Conflict,
        _ => "unexpected",
    };
}
