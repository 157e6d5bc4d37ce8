using System.Text;

namespace EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>Which department a mock person works in, or none (a stranger to the CRM).</summary>
public enum MockDepartment
{
    None,
    Management,
    Sales,
    Support,
}

/// <summary>A person of the mock Microsoft 365 tenant, as the playground presents them to the bot.</summary>
public sealed record MockPerson(string TeamsId, string Name, string GivenName, string Surname, Guid AadObjectId, string Email, MockDepartment Department)
{
    public override string ToString() => Name;
}

/// <summary>
/// The mock tenant of <c>e2e/.m365agentsplayground.yml</c>: same tenant, bot and people (a test
/// checks that the file and this class agree). The playground's personal chat admits only its
/// "current user", so the harness writes one configuration per person it talks as, with that
/// person as the current user and the others among the five "users" the schema requires.
/// </summary>
public static class MockTenant
{
    public static readonly Guid TenantId = Guid.Parse("6d1c2e0f-0e2e-4b5a-9c3d-5a1e2e000000");

    public const string BotId = "28:6d1c2e0f-0e2e-4b5a-9c3d-5a1e2e0000b0";

    public const string BotName = "Epic Events";

    public const string PersonalChatId = "personal-chat-epicevents";

    public const string GroupChatId = "group-chat-epicevents";

    public static readonly MockPerson Manager = Person("29:maud-manager", "Maud", "Manager", 1, MockDepartment.Management);

    public static readonly MockPerson Sales = Person("29:sam-sales", "Sam", "Sales", 2, MockDepartment.Sales);

    public static readonly MockPerson Support = Person("29:sue-support", "Sue", "Support", 3, MockDepartment.Support);

    public static readonly MockPerson Guest = Person("29:gus-guest", "Gus", "Guest", 4, MockDepartment.None);

    public static IReadOnlyList<MockPerson> People { get; } =
    [
        Manager,
        Sales,
        Support,
        Guest,
        Person("29:val-visitor", "Val", "Visitor", 5, MockDepartment.None),
        Person("29:pat-partner", "Pat", "Partner", 6, MockDepartment.None),
    ];

    public static IEnumerable<MockPerson> Staff => People.Where(p => p.Department != MockDepartment.None);

    /// <summary>The playground configuration (schema 0.1.1) with <paramref name="currentUser"/> at the keyboard.</summary>
    public static string ConfigurationFor(MockPerson currentUser)
    {
        var yaml = new StringBuilder()
            .AppendLine("version: \"0.1.1\"")
            .AppendLine(FormattableString.Invariant($"tenantId: {TenantId}"))
            .AppendLine("bot:")
            .AppendLine(FormattableString.Invariant($"  id: \"{BotId}\""))
            .AppendLine(FormattableString.Invariant($"  name: {BotName}"))
            .AppendLine("currentUser:");
        AppendPerson(yaml, currentUser, "  ");
        yaml.AppendLine("users:");
        foreach (var person in People.Where(p => p != currentUser))
        {
            AppendPerson(yaml, person, "  - ", "    ");
        }

        return yaml
            .AppendLine("personalChat:")
            .AppendLine(FormattableString.Invariant($"  id: {PersonalChatId}"))
            .AppendLine("groupChat:")
            .AppendLine(FormattableString.Invariant($"  id: {GroupChatId}"))
            .AppendLine("  name: Epic Events staff")
            .AppendLine("team:")
            .AppendLine("  id: team-epicevents")
            .AppendLine("  name: Epic Events")
            .AppendLine("  aadGroupId: 6d1c2e0f-0e2e-4b5a-9c3d-5a1e2e0000a0")
            .AppendLine("  channels:")
            .AppendLine("    - id: channel-epicevents-events")
            .AppendLine("      name: Events")
            .ToString();
    }

    private static MockPerson Person(string teamsId, string givenName, string surname, int number, MockDepartment department) =>
        new(
            teamsId,
            $"{givenName} {surname}",
            givenName,
            surname,
            Guid.Parse(FormattableString.Invariant($"6d1c2e0f-0e2e-4b5a-9c3d-5a1e2e{number:D6}")),
            $"{givenName.ToLowerInvariant()}.{surname.ToLowerInvariant()}@epicevents.example",
            department);

    private static void AppendPerson(StringBuilder yaml, MockPerson person, string firstIndent, string? indent = null)
    {
        indent ??= firstIndent;
        yaml.AppendLine(FormattableString.Invariant($"{firstIndent}id: \"{person.TeamsId}\""))
            .AppendLine(FormattableString.Invariant($"{indent}name: {person.Name}"))
            .AppendLine(FormattableString.Invariant($"{indent}userPrincipleName: {person.Email}"))
            .AppendLine(FormattableString.Invariant($"{indent}aadObjectId: {person.AadObjectId}"))
            .AppendLine(FormattableString.Invariant($"{indent}givenName: {person.GivenName}"))
            .AppendLine(FormattableString.Invariant($"{indent}surname: {person.Surname}"))
            .AppendLine(FormattableString.Invariant($"{indent}email: {person.Email}"));
    }
}
