using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Teams;

public sealed class TeamsConversationsTestsOnSqlite : TeamsConversationsTests<Sqlite>;

public sealed class TeamsConversationsTestsOnPostgres : TeamsConversationsTests<Postgres>;

public abstract class TeamsConversationsTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly TeamsConversationReference Personal = new(
        "https://smba.trafficmanager.net/emea/", "msteams", "a:1xQz-personal-chat", "personal",
        "7c1f7a3e-5a6b-4a8e-9a39-2d0f0b2f6c11", "28:bot-app-id", "Epic Events", "29:1user-id", "0b6c9a0e-3f2d-4f5e-8d7c-6b5a4e3d2c1b", "fr-FR");

    private TeamsConversations Conversations => World.Get<TeamsConversations>();

    [Fact]
    public async Task A_remembered_conversation_is_found_again_as_Teams_gave_it()
    {
        await Conversations.RememberAsync(World.Sales.Id, Personal);

        (await Conversations.FindAsync(World.Sales.Id)).Should().Be(Personal);
        (await Conversations.FindAsync(World.Sales2.Id)).Should().BeNull();
    }

    [Fact]
    public async Task Optional_parts_of_a_reference_may_be_missing()
    {
        var bare = Personal with { BotName = null, AadObjectId = null, Locale = null };

        await Conversations.RememberAsync(World.Sales.Id, bare);

        (await Conversations.FindAsync(World.Sales.Id)).Should().Be(bare);
    }

    [Fact]
    public async Task A_changed_reference_replaces_the_stored_one()
    {
        await Conversations.RememberAsync(World.Sales.Id, Personal);
        World.Clock.Advance(TimeSpan.FromMinutes(5));
        var moved = Personal with { ServiceUrl = "https://smba.trafficmanager.net/amer/", Locale = "en-US", BotName = null };

        await Conversations.RememberAsync(World.Sales.Id, moved);

        (await Conversations.FindAsync(World.Sales.Id)).Should().Be(moved);
        (await StoredAsync(World.Sales.Id)).UpdatedAt.Should().Be(World.Clock.UtcNow);
    }

    [Fact]
    public async Task With_the_reference_read_in_the_same_turn_only_a_changed_or_blocked_one_is_written()
    {
        await Conversations.RememberAsync(World.Sales.Id, Personal);
        var firstSeen = World.Clock.UtcNow;
        World.Clock.Advance(TimeSpan.FromMinutes(5));
        var moved = Personal with { ServiceUrl = "https://smba.trafficmanager.net/amer/" };

        await Conversations.RememberAsync(World.Sales.Id, Personal, new StoredTeamsConversation(Personal, Blocked: false));
        (await StoredAsync(World.Sales.Id)).UpdatedAt.Should().Be(firstSeen);

        await Conversations.RememberAsync(World.Sales.Id, moved, new StoredTeamsConversation(Personal, Blocked: false));
        (await Conversations.FindAsync(World.Sales.Id)).Should().Be(moved);

        await Conversations.MarkBlockedAsync(World.Sales.Id);
        await Conversations.RememberAsync(World.Sales.Id, moved, new StoredTeamsConversation(moved, Blocked: true));
        (await Conversations.FindAsync(World.Sales.Id)).Should().Be(moved, "writing again clears the block");
    }

    [Fact]
    public async Task Remembering_an_unchanged_reference_writes_nothing()
    {
        await Conversations.RememberAsync(World.Sales.Id, Personal);
        var firstSeen = World.Clock.UtcNow;
        World.Clock.Advance(TimeSpan.FromMinutes(5));

        await Conversations.RememberAsync(World.Sales.Id, Personal with { });

        (await StoredAsync(World.Sales.Id)).UpdatedAt.Should().Be(firstSeen);
    }

    [Fact]
    public async Task A_blocked_conversation_is_not_used_until_the_collaborator_writes_again()
    {
        await Conversations.RememberAsync(World.Support.Id, Personal);
        World.Clock.Advance(TimeSpan.FromMinutes(5));

        await Conversations.MarkBlockedAsync(World.Support.Id);

        (await Conversations.FindAsync(World.Support.Id)).Should().BeNull();
        (await StoredAsync(World.Support.Id)).BlockedAt.Should().Be(World.Clock.UtcNow);

        World.Clock.Advance(TimeSpan.FromMinutes(5));
        await Conversations.RememberAsync(World.Support.Id, Personal);

        (await Conversations.FindAsync(World.Support.Id)).Should().Be(Personal);
        (await StoredAsync(World.Support.Id)).BlockedAt.Should().BeNull();
    }

    [Fact]
    public async Task Marking_someone_without_a_conversation_as_blocked_changes_nothing()
    {
        await Conversations.MarkBlockedAsync(World.Support.Id);

        await using var db = World.NewContext();
        (await db.TeamsConversations.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Messages_arriving_at_once_store_one_conversation_per_collaborator()
    {
        var references = Enumerable.Range(0, 8).Select(i => Personal with { Locale = i % 2 == 0 ? "fr-FR" : "en-GB" }).ToList();

        await Task.WhenAll(references.Select(r => World.Get<TeamsConversations>().RememberAsync(World.Sales.Id, r)));

        await using var db = World.NewContext();
        (await db.TeamsConversations.CountAsync()).Should().Be(1);
        (await Conversations.FindAsync(World.Sales.Id))!.Locale.Should().BeOneOf("fr-FR", "en-GB");
    }

    [Fact]
    public async Task A_reference_Teams_could_not_have_sent_is_refused_and_not_stored()
    {
        var blank = () => Conversations.RememberAsync(World.Sales.Id, Personal with { ConversationId = " " });
        var oversized = () => Conversations.RememberAsync(World.Sales.Id, Personal with { ServiceUrl = "https://" + new string('a', 500) });

        await blank.Should().ThrowAsync<ArgumentException>();
        await oversized.Should().ThrowAsync<ArgumentException>();
        (await Conversations.FindAsync(World.Sales.Id)).Should().BeNull();
    }

    [Fact]
    public async Task The_linked_teams_account_of_a_collaborator_is_found_and_none_for_someone_unlinked()
    {
        var tenant = Guid.Parse(Personal.TenantId);
        var objectId = Guid.NewGuid();
        (await World.Get<LinkTeamsIdentity>().ExecuteAsync(World.Manager, new LinkTeamsIdentityRequest(World.Support.Id, tenant, objectId))).ShouldBeOk();

        (await Conversations.LinkedIdentityAsync(World.Support.Id)).Should().Be(new TeamsIdentity(tenant, objectId));
        (await Conversations.LinkedIdentityAsync(World.Support2.Id)).Should().BeNull();
        (await Conversations.LinkedIdentityAsync(999_999)).Should().BeNull();
    }

    [Fact]
    public async Task The_bot_is_reached_in_a_tenant_where_the_latest_conversation_of_anyone_of_that_tenant_says()
    {
        var tenant = Guid.Parse(Personal.TenantId);
        var otherTenant = Personal with { TenantId = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a", ServiceUrl = "https://smba.trafficmanager.net/amer/", BotId = "28:other-bot" };
        await Conversations.RememberAsync(World.Sales.Id, Personal);
        World.Clock.Advance(TimeSpan.FromMinutes(5));
        await Conversations.RememberAsync(World.Sales2.Id, Personal with { ServiceUrl = "https://smba.trafficmanager.net/fr/", TenantId = Personal.TenantId.ToUpperInvariant() });
        World.Clock.Advance(TimeSpan.FromMinutes(5));
        await Conversations.RememberAsync(World.Support.Id, otherTenant);
        await Conversations.MarkBlockedAsync(World.Sales2.Id);

        (await Conversations.BotAddressInTenantAsync(tenant)).Should().Be(new TeamsBotAddress("https://smba.trafficmanager.net/fr/", Personal.BotId, Personal.BotName));
        (await Conversations.BotAddressInTenantAsync(Guid.Parse(otherTenant.TenantId))).Should().Be(new TeamsBotAddress(otherTenant.ServiceUrl, "28:other-bot", Personal.BotName));
        (await Conversations.BotAddressInTenantAsync(Guid.NewGuid())).Should().BeNull("nobody of that tenant has talked to the bot");
    }

    private async Task<TeamsConversation> StoredAsync(int collaboratorId)
    {
        await using var db = World.NewContext();
        return await db.TeamsConversations.AsNoTracking().SingleAsync(c => c.CollaboratorId == collaboratorId);
    }
}
