using EpicEvents.Crm.Common;
using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Teams;

public sealed class DialogStoreTestsOnSqlite : DialogStoreTests<Sqlite>;

public sealed class DialogStoreTestsOnPostgres : DialogStoreTests<Postgres>;

public abstract class DialogStoreTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private const string Chat = "a:1xQz-personal-chat|29:1user-id";
    private const string OtherChat = "a:2yRw-personal-chat|29:2user-id";

    private DialogStore Dialogs => World.Get<DialogStore>();

    [Fact]
    public async Task A_started_dialog_is_found_with_its_state_for_24_hours()
    {
        var started = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", """{"step":1}""")).ShouldBeOk();

        started.Should().BeEquivalentTo(new { ConversationKey = Chat, CollaboratorId = World.Sales.Id, Kind = "new-client", State = """{"step":1}""", CardActivityId = (string?)null, Version = 0 });
        started.ExpiresAt.Should().Be(World.Clock.UtcNow + TimeSpan.FromHours(24));
        (await Dialogs.FindAsync(Chat)).Should().Be(started);
        (await Dialogs.FindAsync(OtherChat)).Should().BeNull();
    }

    [Fact]
    public async Task Starting_a_dialog_replaces_the_one_in_progress_in_that_conversation_only()
    {
        var abandoned = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", "{}")).ShouldBeOk();
        var elsewhere = (await Dialogs.StartAsync(OtherChat, World.Sales2.Id, "new-client", "{}")).ShouldBeOk();

        var replacing = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-contract", """{"clientId":12}""")).ShouldBeOk();

        replacing.Id.Should().NotBe(abandoned.Id);
        (await Dialogs.FindAsync(Chat)).Should().Be(replacing);
        (await Dialogs.FindAsync(OtherChat)).Should().Be(elsewhere);
        (await Dialogs.SaveAsync(abandoned with { State = """{"step":2}""" })).ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task Saving_writes_the_changes_raises_the_version_and_keeps_the_dialog_alive_another_24_hours()
    {
        var started = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", """{"step":1}""")).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromHours(23));

        var saved = (await Dialogs.SaveAsync(started with { Kind = "new-client-confirm", State = """{"step":2}""", CardActivityId = "1:card-message-id" })).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromHours(23));

        saved.Version.Should().Be(1);
        saved.ExpiresAt.Should().Be(World.Clock.UtcNow + TimeSpan.FromHours(1));
        (await Dialogs.FindAsync(Chat)).Should().Be(saved)
            .And.BeEquivalentTo(new { Id = started.Id, Kind = "new-client-confirm", State = """{"step":2}""", CardActivityId = "1:card-message-id" });
    }

    [Fact]
    public async Task A_save_from_an_old_version_is_a_conflict_and_keeps_the_first_save()
    {
        var started = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", """{"step":1}""")).ShouldBeOk();
        var first = (await World.Get<DialogStore>().SaveAsync(started with { State = """{"step":2,"by":"first"}""" })).ShouldBeOk();

        var late = await World.Get<DialogStore>().SaveAsync(started with { State = """{"step":2,"by":"second"}""" });

        late.ShouldBe(Outcome.Conflict);
        late.Message!.ToString().Should().Be("This form was changed elsewhere; here is its current state.");
        (await Dialogs.FindAsync(Chat)).Should().Be(first);
    }

    [Fact]
    public async Task Of_two_saves_of_one_version_at_once_exactly_one_wins()
    {
        var started = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", "{}")).ShouldBeOk();

        var results = await Task.WhenAll(
            World.Get<DialogStore>().SaveAsync(started with { State = """{"by":"a"}""" }),
            World.Get<DialogStore>().SaveAsync(started with { State = """{"by":"b"}""" }));

        results.Count(r => r.IsOk).Should().Be(1);
        results.Single(r => !r.IsOk).ShouldBe(Outcome.Conflict);
        (await Dialogs.FindAsync(Chat)).Should().Be(results.Single(r => r.IsOk).Value);
    }

    [Fact]
    public async Task A_dialog_left_alone_for_24_hours_is_gone_and_cannot_be_saved()
    {
        var started = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", "{}")).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromHours(24));

        var late = await Dialogs.SaveAsync(started with { State = """{"step":2}""" });

        late.ShouldBe(Outcome.NotFound);
        (await Dialogs.FindAsync(Chat)).Should().BeNull();
        await using var db = World.NewContext();
        (await db.BotDialogs.CountAsync()).Should().Be(0, "finding an expired dialog deletes it");
    }

    [Fact]
    public async Task Cancel_ends_the_dialog_in_progress_once()
    {
        var started = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", "{}")).ShouldBeOk();

        (await Dialogs.EndAsync(Chat)).Should().BeTrue();
        (await Dialogs.EndAsync(Chat)).Should().BeFalse();

        (await Dialogs.FindAsync(Chat)).Should().BeNull();
        (await Dialogs.SaveAsync(started with { State = """{"step":2}""" })).ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task Clearing_expired_dialogs_keeps_the_ones_in_progress()
    {
        await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", "{}");
        World.Clock.Advance(TimeSpan.FromHours(12));
        var recent = (await Dialogs.StartAsync(OtherChat, World.Sales2.Id, "new-event", "{}")).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromHours(12));

        (await Dialogs.DeleteExpiredAsync()).Should().Be(1);

        (await Dialogs.FindAsync(OtherChat)).Should().Be(recent);
        (await Dialogs.EndAsync(Chat)).Should().BeFalse();
    }

    [Fact]
    public async Task Oversized_state_and_blank_or_overlong_names_are_invalid_and_store_nothing()
    {
        var atLimit = new string('x', Limits.DialogState);

        (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", atLimit + "x")).ShouldBeInvalidOn("state");
        (await Dialogs.StartAsync(" ", World.Sales.Id, new string('k', Limits.DialogKind + 1), "{}")).ShouldBeInvalidOn("conversationKey", "kind");
        (await Dialogs.StartAsync(new string('c', Limits.ConversationKey + 1), World.Sales.Id, "", "{}")).ShouldBeInvalidOn("conversationKey", "kind");
        (await Dialogs.FindAsync(Chat)).Should().BeNull();

        var started = (await Dialogs.StartAsync(Chat, World.Sales.Id, "new-client", atLimit)).ShouldBeOk();
        (await Dialogs.SaveAsync(started with { State = atLimit + "x", CardActivityId = new string('m', Limits.CardActivityId + 1) }))
            .ShouldBeInvalidOn("state", "cardActivityId");
        (await Dialogs.FindAsync(Chat)).Should().Be(started);
    }

    [Fact]
    public async Task Two_dialogs_started_at_once_in_one_conversation_leave_one()
    {
        var results = await Task.WhenAll(
            World.Get<DialogStore>().StartAsync(Chat, World.Sales.Id, "new-client", "{}"),
            World.Get<DialogStore>().StartAsync(Chat, World.Sales.Id, "new-contract", "{}"));

        results.Should().OnlyContain(r => r.IsOk);
        await using var db = World.NewContext();
        (await db.BotDialogs.CountAsync()).Should().Be(1);
        (await Dialogs.FindAsync(Chat))!.Id.Should().BeOneOf(results.Select(r => r.Value.Id));
    }
}
