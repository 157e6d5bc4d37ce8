using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Digests;

/// <summary>When a kind of digest goes out by default: on or off, the local time of day, and the days of the week.</summary>
public sealed record DigestTiming(bool Enabled, TimeOnly At, IReadOnlyList<DayOfWeek> Days)
{
    public bool GoesOutOn(DayOfWeek day) => Days.Contains(day);
}

/// <summary>
/// The company's defaults for the digests (<c>Crm:Digests</c>) and the time zone their hours are in
/// (<c>Crm:TimeZone</c>). Management's morning digest comes every working day at 08:30, Support's
/// day-before reminder every day at 17:00, Sales' weekly digest on Mondays at 09:00; each person may
/// turn theirs off or choose its hour (<see cref="DigestPreference"/>).
/// </summary>
public sealed class DigestSchedule
{
    public const string Section = "Crm:Digests";

    private static readonly DayOfWeek[] WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] EveryDay = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly Dictionary<DigestKind, DigestTiming> _timings;

    public DigestSchedule(TimeZoneInfo zone, DigestTiming management, DigestTiming support, DigestTiming sales)
    {
        Zone = zone;
        _timings = new() { [DigestKind.Management] = management, [DigestKind.Support] = support, [DigestKind.Sales] = sales };
    }

    /// <summary>The product's defaults, in Europe/Paris.</summary>
    public static DigestSchedule Default { get; } = new(
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"),
        new(true, new TimeOnly(8, 30), WorkingDays),
        new(true, new TimeOnly(17, 0), EveryDay),
        new(true, new TimeOnly(9, 0), [DayOfWeek.Monday]));

    public TimeZoneInfo Zone { get; }

    public DigestTiming For(DigestKind kind) => _timings[kind];

    /// <summary>The local day a UTC instant falls on, and the local time of day.</summary>
    public (DateOnly Day, TimeOnly Time) LocalNow(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>Reads <c>Crm:TimeZone</c> and <c>Crm:Digests:{Management|Support|Sales}:{Enabled|At|Days}</c>; a wrong value stops the program with what is expected.</summary>
    public static DigestSchedule FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var zone = configuration["Crm:TimeZone"] is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default.Zone;
        var section = configuration.GetSection(Section);
        return new DigestSchedule(
            zone,
            Read(section, DigestKind.Management),
            Read(section, DigestKind.Support),
            Read(section, DigestKind.Sales));
    }

    /// <summary>Reads a time of day as people write it: <c>08:30</c>, <c>8:30</c>, <c>8h30</c>, <c>17h</c>, <c>17</c>.</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        var typed = text?.Trim().ToLowerInvariant().Replace('h', ':');
        if (string.IsNullOrEmpty(typed))
        {
            return false;
        }

        if (typed.EndsWith(':'))
        {
            typed += "00";
        }
        else if (!typed.Contains(':', StringComparison.Ordinal))
        {
            typed += ":00";
        }

        var parts = typed.Split(':');
        if (parts.Length != 2 || parts[1].Length != 2 || parts[0].Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    internal static int MinuteOf(TimeOnly time) => (time.Hour * 60) + time.Minute;

    internal static TimeOnly TimeOf(int minute) => new(minute / 60, minute % 60);

    private static DigestTiming Read(IConfigurationSection digests, DigestKind kind)
    {
        var section = digests.GetSection(kind.ToString());
        var fallback = Default.For(kind);
        var enabled = fallback.Enabled;
        if (section["Enabled"] is { Length: > 0 } enabledText && !bool.TryParse(enabledText.Trim(), out enabled))
        {
            throw Wrong(kind, "Enabled", "true or false", enabledText);
        }

        var at = fallback.At;
        if (section["At"] is { Length: > 0 } atText && !TryParseTime(atText, out at))
        {
            throw Wrong(kind, "At", "a time of day such as 08:30", atText);
        }

        var days = fallback.Days;
        if (section["Days"] is { Length: > 0 } daysText)
        {
            var parsed = new List<DayOfWeek>();
            foreach (var name in daysText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(name, out _))
                {
                    throw Wrong(kind, "Days", "days of the week in English separated by commas, such as Monday,Thursday", daysText);
                }

                parsed.Add(day);
            }

            days = parsed.Distinct().ToArray();
        }

        return new DigestTiming(enabled, at, days);
    }

    private static InvalidOperationException Wrong(DigestKind kind, string key, string expected, string text) =>
        new($"{Section}:{kind}:{key} must be {expected} (it is \"{text}\").");
}
