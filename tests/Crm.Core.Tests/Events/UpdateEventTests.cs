using System.Globalization;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Events;

public sealed class UpdateEventTestsOnSqlite : UpdateEventTests<Sqlite>;

public sealed class UpdateEventTestsOnPostgres : UpdateEventTests<Postgres>;

public abstract class UpdateEventTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Management_updates_every_field_and_the_audit_keeps_old_and_new_values()
    {
        var original = await World.NewEventAsync();
        World.Clock.Advance(TimeSpan.FromHours(1));
        var start = original.StartsAt.AddDays(1);

        var updated = (await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(
            original.Id,
            Name: "Renamed gala",
            StartsAt: start,
            EndsAt: start.AddHours(6),
            Location: "Lyon",
            ExpectedAttendees: 300,
            ActualAttendees: 0,
            Notes: "Bring badges"))).ShouldBeOk();

        updated.Name.Should().Be("Renamed gala");
        updated.StartsAt.Should().Be(start);
        updated.EndsAt.Should().Be(start.AddHours(6));
        updated.Location.Should().Be("Lyon");
        updated.ExpectedAttendees.Should().Be(300);
        updated.ActualAttendees.Should().Be(0);
        updated.Notes.Should().Be("Bring badges");
        updated.UpdatedAt.Should().Be(World.Clock.UtcNow);
        updated.Version.Should().BeGreaterThan(original.Version);

        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "event.updated");
        entry.ActorId.Should().Be(World.Manager.Id);
        entry.EntityId.Should().Be(original.Id);
        entry.Changes.Select(c => c.Field).Should().BeEquivalentTo(
            ["name", "startsAt", "endsAt", "location", "expectedAttendees", "actualAttendees", "notes"]);
        entry.Changes.Should().Contain(new FieldChange("name", original.Name, "Renamed gala"));
        entry.Changes.Should().Contain(new FieldChange("expectedAttendees", "120", "300"));
        entry.Changes.Should().Contain(new FieldChange("actualAttendees", null, "0"));
        entry.Changes.Should().Contain(new FieldChange("location", original.Location, "Lyon"));
    }

    [Fact]
    public async Task Support_updates_the_notes_of_their_own_event()
    {
        var mine = await World.NewEventSupportedByAsync(World.Support);

        var updated = (await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(mine.Id, Notes: "Stage ready at 8"))).ShouldBeOk();

        updated.Notes.Should().Be("Stage ready at 8");
        updated.Name.Should().Be(mine.Name);
        await using var db = World.NewContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == "event.updated")).Changes
            .Should().Equal(new FieldChange("notes", mine.Notes, "Stage ready at 8"));
    }

    [Fact]
    public async Task Support_changes_the_dates_location_and_attendees_of_their_own_event()
    {
        var mine = await World.NewEventSupportedByAsync(World.Support);
        var start = mine.StartsAt.AddHours(2);

        var updated = (await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(
            mine.Id, StartsAt: start, EndsAt: start.AddHours(3), Location: "Annex", ExpectedAttendees: 80, ActualAttendees: 75))).ShouldBeOk();

        updated.StartsAt.Should().Be(start);
        updated.EndsAt.Should().Be(start.AddHours(3));
        updated.Location.Should().Be("Annex");
        updated.ExpectedAttendees.Should().Be(80);
        updated.ActualAttendees.Should().Be(75);
    }

    [Fact]
    public async Task Support_cannot_update_an_event_of_another_support_contact()
    {
        var theirs = await World.NewEventSupportedByAsync(World.Support2);
        var unassigned = await World.NewEventAsync();

        var onTheirs = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(theirs.Id, Notes: "Mine now"));
        var onUnassigned = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(unassigned.Id, Notes: "Mine now"));

        onTheirs.ShouldBe(Outcome.Forbidden);
        onUnassigned.ShouldBe(Outcome.Forbidden);
        (await World.Get<GetEvent>().ExecuteAsync(World.Support, theirs.Id)).ShouldBeOk().Notes.Should().Be(theirs.Notes);
    }

    [Fact]
    public async Task Support_cannot_rename_their_event_and_nothing_of_the_request_is_saved()
    {
        var mine = await World.NewEventSupportedByAsync(World.Support);

        var refused = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(mine.Id, Name: "My party", Notes: "New notes"));

        refused.ShouldBe(Outcome.Forbidden);
        refused.Message!.ToString().Should().Contain("name");
        var read = (await World.Get<GetEvent>().ExecuteAsync(World.Support, mine.Id)).ShouldBeOk();
        read.Name.Should().Be(mine.Name);
        read.Notes.Should().Be(mine.Notes);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "event.updated")).Should().Be(0);
    }

    [Fact]
    public async Task Support_may_send_the_unchanged_name_back_with_a_form()
    {
        var mine = await World.NewEventSupportedByAsync(World.Support);

        var updated = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(mine.Id, Name: mine.Name, Notes: "Checked"));

        updated.ShouldBeOk().Notes.Should().Be("Checked");
    }

    [Fact]
    public async Task Sales_cannot_update_events_even_of_their_own_clients_whether_or_not_they_exist()
    {
        var ofMyClient = await World.NewEventAsync(World.Sales);

        var onExisting = await World.Get<UpdateEvent>().ExecuteAsync(World.Sales, new UpdateEventRequest(ofMyClient.Id, Notes: "x"));
        var onMissing = await World.Get<UpdateEvent>().ExecuteAsync(World.Sales, new UpdateEventRequest(999_999, Notes: "x"));

        onExisting.ShouldBe(Outcome.Forbidden);
        onMissing.ShouldBe(Outcome.Forbidden);
        onMissing.Message!.ToString().Should().Be(onExisting.Message!.ToString())
            .And.NotContain(ofMyClient.Id.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_missing_event_is_not_found_for_management()
    {
        var result = await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(999_999, Notes: "x"));

        result.ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task The_end_is_checked_against_the_start_after_merging_the_change()
    {
        var start = World.Clock.UtcNow.AddDays(3);
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        var created = await World.NewEventAsync(contractId, start);

        var startAfterEnd = await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(created.Id, StartsAt: created.EndsAt));
        var endBeforeStart = await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(created.Id, EndsAt: start.AddMinutes(-1)));
        var pastMidnight = await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(
            created.Id, StartsAt: start.Date.AddDays(1).AddHours(23), EndsAt: start.Date.AddDays(2).AddHours(1)));

        startAfterEnd.ShouldBeInvalidOn("endsAt");
        endBeforeStart.ShouldBeInvalidOn("endsAt");
        pastMidnight.ShouldBeOk().EndsAt.Should().Be(start.Date.AddDays(2).AddHours(1));
    }

    [Fact]
    public async Task After_the_event_the_actual_attendees_can_be_recorded_but_the_start_cannot_move_into_the_past()
    {
        var mine = await World.NewEventSupportedByAsync(World.Support, World.Clock.UtcNow.AddDays(1));
        World.Clock.Advance(TimeSpan.FromDays(2));

        var recorded = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(mine.Id, ActualAttendees: 97));
        var moved = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(mine.Id, StartsAt: mine.StartsAt.AddHours(-1)));

        recorded.ShouldBeOk().ActualAttendees.Should().Be(97);
        moved.ShouldBeInvalidOn("startsAt");
        (await World.Get<GetEvent>().ExecuteAsync(World.Support, mine.Id)).ShouldBeOk().StartsAt.Should().Be(mine.StartsAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public async Task Out_of_range_actual_attendees_are_refused(int attendees)
    {
        var created = await World.NewEventAsync();

        var refused = await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(created.Id, ActualAttendees: attendees, ExpectedAttendees: attendees));

        refused.ShouldBeInvalidOn("actualAttendees", "expectedAttendees");
    }

    [Fact]
    public async Task Notes_of_4001_characters_are_refused_on_update()
    {
        var mine = await World.NewEventSupportedByAsync(World.Support);

        var refused = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(mine.Id, Notes: new string('n', 4001)));

        refused.ShouldBeInvalidOn("notes");
    }

    [Fact]
    public async Task A_form_filled_from_an_older_version_gets_a_conflict_and_changes_nothing()
    {
        var mine = await World.NewEventSupportedByAsync(World.Support);
        (await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(mine.Id, Location: "Moved by Management"))).ShouldBeOk();

        var stale = await World.Get<UpdateEvent>().ExecuteAsync(World.Support, new UpdateEventRequest(mine.Id, Location: "Moved by Support", ExpectedVersion: mine.Version));

        stale.ShouldBe(Outcome.Conflict);
        (await World.Get<GetEvent>().ExecuteAsync(World.Support, mine.Id)).ShouldBeOk().Location.Should().Be("Moved by Management");
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_no_audit_entry()
    {
        var created = await World.NewEventAsync();

        var same = await World.Get<UpdateEvent>().ExecuteAsync(World.Manager, new UpdateEventRequest(created.Id, Name: created.Name, Location: created.Location));

        same.ShouldBeOk().Version.Should().Be(created.Version);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "event.updated")).Should().Be(0);
    }
}
