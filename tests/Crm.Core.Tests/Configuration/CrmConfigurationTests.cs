using EpicEvents.Crm.Configuration;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Tests.Configuration;

public sealed class CrmConfigurationTests
{
    [Fact]
    public void A_dot_env_file_overrides_appsettings_and_environment_variables_override_both()
    {
        var directory = Directory.CreateTempSubdirectory("epicevents-config-").FullName;
        var unique = $"Test{Guid.NewGuid():N}";
        File.WriteAllText(Path.Combine(directory, "appsettings.json"), $$"""{ "{{unique}}": { "FromJson": "json", "FromDotEnv": "json", "FromEnvironment": "json" } }""");
        File.WriteAllText(Path.Combine(directory, ".env"), $"""
            # comments and blank lines are ignored

            {unique}__FromDotEnv="dot env"
            export {unique}__FromEnvironment=dot-env # trailing comment
            """);
        Environment.SetEnvironmentVariable($"{unique}__FromEnvironment", "environment");
        try
        {
            var configuration = new ConfigurationBuilder().AddCrmSources(directory, directory).Build();

            configuration[$"{unique}:FromJson"].Should().Be("json");
            configuration[$"{unique}:FromDotEnv"].Should().Be("dot env");
            configuration[$"{unique}:FromEnvironment"].Should().Be("environment");
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{unique}__FromEnvironment", null);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Without_any_file_the_configuration_is_empty_but_usable()
    {
        var directory = Directory.CreateTempSubdirectory("epicevents-config-").FullName;

        var configuration = new ConfigurationBuilder().AddCrmSources(directory, directory).Build();

        configuration.GetConnectionString("Crm").Should().BeNullOrEmpty();
        Directory.Delete(directory);
    }

    [Theory]
    [InlineData("KEY=value", "KEY", "value")]
    [InlineData("  Auth__SigningKey = 'quoted # not a comment'  ", "Auth:SigningKey", "quoted # not a comment")]
    [InlineData("DATABASE_URL=postgresql://u:p@h/db", "DATABASE_URL", "postgresql://u:p@h/db")]
    public void Dot_env_lines_are_read_like_a_shell_would(string line, string key, string value)
    {
        var pair = DotEnvFile.Parse(line);

        pair.Should().NotBeNull();
        pair!.Value.Key.Should().Be(key);
        pair.Value.Value.Should().Be(value);
    }

    [Theory]
    [InlineData("# a comment")]
    [InlineData("")]
    [InlineData("no equals sign")]
    [InlineData("=no key")]
    public void Lines_that_set_nothing_are_ignored(string line) => DotEnvFile.Parse(line).Should().BeNull();
}
