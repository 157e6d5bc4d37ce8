using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Events;

public sealed class SupportAcknowledgementTestsOnSqlite : SupportAcknowledgementTests<Sqlite>;

public sealed class SupportAcknowledgementTestsOnPostgres : SupportAcknowledgementTests<Postgres>;

public abstract class SupportAcknowledgementTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task The_support_contact_acknowledges_and_management_sees_when()
    {
        var supported = await World.NewEventSupportedByAsync(World.Support);
        World.Clock.Advance(TimeSpan.FromMinutes(7));

        var acknowledged = (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Support, supported.Id)).ShouldBeOk();

        acknowledged.SupportAcknowledgedAt.Should().Be(World.Clock.UtcNow);
        var seen = (await World.Get<GetEvent>().ExecuteAsync(World.Manager, supported.Id)).ShouldBeOk();
        seen.SupportAcknowledgedAt.Should().Be(World.Clock.UtcNow);
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "event.support_acknowledged");
        entry.ActorId.Should().Be(World.Support.Id);
        entry.EntityId.Should().Be(supported.Id);
    }

    [Fact]
    public async Task Acknowledging_twice_keeps_the_first_time_and_audits_once()
    {
        var supported = await World.NewEventSupportedByAsync(World.Support);
        var first = (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Support, supported.Id)).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromHours(1));

        var second = (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Support, supported.Id)).ShouldBeOk();

        second.SupportAcknowledgedAt.Should().Be(first.SupportAcknowledgedAt);
        second.Version.Should().Be(first.Version);
        await using var db = World.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "event.support_acknowledged")).Should().Be(1);
    }

    [Fact]
    public async Task Only_the_current_support_contact_can_acknowledge_and_a_reassignment_clears_it()
    {
        var supported = await World.NewEventSupportedByAsync(World.Support);
        (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Support, supported.Id)).ShouldBeOk();

        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(supported.Id, World.Support2.Id))).ShouldBeOk()
            .SupportAcknowledgedAt.Should().BeNull("the new contact has not acknowledged yet");
        var late = await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Support, supported.Id);
        late.ShouldBe(Outcome.Conflict);
        late.Message!.ToString().Should().Contain("Simon Technique");
        (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Manager, supported.Id)).ShouldBe(Outcome.Forbidden);
        (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Sales, supported.Id)).ShouldBe(Outcome.Forbidden);
        (await World.Get<AcknowledgeSupport>().ExecuteAsync(World.Support2, 999_999)).ShouldBe(Outcome.NotFound);

        var seen = (await World.Get<GetEvent>().ExecuteAsync(World.Manager, supported.Id)).ShouldBeOk();
        seen.SupportAcknowledgedAt.Should().BeNull();
    }
}
