using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Collaborators;

public sealed class SettingsTestsOnSqlite : SettingsTests<Sqlite>;

public sealed class SettingsTestsOnPostgres : SettingsTests<Postgres>;

public abstract class SettingsTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Each_department_sees_its_own_digest_with_the_company_defaults_until_it_chooses()
    {
        var manager = (await World.Get<ShowSettings>().ExecuteAsync(World.Manager)).ShouldBeOk();
        var support = (await World.Get<ShowSettings>().ExecuteAsync(World.Support)).ShouldBeOk();
        var sales = (await World.Get<ShowSettings>().ExecuteAsync(World.Sales)).ShouldBeOk();

        manager.Digest.Should().Be(manager.Digest with { Kind = DigestKind.Management, Enabled = true, At = new TimeOnly(8, 30), TimeZone = "Europe/Paris", IsCompanyDefault = true });
        manager.Digest.Days.Should().Equal(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        support.Digest.Kind.Should().Be(DigestKind.Support);
        support.Digest.At.Should().Be(new TimeOnly(17, 0));
        support.Digest.Days.Should().HaveCount(7);
        sales.Digest.Kind.Should().Be(DigestKind.Sales);
        sales.Digest.Days.Should().Equal(DayOfWeek.Monday);
        manager.Language.Should().BeNull();
    }

    [Fact]
    public async Task A_change_of_language_hour_and_digest_is_saved_together_and_audited()
    {
        var changed = (await World.Get<ChangeSettings>().ExecuteAsync(World.Support, new SettingsChange("fr", false, "18h45"))).ShouldBeOk();

        changed.Language.Should().Be("fr");
        changed.Digest.Enabled.Should().BeFalse();
        changed.Digest.At.Should().Be(new TimeOnly(18, 45));
        changed.Digest.IsCompanyDefault.Should().BeFalse();
        (await World.Get<ShowSettings>().ExecuteAsync(World.Support)).ShouldBeOk().Should().BeEquivalentTo(changed);
        await using var db = World.NewContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "collaborator.settings_changed").SingleAsync();
        audit.ActorId.Should().Be(World.Support.Id);
        audit.Changes.Should().ContainEquivalentOf(new FieldChange("digestAt", "17:00", "18:45"))
            .And.ContainEquivalentOf(new FieldChange("digestEnabled", "True", "False"))
            .And.ContainEquivalentOf(new FieldChange("preferredLanguage", null, "fr"));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("8:5")]
    [InlineData("noon")]
    [InlineData("08:30'; DROP TABLE digest_preferences; --")]
    public async Task A_wrong_hour_is_refused_and_nothing_is_changed_not_even_a_valid_language(string hour)
    {
        var result = await World.Get<ChangeSettings>().ExecuteAsync(World.Manager, new SettingsChange("fr", DigestAt: hour));

        result.ShouldBeInvalidOn("digestAt");
        var now = (await World.Get<ShowSettings>().ExecuteAsync(World.Manager)).ShouldBeOk();
        now.Language.Should().BeNull();
        now.Digest.IsCompanyDefault.Should().BeTrue();
    }

    [Theory]
    [InlineData("8h30", 8, 30)]
    [InlineData("08:30", 8, 30)]
    [InlineData("17h", 17, 0)]
    [InlineData(" 7 ", 7, 0)]
    [InlineData("23:59", 23, 59)]
    public void Hours_are_read_as_people_write_them(string text, int hour, int minute)
    {
        DigestSchedule.TryParseTime(text, out var time).Should().BeTrue();
        time.Should().Be(new TimeOnly(hour, minute));
    }

    [Fact]
    public async Task A_change_that_names_nothing_or_an_unknown_language_is_refused()
    {
        (await World.Get<ChangeSettings>().ExecuteAsync(World.Manager, new SettingsChange())).ShouldBeInvalidOn("settings");
        (await World.Get<ChangeSettings>().ExecuteAsync(World.Manager, new SettingsChange("de"))).ShouldBeInvalidOn("language");
    }

    [Fact]
    public async Task A_deactivated_collaborator_or_one_with_a_temporary_password_changes_nothing()
    {
        var deactivated = World.Sales with { IsActive = false };
        var temporary = World.Sales with { MustChangePassword = true };

        (await World.Get<ChangeSettings>().ExecuteAsync(deactivated, new SettingsChange(DigestEnabled: false))).ShouldBe(Outcome.Forbidden);
        (await World.Get<ChangeSettings>().ExecuteAsync(temporary, new SettingsChange(DigestEnabled: false))).ShouldBe(Outcome.Forbidden);
        (await World.Get<ShowSettings>().ExecuteAsync(World.Sales)).ShouldBeOk().Digest.Enabled.Should().BeTrue();
    }

    [Fact]
    public async Task Choosing_the_companys_values_again_writes_nothing()
    {
        (await World.Get<ChangeSettings>().ExecuteAsync(World.Manager, new SettingsChange(DigestEnabled: true, DigestAt: "08:30"))).ShouldBeOk()
            .Digest.IsCompanyDefault.Should().BeTrue();
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "collaborator.settings_changed")).Should().Be(0);
    }
}
