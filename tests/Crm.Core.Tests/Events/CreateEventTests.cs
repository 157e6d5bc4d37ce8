using System.Globalization;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Events;

public sealed class CreateEventTestsOnSqlite : CreateEventTests<Sqlite>;

public sealed class CreateEventTestsOnPostgres : CreateEventTests<Postgres>;

public abstract class CreateEventTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Management_creates_an_event_whose_client_is_read_through_the_contract()
    {
        var (client, contractId) = await World.NewClientWithSignedContractAsync(World.Sales2);
        var start = World.Clock.UtcNow.AddDays(10);

        var created = (await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            new CreateEventRequest(contractId, "  Product launch ", start, start.AddHours(5), " Station F ", 250))).ShouldBeOk();

        created.Name.Should().Be("Product launch");
        created.Location.Should().Be("Station F");
        created.Notes.Should().BeEmpty();
        created.ContractId.Should().Be(contractId);
        created.ClientId.Should().Be(client.Id);
        created.ClientFullName.Should().Be(client.FullName);
        created.ClientEmail.Should().Be(client.Email);
        created.ClientPhone.Should().Be(client.Phone);
        created.CompanyName.Should().Be(client.CompanyName);
        created.SalesContactId.Should().Be(World.Sales2.Id);
        created.SalesContactName.Should().Be("Samuel Ventes");
        created.SupportContactId.Should().BeNull();
        created.StartsAt.Should().Be(start);
        created.CreatedAt.Should().Be(World.Clock.UtcNow);

        var read = (await World.Get<GetEvent>().ExecuteAsync(World.Support, created.Id)).ShouldBeOk();
        read.Should().Be(created);
    }

    [Fact]
    public async Task Creating_an_event_is_audited_in_the_same_change()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        var request = World.EventRequest(contractId);

        var created = (await World.Get<CreateEvent>().ExecuteAsync(World.Sales, request)).ShouldBeOk();

        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "event.created");
        entry.ActorId.Should().Be(World.Sales.Id);
        entry.EntityType.Should().Be(AuditEntity.Event);
        entry.EntityId.Should().Be(created.Id);
        entry.Changes.Should().Contain(new FieldChange("name", null, request.Name));
        entry.Changes.Should().Contain(new FieldChange("contractId", null, contractId.ToString(CultureInfo.InvariantCulture)));
        entry.Changes.Should().Contain(c => c.Field == "startsAt" && c.Old == null && c.New != null);
    }

    [Fact]
    public async Task Sales_cannot_create_an_event_on_the_contract_of_another_sales_contacts_client()
    {
        var (_, theirs) = await World.NewClientWithSignedContractAsync(World.Sales2);

        var refused = await World.Get<CreateEvent>().ExecuteAsync(World.Sales, World.EventRequest(theirs));

        refused.ShouldBe(Outcome.Forbidden);
        await using var db = World.NewContext();
        (await db.Events.CountAsync()).Should().Be(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == AuditEntity.Event)).Should().Be(0);
    }

    [Fact]
    public async Task Support_cannot_create_events_and_cannot_learn_whether_a_contract_exists()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();

        var onExisting = await World.Get<CreateEvent>().ExecuteAsync(World.Support, World.EventRequest(contractId));
        var onMissing = await World.Get<CreateEvent>().ExecuteAsync(World.Support, World.EventRequest(999_999));

        onExisting.ShouldBe(Outcome.Forbidden);
        onMissing.ShouldBe(Outcome.Forbidden);
        onMissing.Message!.ToString().Should().Be(onExisting.Message!.ToString()).And.Contain("Support");
    }

    [Fact]
    public async Task An_event_under_a_contract_that_does_not_exist_is_not_found()
    {
        var result = await World.Get<CreateEvent>().ExecuteAsync(World.Manager, World.EventRequest(999_999));

        result.ShouldBe(Outcome.NotFound);
    }

    [Theory]
    [InlineData(ContractStatus.Draft)]
    [InlineData(ContractStatus.PendingSignature)]
    [InlineData(ContractStatus.Cancelled)]
    public async Task An_event_needs_a_signed_contract(ContractStatus status)
    {
        var client = await World.NewClientAsync(World.Sales);
        var contractId = await World.NewContractInStatusAsync(client, status);

        var refused = await World.Get<CreateEvent>().ExecuteAsync(World.Sales, World.EventRequest(contractId));

        refused.ShouldBeInvalidOn("contractId");
        refused.Errors.Single(e => e.Field == "contractId").Message!.ToString().Should().Contain("signed contract");
        await using var db = World.NewContext();
        (await db.Events.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_event_may_run_past_midnight()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        var start = new DateTime(2026, 6, 20, 22, 0, 0, DateTimeKind.Utc);

        var created = (await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId, start, TimeSpan.FromHours(4)))).ShouldBeOk();

        created.StartsAt.Should().Be(start);
        created.EndsAt.Should().Be(new DateTime(2026, 6, 21, 2, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Times_are_kept_in_utc_to_the_second()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        var start = new DateTime(2026, 5, 4, 18, 30, 15, DateTimeKind.Unspecified).AddTicks(4_999_999);

        var created = (await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId, start, TimeSpan.FromHours(2)))).ShouldBeOk();

        var expected = new DateTime(2026, 5, 4, 18, 30, 15, DateTimeKind.Utc);
        created.StartsAt.Should().Be(expected);
        var read = (await World.Get<GetEvent>().ExecuteAsync(World.Manager, created.Id)).ShouldBeOk();
        read.StartsAt.Should().Be(expected);
        read.StartsAt.Kind.Should().Be(DateTimeKind.Utc);
        read.EndsAt.Should().Be(expected.AddHours(2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(-24 * 60)]
    public async Task An_event_cannot_end_when_it_starts_or_before(int minutes)
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();

        var refused = await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId, duration: TimeSpan.FromMinutes(minutes)));

        refused.ShouldBeInvalidOn("endsAt");
    }

    [Fact]
    public async Task An_event_cannot_start_in_the_past_but_may_start_right_now()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();

        var past = await World.Get<CreateEvent>().ExecuteAsync(World.Manager, World.EventRequest(contractId, World.Clock.UtcNow.AddMinutes(-1)));
        var now = await World.Get<CreateEvent>().ExecuteAsync(World.Manager, World.EventRequest(contractId, World.Clock.UtcNow));

        past.ShouldBeInvalidOn("startsAt");
        now.ShouldBeOk();
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100_000, true)]
    [InlineData(100_001, false)]
    [InlineData(int.MinValue, false)]
    public async Task Expected_attendees_are_between_0_and_100_000(int attendees, bool accepted)
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();

        var result = await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId) with { ExpectedAttendees = attendees });

        if (accepted)
        {
            result.ShouldBeOk().ExpectedAttendees.Should().Be(attendees);
        }
        else
        {
            result.ShouldBeInvalidOn("expectedAttendees");
        }
    }

    [Fact]
    public async Task Notes_have_at_most_4000_characters()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();

        var tooLong = await World.Get<CreateEvent>().ExecuteAsync(World.Manager, World.EventRequest(contractId) with { Notes = new string('n', 4001) });
        var atLimit = await World.Get<CreateEvent>().ExecuteAsync(World.Manager, World.EventRequest(contractId) with { Notes = "Line one\nLine two\t" + new string('n', 3982) });

        tooLong.ShouldBeInvalidOn("notes");
        atLimit.ShouldBeOk().Notes.Should().HaveLength(4000).And.StartWith("Line one\nLine two\t");
    }

    [Theory]
    [InlineData(null, "Paris", "name")]
    [InlineData("   ", "Paris", "name")]
    [InlineData("Name\u0007", "Paris", "name")]
    [InlineData("Launch", null, "location")]
    [InlineData("Launch", "", "location")]
    [InlineData("Launch", "Hall\rB", "location")]
    public async Task A_missing_or_malformed_name_or_location_is_refused(string? name, string? location, string field)
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();

        var refused = await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId) with { Name = name, Location = location });

        refused.ShouldBeInvalidOn(field);
    }

    [Fact]
    public async Task Names_of_100_and_locations_of_200_characters_are_the_limits()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();

        var tooLong = await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId) with { Name = new string('a', 101), Location = new string('l', 201) });
        var atLimit = await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId) with { Name = new string('a', 100), Location = new string('l', 200) });

        tooLong.ShouldBeInvalidOn("name", "location");
        atLimit.ShouldBeOk();
    }

    [Fact]
    public async Task Every_wrong_field_is_reported_at_once_and_nothing_is_saved()
    {
        var client = await World.NewClientAsync(World.Sales);
        var draft = await World.NewContractInStatusAsync(client, ContractStatus.Draft);
        var start = World.Clock.UtcNow.AddHours(-2);

        var refused = await World.Get<CreateEvent>().ExecuteAsync(
            World.Sales,
            new CreateEventRequest(draft, "", start, start.AddHours(-1), " ", -1, new string('x', 4001)));

        refused.ShouldBe(Outcome.Invalid);
        refused.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            ["contractId", "name", "startsAt", "endsAt", "location", "expectedAttendees", "notes"]);
        await using var db = World.NewContext();
        (await db.Events.CountAsync()).Should().Be(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == AuditEntity.Event)).Should().Be(0);
    }

    [Fact]
    public async Task Injection_strings_are_stored_as_plain_data()
    {
        var (_, contractId) = await World.NewClientWithSignedContractAsync();
        const string name = "Gala'); DROP TABLE events;--";
        const string notes = "<script>alert(1)</script>\n%_\\ \"quoted\"";

        var created = (await World.Get<CreateEvent>().ExecuteAsync(
            World.Manager,
            World.EventRequest(contractId) with { Name = name, Notes = notes })).ShouldBeOk();

        var read = (await World.Get<GetEvent>().ExecuteAsync(World.Sales2, created.Id)).ShouldBeOk();
        read.Name.Should().Be(name);
        read.Notes.Should().Be(notes);
    }
}
