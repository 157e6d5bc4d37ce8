using EpicEvents.TeamsAppPackage;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Manifest.Tests;

public sealed class AppPackageSettingsTests
{
    private const string BotAppId = "2d8f6a4e-1b3c-4d5e-8f90-a1b2c3d4e5f6";
    private const string ManifestAppId = "bbc3e1f3-a191-4aa9-8e77-8a277b79a498";

    [Fact]
    public void A_complete_configuration_gives_the_values_of_the_manifest()
    {
        var result = Read(new() { ["MicrosoftAppId"] = BotAppId, ["Teams:AppDomain"] = " CRM.Example.com ", ["Teams:ManifestAppId"] = ManifestAppId });

        result.Problems.Should().BeEmpty();
        result.Settings!.Placeholders().Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = BotAppId,
            ["Teams:AppDomain"] = "crm.example.com",
            ["Teams:ManifestAppId"] = ManifestAppId,
            ["Version"] = "1.2.3",
        });
    }

    [Fact]
    public void BOT_DOMAIN_is_read_when_Teams_AppDomain_is_not_set()
    {
        Read(Complete(("Teams:AppDomain", null), ("BOT_DOMAIN", "bot.example.org"))).Settings!.AppDomain.Should().Be("bot.example.org");
    }

    [Fact]
    public void Teams_AppDomain_wins_over_BOT_DOMAIN()
    {
        Read(Complete(("Teams:AppDomain", "crm.example.com"), ("BOT_DOMAIN", "bot.example.org"))).Settings!.AppDomain.Should().Be("crm.example.com");
    }

    [Theory]
    [InlineData("my-bot")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{2d8f6a4e-1b3c-4d5e-8f90-a1b2c3d4e5f6}")]
    [InlineData("2d8f6a4e1b3c4d5e8f90a1b2c3d4e5f6")]
    public void A_bot_app_id_that_is_not_a_plain_guid_is_refused(string appId)
    {
        var result = Read(Complete(("MicrosoftAppId", appId)));

        result.Settings.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().StartWith($"MicrosoftAppId '{appId}' is not a GUID");
    }

    [Theory]
    [InlineData("https://crm.example.com")]
    [InlineData("crm.example.com/api/messages")]
    [InlineData("crm.example.com:443")]
    [InlineData("localhost")]
    [InlineData("*.example.com")]
    [InlineData("crm_app.example.com")]
    [InlineData("-crm.example.com")]
    [InlineData("crm.example.com.")]
    public void A_domain_that_is_not_a_bare_host_name_is_refused(string domain)
    {
        var result = Read(Complete(("Teams:AppDomain", domain)));

        result.Settings.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Contain($"'{domain}' is not a host name");
    }

    [Fact]
    public void Every_missing_value_is_reported_at_once()
    {
        var result = Read([]);

        result.Settings.Should().BeNull();
        result.Problems.Should().HaveCount(3);
        result.Problems.Should().Contain(p => p.StartsWith("MicrosoftAppId is not configured", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("Teams:ManifestAppId is not configured", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("Teams:AppDomain (or BOT_DOMAIN) is not configured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("01.0.0")]
    public void A_product_version_the_manifest_cannot_carry_is_refused(string version)
    {
        var result = AppPackageSettings.Read(Configuration(Complete()), version);

        result.Problems.Should().ContainSingle().Which.Should().Contain($"'{version}' is not MAJOR.MINOR.PATCH");
    }

    private static AppPackageSettingsResult Read(Dictionary<string, string?> values) => AppPackageSettings.Read(Configuration(values), "1.2.3");

    private static Dictionary<string, string?> Complete(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = BotAppId,
            ["Teams:AppDomain"] = "crm.example.com",
            ["Teams:ManifestAppId"] = ManifestAppId,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return values;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
