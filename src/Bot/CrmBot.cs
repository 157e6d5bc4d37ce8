using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Bot.Hosting;
using EpicEvents.Bot.Notifications;
using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Bot.Search;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot;

/// <summary>
/// The Teams bot: finds out who is talking, then routes chat commands, card buttons and form
/// submissions. It decides nothing about rights or validity: Crm.Core does, at every step.
/// One instance per turn (scoped), so each turn has its own database context.
/// </summary>
public sealed class CrmBot(TeamsCaller caller, IServiceProvider services, TimeZoneInfo zone) : ActivityHandler
{
    // Forms and notification cards only: most turns are commands, which need neither these nor their stores.
    private DialogRunner Dialogs => services.GetRequiredService<DialogRunner>();

    private NotificationActions NotificationActions => services.GetRequiredService<NotificationActions>();

    /// <summary>One span per turn, named after the activity; the command and the collaborator id are added as they become known.</summary>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        using var span = BotTelemetry.Source.StartActivity(activity.Name is { Length: > 0 } name ? $"bot {activity.Type} {name}" : $"bot {activity.Type}");
        span?.SetTag("bot.activity.type", activity.Type);
        span?.SetTag("bot.activity.id", activity.Id);
        var summary = services.GetRequiredService<TurnSummary>();
        // Until a command names it, the turn is named after its activity.
        summary.Runs($"bot {activity.Type}");
        var outcome = TurnSummary.Failed;
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            outcome = summary.Outcome;
        }
        catch (Exception exception)
        {
            span.RecordFailure(exception);
            throw;
        }
        finally
        {
            BotMetrics.TurnEnded(summary.Command, outcome);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (PrivateChat.IsShared(turnContext.Activity))
        {
            await AnswerPrivatelyAsync(turnContext, cancellationToken);
            return;
        }

        await HandleMessageAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// A message in a team channel or a group chat: every answer holds CRM data for one person, so it
    /// goes to that person's 1:1 chat with the bot (opened when needed), and the shared conversation
    /// only learns that it did.
    /// </summary>
    private async Task AnswerPrivatelyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var words = Wording.For(turnContext.Activity.Locale);
        var who = await caller.IdentifyAsync(turnContext, cancellationToken, rememberConversation: false);
        if (who.Actor is null)
        {
            await turnContext.SendActivityAsync(who.Refusal!, cancellationToken);
            return;
        }

        var privately = await PrivateChat.OpenAsync(turnContext, cancellationToken);
        if (privately is null)
        {
            await turnContext.SendActivityAsync(words.Bot("crmBot.answerPrivateChatOnlyCould"), cancellationToken);
            return;
        }

        await HandleMessageAsync(privately, cancellationToken);
        await turnContext.SendActivityAsync(words.Bot("crmBot.veRepliedOurPrivateChat"), cancellationToken);
    }

    private async Task HandleMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var turn = await SignInAsync(turnContext, cancellationToken);
        if (turn is null)
        {
            return;
        }

        var value = ReadData(turnContext.Activity.Value);
        if (value.TryGetValue(CardActions.VerbField, out var verb) && verb is DialogRunner.SubmitVerb or DialogRunner.CancelVerb)
        {
            // Action.Submit (clients without Universal Actions): the form card is replaced in place.
            var card = await Dialogs.SubmitAsync(turn, new CardSubmission(verb, value), cancellationToken);
            await ReplaceOrSendAsync(turn, card, cancellationToken);
            return;
        }

        if (verb is not null && NotificationActions.Handles(verb))
        {
            await ReplaceOrSendAsync(turn, await NotificationActions.RunAsync(turn, verb, value, cancellationToken), cancellationToken);
            return;
        }

        if (SettingsReply.Handles(verb))
        {
            await ReplaceOrSendAsync(turn, await SettingsReply.SaveAsync(turn, value, cancellationToken), cancellationToken);
            return;
        }

        var text = value.TryGetValue(CardActions.CommandField, out var pressed) ? pressed : turnContext.Activity.RemoveRecipientMention();
        await RunAsync(turn, CommandTable.Default.Read(text), value.GetValueOrDefault(CardActions.AfterField), cancellationToken);
    }

    /// <summary>A picker of a form (a client, a signed contract) asks for the records matching what the person typed.</summary>
    protected override async Task<SearchInvokeResponse> OnSearchInvokeAsync(ITurnContext turnContext, SearchInvokeValue search, CancellationToken cancellationToken)
    {
        var turn = await SignInAsync(turnContext, cancellationToken, silent: true) ?? throw new InvokeResponseException(401);
        turn.Operation = search.Dataset is EpicEvents.Bot.Dialogs.RecordPickers.Clients or EpicEvents.Bot.Dialogs.RecordPickers.SignedContracts
            ? "bot search " + search.Dataset
            : "bot search other";
        var found = await EpicEvents.Bot.Dialogs.RecordPickers.SearchAsync(
            turn, search.Dataset ?? string.Empty, search.QueryText, search.QueryOptions?.Skip ?? 0, search.QueryOptions?.Top ?? 0, cancellationToken);
        return SearchInvokeResponse.Of(found.Select(r => new SearchResult(r.Title, r.Value)));
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var turn = await SignInAsync(turnContext, cancellationToken, silent: true);
        var words = Wording.For(turnContext.Activity.Locale);
        if (turn is null)
        {
            return AdaptiveCardInvokeResponse.Error(401, "Unauthorized", words.Bot("crmBot.notKnownEpicEventsCrm"));
        }

        var verb = invokeValue.Action?.Verb ?? string.Empty;
        if (NotificationActions.Handles(verb))
        {
            return AdaptiveCardInvokeResponse.Card(await NotificationActions.RunAsync(turn, verb, ReadData(invokeValue.Action?.Data), cancellationToken));
        }

        if (SettingsReply.Handles(verb))
        {
            return AdaptiveCardInvokeResponse.Card(await SettingsReply.SaveAsync(turn, ReadData(invokeValue.Action?.Data), cancellationToken));
        }

        if (verb is not (DialogRunner.SubmitVerb or DialogRunner.CancelVerb))
        {
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", words.Bot("crmBot.buttonNotKnown"));
        }

        var card = await Dialogs.SubmitAsync(turn, new CardSubmission(verb, ReadData(invokeValue.Action?.Data)), cancellationToken);
        return AdaptiveCardInvokeResponse.Card(card);
    }

    /// <summary>The compose box's searches (message extension): answered with results, or a message saying why not.</summary>
    protected override async Task<MessagingExtensionResponse> OnMessagingExtensionQueryAsync(ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken)
    {
        var who = await caller.IdentifyAsync(turnContext, cancellationToken, rememberConversation: false);
        return who.Actor is null
            ? MessagingExtensionResponse.Message(who.Refusal!)
            : await ComposeSearch.AnswerAsync(TurnOf(turnContext, who.Actor), query, cancellationToken);
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (PrivateChat.IsShared(turnContext.Activity))
        {
            // Added to a team or a group chat: no card, no data, only how it works.
            var words = Wording.For(turnContext.Activity.Locale);
            await turnContext.SendActivityAsync(words.Bot("crmBot.helloMEpicEventsCrm"), cancellationToken);
            return;
        }

        if (await SignInAsync(turnContext, cancellationToken) is { } turn)
        {
            await turn.SendAsync(HelpReply.Card(turn, welcome: true), turn.Words.Bot("crmBot.welcome"), cancellationToken);

            // The chat is known again (just stored): what could not reach the person without one comes now.
            var waiting = await services.GetRequiredService<Crm.Outbox.OutboxDelivery>()
                .RequeueWaitingForChatAsync(turn.Actor.Id, cancellationToken);
            if (waiting > 0)
            {
                services.GetRequiredService<OutboxSignal>().Pulse();
            }
        }
    }

    /// <summary>The person removed the app: their chat is forgotten, so that nothing is sent to it any more.</summary>
    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var who = await caller.IdentifyAsync(turnContext, cancellationToken, rememberConversation: false);
        if (who.Actor is { } actor && turnContext.Activity.Conversation?.ConversationType is null or ConversationTypes.Personal)
        {
            await services.GetRequiredService<Crm.Teams.TeamsConversations>().ForgetAsync(actor.Id, cancellationToken);
        }
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Teams sends installationUpdate and conversationUpdate on install: welcome once, on the
        // first; a conversationUpdate alone (older clients, group chats) still stores the reference.
        if (turnContext.Activity.IsRecipientAdded())
        {
            await SignInAsync(turnContext, cancellationToken, silent: true);
        }
    }

    private static async Task RunAsync(CrmTurn turn, ReadCommand read, string? after, CancellationToken cancellationToken)
    {
        turn.Operation = "bot " + read.Command.GetType().Name;
        if (read.Handler is { } handler)
        {
            await handler.RunAsync(turn, read.Command, after, cancellationToken);
            return;
        }

        var text = read.Command is BotCommand.Unknown unknown ? unknown.Text : string.Empty;
        await turn.SendAsync(HelpReply.DidYouMean(turn, text), turn.Words.Bot("crmBot.didMean"), cancellationToken);
    }

    /// <summary>The turn of a known collaborator, or null after a polite refusal (no data shown).</summary>
    private async Task<CrmTurn?> SignInAsync(ITurnContext turnContext, CancellationToken cancellationToken, bool silent = false)
    {
        var who = await caller.IdentifyAsync(turnContext, cancellationToken);
        if (who.Actor is null)
        {
            if (!silent)
            {
                await turnContext.SendActivityAsync(who.Refusal!, cancellationToken);
            }

            return null;
        }

        return TurnOf(turnContext, who.Actor);
    }

    private CrmTurn TurnOf(ITurnContext turnContext, Crm.Access.Actor actor)
    {
        CrmTelemetry.SignedIn(actor.Id);
        // The language the person chose wins over their Teams client's.
        return new CrmTurn(turnContext, actor, Wording.For(actor.Language ?? turnContext.Activity.Locale), zone, services);
    }

    private static async Task ReplaceOrSendAsync(CrmTurn turn, JsonElement card, CancellationToken cancellationToken)
    {
        if (turn.Activity.ReplyToId is { Length: > 0 } cardId)
        {
            var update = CardFactory.ToActivity(card, "form");
            update.Id = cardId;
            try
            {
                await turn.Context.UpdateActivityAsync(update, cancellationToken);
                return;
            }
            catch (Protocol.Connector.ConnectorException)
            {
                // The card cannot be changed (deleted, too old): the answer comes as a new message.
            }
        }

        await turn.SendAsync(card, "form", cancellationToken);
    }

    /// <summary>Card data as strings (inputs always arrive as strings; other values are written as JSON text).</summary>
    private static Dictionary<string, string> ReadData(JsonElement? data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is { ValueKind: JsonValueKind.Object } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return values;
    }
}
