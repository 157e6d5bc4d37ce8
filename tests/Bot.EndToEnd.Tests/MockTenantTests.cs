using EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

namespace EpicEvents.Bot.EndToEnd.Tests;

/// <summary>scripts/run.sh uses the committed playground configuration; the tests write their own from <see cref="MockTenant"/>.</summary>
public sealed class MockTenantTests
{
    [Fact]
    public void The_committed_playground_configuration_has_the_tenant_bot_and_people_of_the_tests()
    {
        var committed = File.ReadAllText(Path.Combine(Prerequisites.PlaygroundDirectory, ".m365agentsplayground.yml"));

        committed.Should().Contain($"tenantId: {MockTenant.TenantId}");
        committed.Should().Contain($"id: {MockTenant.BotId}");
        committed.Should().Contain($"id: {MockTenant.PersonalChatId}");
        foreach (var person in MockTenant.People)
        {
            committed.Should().Contain($"id: {person.TeamsId}").And.Contain($"name: {person.Name}").And.Contain($"aadObjectId: {person.AadObjectId}");
        }
    }

    [Fact]
    public void Each_configuration_has_its_person_as_current_user_and_the_five_others_as_users()
    {
        var yaml = MockTenant.ConfigurationFor(MockTenant.Support);

        yaml.Should().Contain($"currentUser:\n  id: \"{MockTenant.Support.TeamsId}\"".ReplaceLineEndings());
        MockTenant.People.Count.Should().Be(6, "the playground's schema wants exactly five users besides the current one");
        yaml.Split("\n  - id: ").Length.Should().Be(6);
    }

    [Theory]
    [InlineData("playground-as-manager.yml", "Maud Manager")]
    [InlineData("playground-as-support.yml", "Sue Support")]
    public void The_second_playgrounds_of_run_sh_are_the_same_tenant_with_another_person_at_the_keyboard(string file, string name)
    {
        var committed = File.ReadAllText(Path.Combine(Prerequisites.PlaygroundDirectory, file));
        var current = MockTenant.People.Single(p => p.Name == name);

        committed.Should().Contain($"tenantId: {MockTenant.TenantId}").And.Contain($"id: {MockTenant.BotId}");
        committed.Should().Contain($"currentUser:\n  id: {current.TeamsId}\n  name: {name}".ReplaceLineEndings());
        foreach (var person in MockTenant.People)
        {
            committed.Should().Contain($"id: {person.TeamsId}").And.Contain($"aadObjectId: {person.AadObjectId}");
        }

        committed.Split("\n  - id: ").Length.Should().Be(6, "the playground's schema wants exactly five users besides the current one");
    }
}
