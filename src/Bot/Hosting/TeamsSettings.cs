using Microsoft.Extensions.Configuration;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// The <c>Teams</c> section: which tenants the bot serves, and for which of them a Teams member is
/// linked to a collaborator by their verified email on first contact.
/// </summary>
public sealed record TeamsSettings(IReadOnlyCollection<Guid> AllowedTenants, IReadOnlyCollection<Guid> AutoLinkTenants)
{
    public static TeamsSettings FromConfiguration(IConfiguration configuration)
    {
        var allowed = ReadTenants(configuration.GetSection("Teams:AllowedTenants"));
        var autoLink = configuration.GetSection("Teams:AutoLinkTenants").Exists()
            ? ReadTenants(configuration.GetSection("Teams:AutoLinkTenants"))
            : allowed;
        return new TeamsSettings(allowed, autoLink.Where(allowed.Contains).ToArray());
    }

    /// <summary>Tenants outside the allowed list get a refusal, whoever they are; an empty list allows any tenant whose members are linked.</summary>
    public bool Allows(Guid tenantId) => AllowedTenants.Count == 0 || AllowedTenants.Contains(tenantId);

    private static Guid[] ReadTenants(IConfigurationSection section)
    {
        var values = section.GetChildren().Select(c => c.Value).ToList();
        if (section.Value is { Length: > 0 } commaSeparated)
        {
            values.AddRange(commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return values
            .Select(v => Guid.TryParse(v, out var tenant) ? tenant : throw new InvalidOperationException($"Teams tenant id \"{v}\" is not a GUID."))
            .Distinct()
            .ToArray();
    }
}
