using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Digests;

public sealed class DigestContentTestsOnSqlite : DigestContentTests<Sqlite>;

public sealed class DigestContentTestsOnPostgres : DigestContentTests<Postgres>;

public abstract class DigestContentTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task The_management_digest_holds_waiting_signatures_events_without_support_and_ended_unpaid_contracts()
    {
        var (waiting, request) = await World.NewPendingContractAsync();
        var soon = await World.NewEventAsync(startsAt: World.Clock.UtcNow.AddDays(3));
        var later = await World.NewEventAsync(startsAt: World.Clock.UtcNow.AddDays(9));
        var ended = await World.NewEventAsync(startsAt: World.Clock.UtcNow.AddHours(2));
        var paid = await World.NewSignedContractAsync(due: 0m);
        await World.NewEventAsync(paid.Id, World.Clock.UtcNow.AddHours(2));
        World.Clock.Advance(TimeSpan.FromDays(1));

        var digest = (await World.Get<PreviewDigest>().ExecuteAsync(World.Manager, new DigestRequest(DigestKind.Management), Paris)).ShouldBeOk();

        digest.IsEmpty.Should().BeFalse();
        digest.RecipientId.Should().Be(World.Manager.Id);
        digest.Sections.Select(s => s.Topic).Should().Equal(DigestTopic.PendingSignatures, DigestTopic.EventsWithoutSupport, DigestTopic.UnpaidEndedContracts);
        var signature = digest.Sections[0].Rows.Should().ContainSingle().Subject;
        signature.SignatureRequestId.Should().Be(request.Id);
        signature.ContractId.Should().Be(waiting.Id);
        signature.ClientId.Should().Be(waiting.ClientId);
        signature.PersonName.Should().Be(World.Sales.FullName);
        (digest.At - signature.Since!.Value).Should().Be(TimeSpan.FromDays(1), "the wait is counted from the request");
        digest.Sections[1].Rows.Select(r => r.EventId).Should().Equal(soon.Id);
        digest.Sections[1].Total.Should().Be(1, "an event 9 days away is not yet Management's concern ({0})", later.Id);
        var unpaid = digest.Sections[2].Rows.Should().ContainSingle().Subject;
        unpaid.ContractId.Should().Be(ended.ContractId);
        unpaid.AmountDue.Should().Be(2_500m);
        unpaid.Since.Should().Be(ended.EndsAt);
    }

    [Fact]
    public async Task A_section_shows_its_five_oldest_rows_and_counts_the_rest()
    {
        var requests = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            requests.Add((await World.NewPendingContractAsync()).Request.Id);
            World.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        World.Commands.Reset();
        var digest = (await World.Get<PreviewDigest>().ExecuteAsync(World.Manager, new DigestRequest(DigestKind.Management), Paris)).ShouldBeOk();

        var section = digest.Sections[0];
        section.Total.Should().Be(7);
        section.Rows.Select(r => r.SignatureRequestId!.Value).Should().Equal(requests.Take(DigestSection.TopRows));
        section.More.Should().Be(2);
        World.Commands.Count.Should().Be(4, "the counts together, then each section's first rows, however many rows there are");
    }

    [Fact]
    public async Task The_support_digest_counts_the_next_day_in_paris_across_the_change_to_summer_time()
    {
        // 2026-03-29 is 23 hours long in Paris: from 23:00 UTC on the 28th to 22:00 UTC on the 29th.
        var morning = await World.NewEventSupportedByAsync(World.Support, Utc(2026, 3, 29, 7, 0));
        var lateEvening = await World.NewEventSupportedByAsync(World.Support, Utc(2026, 3, 29, 21, 30));
        await World.NewEventSupportedByAsync(World.Support, Utc(2026, 3, 29, 22, 30));
        await World.NewEventSupportedByAsync(World.Support, Utc(2026, 3, 28, 22, 30));
        await World.NewEventSupportedByAsync(World.Support2, Utc(2026, 3, 29, 8, 0));
        (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Support, lateEvening.Id)).ShouldBeOk();
        World.Clock.Advance(Utc(2026, 3, 28, 16, 0) - World.Clock.UtcNow);

        var digest = (await World.Get<PreviewDigest>().ExecuteAsync(World.Support, new DigestRequest(DigestKind.Support), Paris)).ShouldBeOk();

        var section = digest.Sections.Should().ContainSingle().Subject;
        section.Topic.Should().Be(DigestTopic.EventsTomorrow);
        section.Rows.Select(r => r.EventId).Should().Equal(morning.Id, lateEvening.Id);
        section.Rows.Select(r => r.Acknowledged).Should().Equal(false, true);
        var first = section.Rows[0];
        TimeZoneInfo.ConvertTimeFromUtc(first.StartsAt!.Value, Paris).Should().Be(new DateTime(2026, 3, 29, 9, 0, 0));
        first.Location.Should().Be(morning.Location);
        first.EndsAt.Should().Be(morning.EndsAt);
        first.ExpectedAttendees.Should().Be(morning.ExpectedAttendees);
        first.Contact.Should().Be(new ClientContact(morning.ClientFullName, morning.ClientEmail, morning.ClientPhone));
    }

    [Fact]
    public async Task A_support_digest_without_events_tomorrow_is_empty()
    {
        await World.NewEventSupportedByAsync(World.Support, World.Clock.UtcNow.AddDays(3));

        var digest = (await World.Get<PreviewDigest>().ExecuteAsync(World.Support, new DigestRequest(DigestKind.Support), Paris)).ShouldBeOk();

        digest.IsEmpty.Should().BeTrue();
        digest.Sections.Should().ContainSingle().Which.Rows.Should().BeEmpty();
    }

    [Fact]
    public async Task The_sales_digest_holds_old_drafts_unpaid_signed_contracts_and_clients_without_contract_of_ones_own_clients()
    {
        var oldDraft = await World.NewContractAsync();
        World.Clock.Advance(TimeSpan.FromDays(15));
        await World.NewContractAsync();
        var unpaid = await World.NewSignedContractAsync(due: 1_200m);
        await World.NewSignedContractAsync(due: 0m);
        var waitingClient = await World.NewClientAsync(World.Sales);
        await World.NewClientAsync(World.Sales2);
        await World.NewContractAsync(sales: World.Sales2);

        World.Commands.Reset();
        var digest = (await World.Get<PreviewDigest>().ExecuteAsync(World.Sales, new DigestRequest(DigestKind.Sales), Paris)).ShouldBeOk();

        World.Commands.Count.Should().Be(4);
        digest.Sections.Select(s => s.Topic).Should().Equal(DigestTopic.OldDrafts, DigestTopic.UnpaidSignedContracts, DigestTopic.ClientsWithoutContract);
        digest.Sections[0].Rows.Select(r => r.ContractId).Should().Equal(oldDraft.Id);
        digest.Sections[1].Rows.Should().ContainSingle().Which.Should().Match<DigestRow>(r => r.ContractId == unpaid.Id && r.AmountDue == 1_200m);
        var client = digest.Sections[2].Rows.Should().ContainSingle().Subject;
        client.ClientId.Should().Be(waitingClient.Id);
        client.Contact!.Email.Should().Be(waitingClient.Email);
        digest.Sections.Sum(s => s.Total).Should().Be(3);
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
