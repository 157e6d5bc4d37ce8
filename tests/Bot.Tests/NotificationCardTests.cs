using System.Text.Json;
using EpicEvents.Bot.Notifications;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Tests;

/// <summary>
/// The cards notifications become and their buttons: a manager approves or rejects a signature from
/// the approval card, a support contact acknowledges an assignment, Management sends failed
/// notifications again. Cards are rendered by the bot's renderer from the real outbox rows.
/// </summary>
public sealed class NotificationCardTests : IAsyncLifetime
{
    private BotWorld _world = null!;

    public async Task InitializeAsync() => _world = await BotWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_manager_approves_from_the_approval_card_and_it_then_shows_who_approved_without_buttons()
    {
        var (contractId, requestId) = await RequestSignatureAsSalesAsync();
        var card = await NotificationCardAsync(NotificationKind.SignatureRequested, _world.Manager, requestId);
        card.Text().Should().Contain($"Signature requested · contract #{contractId}").And.Contain("Requested by").And.MatchRegex(@"Total\n[\d,]+\.\d\d €", "the pushed card says the currency of its amounts");
        card.GetProperty("refresh").GetProperty("action").GetProperty("verb").GetString().Should().Be(ApprovalCard.RefreshVerb);

        var answered = (await _world.ChatWith(_world.Manager).ClickAsync(card, "Approve")).Card();

        answered.Text().Should().Contain($"Signed by {_world.Manager.Name} · contract #{contractId}").And.Contain($"Approved by {_world.Manager.Name}");
        HasButton(answered, "Approve").Should().BeFalse();
        (await ContractStatusAsync(contractId)).Should().Be(ContractStatus.Signed);
        (await OutboxAsync(requestId)).Should().Contain((NotificationKind.SignatureDecided, _world.Sales.CollaboratorId))
            .And.Contain((NotificationKind.ApprovalCardUpdate, _world.Manager.CollaboratorId));
    }

    [Fact]
    public async Task A_late_click_on_a_decided_request_shows_the_decision_not_an_error()
    {
        var (contractId, requestId) = await RequestSignatureAsSalesAsync();
        var card = await NotificationCardAsync(NotificationKind.SignatureRequested, _world.Manager, requestId);
        var manager = _world.ChatWith(_world.Manager);
        await manager.ClickAsync(card, "Reject with this reason", new Dictionary<string, string> { [ApprovalCard.ReasonField] = "Wrong total" });

        var late = await manager.ClickAsync(card, "Approve");

        late.InvokeBody!.Value.GetProperty("statusCode").GetInt32().Should().Be(200);
        late.Card().Text().Should().Contain($"Rejected by {_world.Manager.Name}").And.Contain("Wrong total");
        (await ContractStatusAsync(contractId)).Should().Be(ContractStatus.Draft);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_keeps_the_card_open_with_the_problem_and_changes_nothing()
    {
        var (contractId, requestId) = await RequestSignatureAsSalesAsync();
        var card = await NotificationCardAsync(NotificationKind.SignatureRequested, _world.Manager, requestId);

        var answered = (await _world.ChatWith(_world.Manager).ClickAsync(card, "Reject with this reason", new Dictionary<string, string> { [ApprovalCard.ReasonField] = "   " })).Card();

        answered.Text().Should().Contain("Say why the signature is rejected");
        HasButton(answered, "Approve").Should().BeTrue();
        (await ContractStatusAsync(contractId)).Should().Be(ContractStatus.PendingSignature);
    }

    [Fact]
    public async Task Someone_outside_management_cannot_decide_even_with_a_forged_button()
    {
        var (contractId, requestId) = await RequestSignatureAsSalesAsync();
        var card = await NotificationCardAsync(NotificationKind.SignatureRequested, _world.Manager, requestId);

        var answered = (await _world.ChatWith(_world.Sales).ClickAsync(card, "Approve")).Card();

        answered.Text().Should().Contain("Not allowed");
        (await ContractStatusAsync(contractId)).Should().Be(ContractStatus.PendingSignature);
    }

    [Fact]
    public async Task Opening_an_approval_card_later_refreshes_it_to_the_current_state()
    {
        var (_, requestId) = await RequestSignatureAsSalesAsync();
        var card = await NotificationCardAsync(NotificationKind.SignatureRequested, _world.Manager, requestId);
        (await _world.ChatWith(_world.Manager).SayAsync($"contract {await ContractOfAsync(requestId)}")).Card().Text().Should().Contain("Approve");
        await _world.ChatWith(_world.Manager).ClickAsync(card, "Approve");

        var refresh = card.GetProperty("refresh").GetProperty("action");
        var data = refresh.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.GetString());
        var chat = _world.ChatWith(_world.Manager);
        var refreshed = (await chat.TurnAsync(chat.Adapter.MakeCardAction(refresh.GetProperty("verb").GetString()!, data))).Card();

        refreshed.Text().Should().Contain($"Approved by {_world.Manager.Name}");
        HasButton(refreshed, "Approve").Should().BeFalse();
    }

    [Fact]
    public async Task The_requester_is_told_the_outcome_and_the_managers_card_is_updated_in_place()
    {
        var (_, requestId) = await RequestSignatureAsSalesAsync();
        var delivery = _world.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxDelivery>();
        var sentCard = (await delivery.ClaimAsync(50, TimeSpan.FromMinutes(1))).Single(c => c.RecipientId == _world.Manager.CollaboratorId);
        (await delivery.RecordSentAsync(sentCard, new DeliveredMessage("https://smba.trafficmanager.net/emea/", "a:manager", "1:approval-card"))).Should().BeTrue();
        var card = await RenderAsync(sentCard, _world.Manager);
        await _world.ChatWith(_world.Manager).ClickAsync(((NotificationContent.NewMessage)card).Activity.Card(), "Reject with this reason", new Dictionary<string, string> { [ApprovalCard.ReasonField] = "Missing the VAT" });

        var claims = await delivery.ClaimAsync(50, TimeSpan.FromMinutes(1));
        var told = await RenderAsync(claims.Single(c => c.Kind == NotificationKind.SignatureDecided), _world.Sales);
        var update = await RenderAsync(claims.Single(c => c.Kind == NotificationKind.ApprovalCardUpdate), _world.Manager);

        ((NotificationContent.NewMessage)told).Activity.Card().Text().Should().Contain($"Rejected by {_world.Manager.Name}").And.Contain("Missing the VAT");
        var put = update.Should().BeOfType<NotificationContent.CardUpdate>().Subject;
        put.Card.ActivityId.Should().Be("1:approval-card");
        put.Activity.Card().Text().Should().Contain("Signature rejected");
        HasButton(put.Activity.Card(), "Approve").Should().BeFalse();
    }

    [Fact]
    public async Task The_support_contact_acknowledges_and_management_sees_it_on_the_event()
    {
        var eventId = await _world.QueryAsync(db => db.Events.Where(e => e.SupportContactId == null).Select(e => e.Id).FirstAsync());
        await _world.ChatWith(_world.Manager).SayAsync($"assign {eventId} to {_world.Support.Name}");
        var card = await NotificationCardAsync(NotificationKind.SupportAssigned, _world.Support, eventId);
        card.Text().Should().Contain($"You support event #{eventId}").And.Contain("Client contact");

        var answered = (await _world.ChatWith(_world.Support).ClickAsync(card, "Acknowledge")).Card();

        answered.Text().Should().Contain("Acknowledged on");
        HasButton(answered, "Acknowledge").Should().BeFalse();
        (await _world.ChatWith(_world.Manager).SayAsync($"event {eventId}")).Card().Text().Should().Contain($"{_world.Support.Name} · acknowledged on");
    }

    [Fact]
    public async Task A_manager_lists_the_signatures_to_decide_and_sales_its_contracts_awaiting_signature()
    {
        var (contractId, requestId) = await RequestSignatureAsSalesAsync();

        (await _world.ChatWith(_world.Manager).SayAsync("contracts pending")).Card().Text().Should().Contain("Signatures to decide").And.Contain($"#{requestId}");
        (await _world.ChatWith(_world.Sales).SayAsync("contrats en attente")).Card().Text().Should().Contain($"#{contractId}");
    }

    [Fact]
    public async Task Management_sends_a_failed_notification_again_from_the_failed_list()
    {
        var (_, requestId) = await RequestSignatureAsSalesAsync();
        var delivery = _world.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxDelivery>();
        var claim = (await delivery.ClaimAsync(50, TimeSpan.FromMinutes(1))).Single(c => c.RecipientId == _world.Manager.CollaboratorId);
        await delivery.RecordFailureAsync(claim, DeliveryReason.TeamsAnswered(403, "MessageWritesBlocked"), transient: false);
        (await _world.ChatWith(_world.Sales).SayAsync("notifications failed")).Card().Text().Should().Contain("Not allowed");

        var list = (await _world.ChatWith(_world.Manager).SayAsync("notifications failed")).Card();
        list.Text().Should().Contain($"#{claim.Id}").And.Contain($"request #{requestId}").And.Contain("403 MessageWritesBlocked");
        var answered = (await _world.ChatWith(_world.Manager).ClickAsync(list, "Send every failed one again")).Card();

        answered.Text().Should().Contain("1 notification is queued to be sent again").And.Contain("None has failed again so far")
            .And.NotContain("every notification reached", "the card does not claim a delivery that has not happened");
        (await _world.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == claim.Id).Select(m => m.State).SingleAsync())).Should().Be(DeliveryState.Pending);
    }

    [Fact]
    public async Task A_french_manager_reads_in_french_why_a_notification_did_not_arrive()
    {
        var (_, requestId) = await RequestSignatureAsSalesAsync();
        var delivery = _world.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxDelivery>();
        var claim = (await delivery.ClaimAsync(50, TimeSpan.FromMinutes(1))).Single(c => c.RecipientId == _world.Manager.CollaboratorId);
        await delivery.RecordUndeliverableAsync(claim, DeliveryReason.NotInstalledRefused(DeliveryReason.TeamsAnswered(403, "Forbidden")));

        var list = (await _world.ChatWith(_world.Manager, "fr-FR").SayAsync("notifications échouées")).Card().Text();

        list.Should().Contain($"#{claim.Id}").And.Contain("Notifications non distribuées")
            .And.Contain("Le destinataire n'a pas encore installé le bot. Teams a refusé d'ouvrir une conversation (Teams a répondu 403 Forbidden.).")
            .And.NotContain("has not installed");
    }

    [Fact]
    public async Task A_reason_stored_as_an_english_sentence_before_reasons_were_keys_still_shows_in_the_failed_list()
    {
        const string OldReason = "The recipient has not installed the bot yet.";
        await RequestSignatureAsSalesAsync();
        var delivery = _world.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxDelivery>();
        var claim = (await delivery.ClaimAsync(50, TimeSpan.FromMinutes(1))).Single(c => c.RecipientId == _world.Manager.CollaboratorId);
        await delivery.RecordUndeliverableAsync(claim, DeliveryReason.NotInstalled);
        await _world.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == claim.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.LastError, OldReason)));

        var list = (await _world.ChatWith(_world.Manager, "fr-FR").SayAsync("notifications échouées")).Card().Text();

        list.Should().Contain($"#{claim.Id}").And.Contain(OldReason, "an older row's sentence is shown as it was written");
    }

    [Fact]
    public async Task A_client_without_universal_actions_approves_through_the_submit_fallback()
    {
        var (contractId, requestId) = await RequestSignatureAsSalesAsync();
        var chat = _world.ChatWith(_world.Manager);

        var turn = await chat.TurnAsync(chat.Adapter.MakeSubmit(new Dictionary<string, string> { ["verb"] = ApprovalCard.ApproveVerb, [ApprovalCard.RequestField] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        turn.Card().Text().Should().Contain($"Approved by {_world.Manager.Name}");
        (await ContractStatusAsync(contractId)).Should().Be(ContractStatus.Signed);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public async Task The_approval_card_and_the_support_notification_are_in_the_recipients_language(string locale)
    {
        var (_, requestId) = await RequestSignatureAsSalesAsync();
        var eventId = await _world.QueryAsync(db => db.Events.Where(e => e.SupportContactId == null).Select(e => e.Id).FirstAsync());
        await _world.ChatWith(_world.Manager).SayAsync($"assign {eventId} to {_world.Support.Name}");
        var claims = await _world.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxDelivery>().ClaimAsync(50, TimeSpan.FromMinutes(1));

        var approval = await CardTextAsync(claims.Single(c => c.Kind == NotificationKind.SignatureRequested && c.SubjectId == requestId && c.RecipientId == _world.Manager.CollaboratorId), _world.Manager);
        var assigned = await CardTextAsync(claims.Single(c => c.Kind == NotificationKind.SupportAssigned && c.SubjectId == eventId && c.RecipientId == _world.Support.CollaboratorId), _world.Support);

        foreach (var card in new[] { approval, assigned })
        {
            card.Should().NotBeNullOrWhiteSpace();
            BotLanguages.ForeignIn(card, locale).Should().BeEmpty("the notification is in its recipient's language: {0}", card);
        }

        approval.Should().Contain(locale.StartsWith("fr", StringComparison.Ordinal) ? "Approuver" : "Approve");
        var startsAt = await _world.QueryAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.StartsAt).SingleAsync());
        var zone = _world.Services.GetRequiredService<TimeZoneInfo>();
        var words = Crm.Presentation.Wording.For(locale);
        assigned.Should().Contain(words.LongDate(startsAt, zone), "a date on a card is written as its reader writes dates");
        assigned.Should().MatchRegex(locale.StartsWith("fr", StringComparison.Ordinal)
            ? @"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \p{L}+ \d{4} \d\d:\d\d"
            : @"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \p{L}+ \d{4} \d\d:\d\d");

        async Task<string> CardTextAsync(OutboxClaim claim, TeamsUser recipient) =>
            (await RenderAsync(claim, recipient, locale)).Should().BeOfType<NotificationContent.NewMessage>().Subject.Activity.Card().Text();
    }

    private async Task<(int ContractId, int RequestId)> RequestSignatureAsSalesAsync()
    {
        var contractId = await _world.NewDraftContractAsync(_world.Sales);
        // The salesperson's chat tells where the app is; the linked manager can be reached, the others are named with why not.
        var reply = (await _world.ChatWith(_world.Sales).SayAsync($"request signature {contractId}")).Card().Text();
        reply.Should().Contain($"Approval card on its way in Teams to: {_world.Manager.Name}.");
        var unlinkedManagers = await _world.QueryAsync(db => db.Collaborators
            .Where(c => c.IsActive && c.Role.Department == Department.Management && c.TeamsAadObjectId == null).Select(c => c.FullName).ToListAsync());
        foreach (var name in unlinkedManagers)
        {
            reply.Should().Contain($"{name} (no Teams account linked)");
        }

        var requestId = await _world.QueryAsync(db => db.SignatureRequests.Where(s => s.ContractId == contractId).Select(s => s.Id).SingleAsync());
        return (contractId, requestId);
    }

    /// <summary>The card the outbox row of this kind, recipient and subject becomes.</summary>
    private async Task<JsonElement> NotificationCardAsync(NotificationKind kind, TeamsUser recipient, int subjectId)
    {
        var delivery = _world.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxDelivery>();
        var claims = await delivery.ClaimAsync(50, TimeSpan.FromMinutes(1));
        var claim = claims.Single(c => c.Kind == kind && c.RecipientId == recipient.CollaboratorId && c.SubjectId == subjectId);
        var content = await RenderAsync(claim, recipient);
        return content.Should().BeOfType<NotificationContent.NewMessage>().Subject.Activity.Card();
    }

    private async Task<NotificationContent> RenderAsync(OutboxClaim claim, TeamsUser recipient, string locale = "en-US")
    {
        await using var scope = _world.Services.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadAsync(recipient.CollaboratorId, ChangeSource.Bot);
        return await scope.ServiceProvider.GetRequiredService<NotificationRenderer>().RenderAsync(claim, actor!, locale, default);
    }

    private Task<ContractStatus> ContractStatusAsync(int contractId) =>
        _world.QueryAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync());

    private Task<int> ContractOfAsync(int requestId) =>
        _world.QueryAsync(db => db.SignatureRequests.Where(s => s.Id == requestId).Select(s => s.ContractId).SingleAsync());

    private async Task<List<(NotificationKind, int)>> OutboxAsync(int requestId)
    {
        var rows = await _world.QueryAsync(db => db.OutboxMessages.Where(m => m.SubjectId == requestId).Select(m => new { m.Kind, m.RecipientId }).ToListAsync());
        return rows.Select(r => (r.Kind, r.RecipientId)).ToList();
    }

    private static bool HasButton(JsonElement card, string title)
    {
        try
        {
            Infrastructure.Cards.Action(card, title);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
