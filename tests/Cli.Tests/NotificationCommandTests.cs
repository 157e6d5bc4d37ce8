using System.Globalization;
using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Cli.Tests;

public sealed class NotificationCommandTestsLocally : NotificationCommandTests;

public sealed class NotificationCommandTestsThroughTheServer : NotificationCommandTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class NotificationCommandTestsThroughTheServerOnPostgres : NotificationCommandTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary>
/// <c>notification list | retry</c>: Management sees how the bot's deliveries went and sends again
/// what failed. The bot itself is played by Crm.Core's <see cref="OutboxDelivery"/> on the same
/// database, exactly as the bot's sender records its outcomes.
/// </summary>
public abstract class NotificationCommandTests : CliTest
{
    /// <summary>A reason longer than the table shows.</summary>
    private static readonly Text Blocked = DeliveryReason.Blocked;

    private static readonly Text BadGateway = DeliveryReason.TeamsAnswered(502, "BadGateway");

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private enum Attempt
    {
        Untried,
        Delivered,
        FailsForGood,
        FailsForNow,
        Undeliverable,
    }

    [Fact]
    public async Task Management_sees_each_notification_with_its_recipient_subject_and_delivery_state()
    {
        var @event = await EventOfAsync(Sales, support: Support);
        var ids = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.FailsForNow);

        var run = (await Manager.RunAsync("notification list")).Succeeds();
        var json = (await Manager.RunAsync("notification list --json")).Succeeds().Json.GetProperty("items").EnumerateArray().ToList();

        var failedRow = Row(run.Stdout, ids[Support.Id]);
        failedRow.Should().Contain("support assigned").And.Contain($"Sue Support (#{Support.Id})").And.Contain($"event #{@event}").And.Contain("failed");
        failedRow.Should().Contain(Blocked.ToString()[..40]).And.Contain("…").And.NotContain("until they write to it again", "the table shortens a long error");
        failedRow.Should().Contain(Local(json.Single(n => n.GetProperty("id").GetInt64() == ids[Support.Id]).GetProperty("createdAt")));
        var pending = json.Single(n => n.GetProperty("id").GetInt64() == ids[Sales.Id]);
        var pendingRow = Row(run.Stdout, ids[Sales.Id]);
        pendingRow.Should().Contain("support for your client").And.Contain($"Sam Sales (#{Sales.Id})").And.Contain("pending").And.Contain("Teams answered 502 BadGateway.");
        pendingRow.Should().Contain(Local(pending.GetProperty("nextAttemptAt")), "a pending notification shows when it is tried next");
        run.Stdout.Should().Contain("Recipient").And.Contain("Last error").And.Contain("Next attempt");
    }

    [Fact]
    public async Task The_failed_filter_keeps_what_did_not_reach_its_recipient()
    {
        await EventOfAsync(Sales, support: Support);
        var first = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.Delivered);
        await EventOfAsync(Sales2, support: Support2);
        var second = await BotTriesAsync(recipient => recipient == Support2.Id ? Attempt.Undeliverable : Attempt.Untried);

        var items = (await Manager.RunAsync("notification list --failed --json")).Succeeds().Json.GetProperty("items").EnumerateArray().ToList();
        var table = (await Manager.RunAsync("notification list --failed")).Succeeds().Stdout;
        var forSupport2 = (await Manager.RunAsync($"notification list --failed --recipient {Support2.Id} --json")).Succeeds().Json.GetProperty("items");

        items.Select(n => n.GetProperty("id").GetInt64()).Should().Equal(second[Support2.Id], first[Support.Id]);
        items.Select(n => n.GetProperty("state").GetString()).Should().Equal("Undeliverable", "Failed");
        table.Should().Contain("undeliverable").And.Contain("failed").And.NotContain("delivered ").And.NotContain("pending");
        forSupport2.EnumerateArray().Select(n => n.GetProperty("recipientId").GetInt32()).Should().Equal(Support2.Id);
    }

    [Fact]
    public async Task The_list_pages_newest_first_as_one_json_document_with_the_full_error()
    {
        var @event = await EventOfAsync(Sales, support: Support);
        var ids = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.Delivered);

        var first = (await Manager.RunAsync("notification list --limit 1 --json")).Succeeds().Json;
        var next = first.GetProperty("next").GetString()!;
        var second = (await Manager.RunAsync($"notification list --limit 1 --after {next} --json")).Succeeds().Json;
        var streamed = (await Manager.RunAsync("notification list --all --limit 1 --json")).Succeeds().Json;
        var human = (await Manager.RunAsync("notification list --limit 1")).Succeeds();

        first.EnumerateObject().Select(p => p.Name).Should().Equal("items", "next");
        first.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).Should().Equal(ids[Sales.Id]);
        var failed = second.GetProperty("items").EnumerateArray().Single();
        failed.GetProperty("id").GetInt64().Should().Be(ids[Support.Id]);
        failed.GetProperty("kind").GetString().Should().Be("SupportAssigned");
        failed.GetProperty("state").GetString().Should().Be("Failed");
        failed.GetProperty("subjectId").GetInt32().Should().Be(@event);
        failed.GetProperty("recipientName").GetString().Should().Be("Sue Support");
        failed.GetProperty("attempts").GetInt32().Should().Be(1);
        failed.GetProperty("lastError").GetString().Should().Be(Blocked.ToString());
        failed.GetProperty("lastErrorKey").GetString().Should().Be(Blocked.Key);
        failed.GetProperty("createdAt").GetString().Should().EndWith("Z");
        second.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
        streamed.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).Should().Equal(ids[Sales.Id], ids[Support.Id]);
        human.Stderr.Should().Contain($"--after {next}");
    }

    [Fact]
    public async Task The_list_speaks_french_on_request()
    {
        var @event = await EventOfAsync(Sales, support: Support);
        await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.Delivered);
        var contract = await ContractOfAsync(Sales);
        (await Sales.RunAsync($"contract request-signature {contract}")).Succeeds();

        var run = (await Manager.RunAsync("notification list --lang fr")).Succeeds().Stdout;

        run.Should().Contain("Destinataire").And.Contain("Dernière erreur").And.Contain("Prochain essai");
        run.Should().Contain("support attribué").And.Contain("échec").And.Contain($"événement n° {@event}");
        run.Should().Contain("support pour votre client").And.Contain("remise");
        run.Should().Contain("signature à approuver").And.Contain("demande de signature n° ").And.Contain("en attente");
    }

    [Fact]
    public async Task A_french_manager_reads_why_a_notification_did_not_arrive_in_french()
    {
        await EventOfAsync(Sales, support: Support);
        var ids = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.FailsForNow);

        var table = (await Manager.RunAsync("notification list --lang fr")).Succeeds().Stdout;
        var json = (await Manager.RunAsync("notification list --lang fr --json")).Succeeds().Json;

        Row(table, ids[Support.Id]).Should().Contain("Le destinataire a bloqué le bot").And.NotContain("blocked");
        Row(table, ids[Sales.Id]).Should().Contain("Teams a répondu 502 BadGateway.", "Teams' status and code are not translated");
        var blocked = Item(json, ids[Support.Id]);
        blocked.GetProperty("lastError").GetString().Should().Be(Wording.French.Render(Blocked));
        blocked.GetProperty("lastErrorKey").GetString().Should().Be("delivery.blocked", "programs read the key, the same in every language");
        Item(json, ids[Sales.Id]).GetProperty("lastErrorKey").GetString().Should().Be("delivery.teamsAnswered");
    }

    [Fact]
    public async Task A_reason_stored_as_an_english_sentence_before_reasons_were_keys_still_shows()
    {
        const string OldReason = "The recipient has not installed the bot yet.";
        await EventOfAsync(Sales, support: Support);
        var ids = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.Undeliverable : Attempt.Delivered);
        await using (var core = World.Core())
        {
            await core.Get<CrmDbContext>().OutboxMessages.Where(m => m.Id == ids[Support.Id])
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastError, OldReason));
        }

        var table = (await Manager.RunAsync("notification list --lang fr")).Succeeds().Stdout;
        var old = Item((await Manager.RunAsync("notification list --lang fr --json")).Succeeds().Json, ids[Support.Id]);

        Row(table, ids[Support.Id]).Should().Contain(OldReason);
        old.GetProperty("lastError").GetString().Should().Be(OldReason);
        old.GetProperty("lastErrorKey").ValueKind.Should().Be(JsonValueKind.Null, "a sentence stored as it is has no key");
    }

    [Fact]
    public async Task Retrying_by_id_queues_the_notification_again_and_audits_it()
    {
        await EventOfAsync(Sales, support: Support);
        var ids = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.Delivered);
        var id = ids[Support.Id];

        var run = (await Manager.RunAsync($"notification retry {id}")).Succeeds();

        run.Stdout.Should().Contain("1 notification queued again");
        var again = Item((await Manager.RunAsync("notification list --json")).Succeeds().Json, id);
        again.GetProperty("state").GetString().Should().Be("Pending");
        again.GetProperty("attempts").GetInt32().Should().Be(0);
        var audit = (await Manager.RunAsync($"audit list --entity notification --id {id} --json")).Succeeds().Json.GetProperty("items").EnumerateArray().Single();
        audit.GetProperty("action").GetString().Should().Be("notification.retried");
        audit.GetProperty("actorName").GetString().Should().Be("Maud Manager");
        (await BotTriesAsync(_ => Attempt.Delivered)).Should().ContainKey(Support.Id).WhoseValue.Should().Be(id, "the bot sends it again");
    }

    [Fact]
    public async Task Retrying_every_failed_notification_leaves_the_delivered_ones_alone()
    {
        await EventOfAsync(Sales, support: Support);
        var first = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.Delivered);
        await EventOfAsync(Sales2, support: Support2);
        var second = await BotTriesAsync(recipient => recipient == Support2.Id ? Attempt.Undeliverable : Attempt.Delivered);

        var run = (await Manager.RunAsync("notification retry --failed --json")).Succeeds();

        run.Json.GetProperty("queued").GetInt32().Should().Be(2);
        var list = (await Manager.RunAsync("notification list --json")).Succeeds().Json;
        Item(list, first[Support.Id]).GetProperty("state").GetString().Should().Be("Pending");
        Item(list, second[Support2.Id]).GetProperty("state").GetString().Should().Be("Pending");
        Item(list, first[Sales.Id]).GetProperty("state").GetString().Should().Be("Sent");
        (await Manager.RunAsync("notification list --failed --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(0);
        (await Manager.RunAsync("notification retry --failed")).Succeeds().Stdout.Should().Contain("nothing to send again");
    }

    [Theory]
    [InlineData("sales", "notification list")]
    [InlineData("support", "notification list --failed")]
    [InlineData("sales", "notification retry {id}")]
    [InlineData("support", "notification retry --failed")]
    public async Task Sales_and_support_are_refused_and_nothing_changes(string who, string commandLine)
    {
        await EventOfAsync(Sales, support: Support);
        var id = (await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.Delivered))[Support.Id];

        var run = (await World.User(who).RunAsync(commandLine.Replace("{id}", $"{id}", StringComparison.Ordinal))).Fails(ExitCodes.Forbidden);

        run.Stderr.Should().Contain("department");
        run.Stdout.Should().BeEmpty();
        Item((await Manager.RunAsync("notification list --json")).Succeeds().Json, id).GetProperty("state").GetString().Should().Be("Failed");
        (await Manager.RunAsync("audit list --entity notification --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_notification_exits_5_and_a_delivered_one_exits_7_and_nothing_is_queued()
    {
        await EventOfAsync(Sales, support: Support);
        var ids = await BotTriesAsync(recipient => recipient == Support.Id ? Attempt.FailsForGood : Attempt.Delivered);

        (await Manager.RunAsync($"notification retry {ids[Support.Id]} 999999")).Fails(ExitCodes.NotFound).Stderr.Should().Contain("999999");
        (await Manager.RunAsync($"notification retry 0 {ids[Support.Id]}")).Fails(ExitCodes.NotFound);
        var delivered = (await Manager.RunAsync($"notification retry {ids[Support.Id]} {ids[Sales.Id]} --json")).Fails(ExitCodes.Conflict);

        delivered.ErrorJson.GetProperty("code").GetString().Should().Be("conflict");
        delivered.ErrorJson.GetProperty("message").GetString().Should().Contain($"Notification {ids[Sales.Id]} was delivered");
        Item((await Manager.RunAsync("notification list --json")).Succeeds().Json, ids[Support.Id]).GetProperty("state").GetString().Should().Be("Failed");
        (await Manager.RunAsync("audit list --entity notification --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("notification retry")]
    [InlineData("notification retry 3 --failed")]
    [InlineData("notification retry three")]
    [InlineData("notification list --recipient someone")]
    public async Task A_retry_or_list_that_cannot_run_as_typed_exits_2(string commandLine) =>
        (await Manager.RunAsync(commandLine)).Fails(ExitCodes.Usage).Stderr.Should().StartWith("Error:");

    [Fact]
    public async Task A_malformed_cursor_is_invalid_input()
    {
        (await Manager.RunAsync("notification list --after not-a-cursor")).Fails(ExitCodes.Invalid).Stderr.Should().Contain("--after");
    }

    [Fact]
    public async Task Help_explains_the_notification_commands()
    {
        var group = (await Manager.RunAsync("notification --help")).Succeeds().Stdout;
        var list = (await Manager.RunAsync("notification list --help")).Succeeds().Stdout;
        var retry = (await Manager.RunAsync("notification retry --help")).Succeeds().Stdout;
        var root = (await Manager.RunAsync("--help")).Succeeds().Stdout;

        root.Should().Contain("notification");
        group.Should().Contain("list").And.Contain("retry").And.Contain("Management");
        list.Should().Contain("--failed").And.Contain("--recipient").And.Contain("--limit").And.Contain("--after").And.Contain("--all");
        retry.Should().Contain("--failed").And.Contain("ID").And.Contain("never sent twice");
    }

    /// <summary>
    /// The bot's sender takes one pass over the outbox, the way its delivery loop does: it claims
    /// what is due (one message per recipient) and records each outcome. Returns the notification
    /// tried for each recipient.
    /// </summary>
    private async Task<Dictionary<int, long>> BotTriesAsync(Func<int, Attempt> outcomeFor)
    {
        await using var core = World.Core();
        var delivery = core.Get<OutboxDelivery>();
        var tried = new Dictionary<int, long>();
        foreach (var claim in await delivery.ClaimAsync(50, TimeSpan.FromMinutes(1)))
        {
            tried[claim.RecipientId] = claim.Id;
            switch (outcomeFor(claim.RecipientId))
            {
                case Attempt.Delivered:
                    (await delivery.RecordSentAsync(claim, new DeliveredMessage("https://smba.trafficmanager.net/emea/", $"a:{claim.RecipientId}", $"{claim.Id}"))).Should().BeTrue();
                    break;
                case Attempt.FailsForGood:
                    (await delivery.RecordFailureAsync(claim, Blocked, transient: false)).Should().Be(DeliveryState.Failed);
                    break;
                case Attempt.FailsForNow:
                    (await delivery.RecordFailureAsync(claim, BadGateway, transient: true)).Should().Be(DeliveryState.Pending);
                    break;
                case Attempt.Undeliverable:
                    await delivery.RecordUndeliverableAsync(claim, DeliveryReason.NoTeamsAccount);
                    break;
                default:
                    await delivery.ReleaseAsync(claim);
                    break;
            }
        }

        return tried;
    }

    private static JsonElement Item(JsonElement list, long id) =>
        list.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("id").GetInt64() == id);

    /// <summary>The table row of one notification.</summary>
    private static string Row(string table, long id) =>
        table.Split('\n').Single(line => line.TrimStart().StartsWith($"{id} ", StringComparison.Ordinal));

    /// <summary>A UTC instant of the JSON as the table shows it, in the configured zone (Europe/Paris).</summary>
    private static string Local(JsonElement utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.GetDateTime().ToUniversalTime(), Paris).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
