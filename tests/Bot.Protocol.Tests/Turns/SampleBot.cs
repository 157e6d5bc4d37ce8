using System.Text.Json;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Protocol.Tests.Turns;

/// <summary>A bot exercising each dispatch path; "boom" and the verb "fail" make it throw.</summary>
public sealed class SampleBot : ActivityHandler
{
    public const string SecretFailure = "database password is hunter2";

    private int _messages;

    public int Messages => _messages;

    public List<string> Events { get; } = [];

    public static JsonElement Card(string text) =>
        JsonDocument.Parse($$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"{{text}}"}]}""").RootElement;

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _messages);
        var text = turnContext.Activity.RemoveRecipientMention();
        switch (text)
        {
            case "boom":
                throw new InvalidOperationException(SecretFailure);
            case "card":
                var sent = await turnContext.SendActivityAsync(AdaptiveCards.ToMessage(Card("v1")), cancellationToken);
                await turnContext.UpdateActivityAsync(new Activity { Id = sent.Id, Attachments = [AdaptiveCards.ToAttachment(Card("v2"))] }, cancellationToken);
                await turnContext.DeleteActivityAsync(sent.Id!, cancellationToken);
                break;
            case "whoami":
                var member = await turnContext.GetMemberAsync(turnContext.Activity.From!.Id!, cancellationToken);
                await turnContext.SendActivityAsync($"You are {member.Email}", cancellationToken);
                break;
            default:
                await turnContext.SendActivityAsync($"echo: {text}", cancellationToken);
                break;
        }
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => member.Id == turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync("Welcome", cancellationToken);
        }
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        Events.Add("installed");
        return Task.CompletedTask;
    }

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        invokeValue.Action!.Verb == "fail"
            ? throw new InvalidOperationException(SecretFailure)
            : Task.FromResult(AdaptiveCardInvokeResponse.Card(Card($"done: {invokeValue.Action.Verb}")));

    protected override Task<MessagingExtensionResponse> OnMessagingExtensionQueryAsync(
        ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(MessagingExtensionResponse.Results([AdaptiveCards.ToSearchResult(Card("Kevin"), $"found: {query.GetParameter("query")}")]));

    protected override Task<TaskModuleResponse> OnTaskModuleFetchAsync(
        ITurnContext turnContext, TaskModuleRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(TaskModuleResponse.Continue("New client", Card("form")));
}
