using System.Text.Json;
using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Notifications;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EpicEvents.Bot.Tests.Infrastructure.OutboxScenarios;

namespace EpicEvents.Bot.Tests;

/// <summary>
/// The digests as people meet them in Teams: queued by a bot instance's digest sender, delivered by
/// its outbox sender to the loopback connector as a card, and acted on from the card's buttons.
/// </summary>
public sealed class DigestTests : WorldAndConnectorTest
{
    /// <summary>Management's digest is due at any time of any day; the other two are off.</summary>
    private static readonly string[] ManagementDigestNow =
    [
        "--Crm:Digests:Management:At=00:00",
        "--Crm:Digests:Management:Days=Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
        "--Crm:Digests:Support:Enabled=false",
        "--Crm:Digests:Sales:Enabled=false",
    ];

    [Fact]
    public async Task The_managers_digest_arrives_once_as_a_card_whose_sign_button_signs_and_is_refused_to_support()
    {
        var contract = await SignatureAskedByEveryoneConnectedAsync();

        var instance = World.StartInstance(null, ManagementDigestNow);
        var digests = instance.GetRequiredService<DigestSender>();
        var round = await digests.LookAsync(CancellationToken.None);
        (await digests.LookAsync(CancellationToken.None)).Should().Be(DigestRound.None, "today's digests are queued already");
        await World.StartSenderAsync(null, ManagementDigestNow);
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue(string.Join("; ", Connector.Errors));

        var managers = await World.QueryAsync(db => db.Collaborators.CountAsync(c => c.IsActive && !c.MustChangePassword && c.Role.Department == Crm.Access.Department.Management));
        (round.Queued + round.Empty).Should().Be(managers, "every manager with Teams and a password of their own is looked at once");
        var rows = await World.OutboxAsync();
        rows.Where(r => r.Kind == NotificationKind.Digest).Should().OnlyContain(r => r.State == DeliveryState.Sent);
        var card = Connector.Accepted.Where(m => m.ConversationId == ChatOf(World.Manager.CollaboratorId) && m.Card.Text().Contains("Your morning digest", StringComparison.Ordinal))
            .Should().ContainSingle("one digest a day").Which.Card;
        var text = card.Text();
        text.Should().Contain("Your morning digest").And.Contain("Signature requests waiting").And.Contain($"Contract #{contract}");
        var sign = Sign(card, contract);

        var supportChat = World.ChatWith(World.Support);
        var refused = await supportChat.TurnAsync(supportChat.Adapter.MakeSubmit(sign));
        refused.Card().Text().Should().Contain("Not allowed");
        (await StatusAsync(contract)).Should().Be(ContractStatus.PendingSignature);

        var chat = World.ChatWith(World.Manager);
        var signed = await chat.TurnAsync(chat.Adapter.MakeSubmit(sign));
        signed.Card().Text().Should().Contain($"Contract {contract} signed");
        (await StatusAsync(contract)).Should().Be(ContractStatus.Signed);
    }

    [Fact]
    public async Task The_settings_card_saves_the_digest_hour_and_shows_what_is_wrong_without_saving_anything()
    {
        var chat = World.ChatWith(World.Support);
        var card = (await chat.SayAsync("settings")).Card();
        card.Text().Should().Contain("Your settings").And.Contain("Support digest").And.Contain("every day");
        card.Input(SettingsReply.AtField).GetProperty("value").GetString().Should().Be("17:00");

        var wrong = (await chat.ClickAsync(card, "Save", new Dictionary<string, string> { [SettingsReply.DigestField] = "off", [SettingsReply.AtField] = "25:00", [SettingsReply.LanguageField] = "fr" })).Card();

        wrong.ErrorUnder(SettingsReply.AtField).Should().Be("The hour is a time of day such as 08:30.");
        (await SettingsOfAsync(World.Support.CollaboratorId)).Should().Be((null, true, new TimeOnly(17, 0)));

        var saved = (await chat.ClickAsync(wrong, "Save", new Dictionary<string, string> { [SettingsReply.DigestField] = "off", [SettingsReply.AtField] = "18:30", [SettingsReply.LanguageField] = "fr" })).Card();

        saved.Text().Should().Contain("Vos réglages").And.Contain("Enregistré.");
        saved.Input(SettingsReply.AtField).GetProperty("value").GetString().Should().Be("18:30");
        (await SettingsOfAsync(World.Support.CollaboratorId)).Should().Be(("fr", false, new TimeOnly(18, 30)));
    }

    [Fact]
    public async Task A_french_manager_reads_the_digest_in_french_with_french_buttons()
    {
        var contract = await SignatureAskedByEveryoneConnectedAsync();
        await using (var scope = World.Services.CreateAsyncScope())
        {
            var manager = await World.ActorAsync(World.Manager.CollaboratorId);
            (await scope.ServiceProvider.GetRequiredService<ChooseLanguage>().ExecuteAsync(manager, "fr")).IsOk.Should().BeTrue();
        }

        var instance = World.StartInstance(null, ManagementDigestNow);
        await instance.GetRequiredService<DigestSender>().LookAsync(CancellationToken.None);
        await World.StartSenderAsync(null, ManagementDigestNow);
        (await World.WaitUntilDeliveredAsync()).Should().BeTrue(string.Join("; ", Connector.Errors));

        var card = Connector.Accepted.Single(m => m.ConversationId == ChatOf(World.Manager.CollaboratorId) && m.Card.Text().Contains("récapitulatif", StringComparison.Ordinal)).Card;
        card.Text().Should().Contain("Votre récapitulatif du matin").And.Contain("Demandes de signature en attente").And.Contain($"Contrat n° {contract}");
        card.Buttons().Should().Contain("Signer").And.Contain("Réglages du récapitulatif");
    }

    [Theory]
    [InlineData("Crm:Digests:Management:At", "25:00")]
    [InlineData("Crm:Digests:Support:Enabled", "sometimes")]
    [InlineData("Crm:Digests:Sales:Days", "Mondays")]
    [InlineData("Bot:Digests:Interval", "00:00:00")]
    [InlineData("Bot:Digests:Enabled", "maybe")]
    public void A_digest_setting_that_cannot_be_read_stops_the_bot_at_start_and_names_the_setting(string key, string value)
    {
        var build = () => Hosting.BotHost.Build(["--environment=Development", $"--ConnectionStrings:Crm={World.ConnectionString}", $"--{key}={value}"]);

        build.Should().Throw<InvalidOperationException>().WithMessage($"{key} must be *");
    }

    /// <summary>Everyone linked and in a chat with the bot; the salesperson asks for the signature of a new draft (returned).</summary>
    private async Task<int> SignatureAskedByEveryoneConnectedAsync()
    {
        await World.ConnectEveryoneAsync(Connector);
        var contract = await World.NewDraftContractAsync(World.Sales);
        await using var scope = World.Services.CreateAsyncScope();
        var sales = await World.ActorAsync(World.Sales.CollaboratorId);
        (await scope.ServiceProvider.GetRequiredService<RequestSignature>().ExecuteAsync(sales, new RequestSignatureRequest(contract))).IsOk.Should().BeTrue();
        return contract;
    }

    /// <summary>The data the "Sign" button of the row of <paramref name="contract"/> sends.</summary>
    private static Dictionary<string, string> Sign(JsonElement card, int contract)
    {
        var buttons = card.Elements().Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Action.Submit"
            && e.GetProperty("title").GetString() == "Sign").Select(e => e.GetProperty("data").GetProperty(EpicEvents.Bot.Cards.CardActions.CommandField).GetString()).ToList();
        buttons.Should().Contain($"sign {contract}");
        return new Dictionary<string, string> { [EpicEvents.Bot.Cards.CardActions.CommandField] = $"sign {contract}" };
    }

    private Task<ContractStatus> StatusAsync(int contract) =>
        World.QueryAsync(db => db.Contracts.Where(c => c.Id == contract).Select(c => c.Status).SingleAsync());

    private async Task<(string? Language, bool Enabled, TimeOnly At)> SettingsOfAsync(int collaboratorId)
    {
        var actor = await World.ActorAsync(collaboratorId);
        await using var scope = World.Services.CreateAsyncScope();
        var settings = (await scope.ServiceProvider.GetRequiredService<ShowSettings>().ExecuteAsync(actor)).Value;
        return (settings.Language, settings.Digest.Enabled, settings.Digest.At);
    }
}
