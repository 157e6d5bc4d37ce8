using System.Text.Json;
using EpicEvents.Bot.Protocol.Schema;

namespace EpicEvents.Bot.Protocol;

/// <summary>
/// A bot that dispatches each activity to a method by type (and invokes by name). Override what the
/// bot handles; everything else is ignored, and an invoke nobody handles is answered 501.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Invoke:
                turnContext.InvokeResponse ??= await InvokeAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Event:
                await OnEventActivityAsync(turnContext, cancellationToken);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken);
                break;
        }
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.MembersAdded is { Count: > 0 } added)
        {
            await OnMembersAddedAsync([.. added], turnContext, cancellationToken);
        }

        if (activity.MembersRemoved is { Count: > 0 } removed)
        {
            await OnMembersRemovedAsync([.. removed], turnContext, cancellationToken);
        }
    }

    /// <summary>Members joined; the bot itself is the member whose id is the activity's recipient id.</summary>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(IReadOnlyList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Action switch
        {
            InstallationUpdateActions.Add or InstallationUpdateActions.AddUpgrade => OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            InstallationUpdateActions.Remove or InstallationUpdateActions.RemoveUpgrade => OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Answers an invoke by name. Override to handle other invoke names; fall back to base for the rest.</summary>
    protected virtual async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        switch (activity.Name)
        {
            case InvokeNames.AdaptiveCardAction:
                var action = ReadValue<AdaptiveCardInvokeValue>(activity);
                if (action?.Action is null)
                {
                    return InvokeResponse.BadRequest(AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The action is missing."));
                }

                return InvokeResponse.Ok(await OnAdaptiveCardInvokeAsync(turnContext, action, cancellationToken));
            case InvokeNames.MessagingExtensionQuery:
                var query = ReadValue<MessagingExtensionQuery>(activity) ?? throw BadInvokeValue();
                return InvokeResponse.Ok(await OnMessagingExtensionQueryAsync(turnContext, query, cancellationToken));
            case InvokeNames.TaskFetch:
                var fetch = ReadValue<TaskModuleRequest>(activity) ?? new TaskModuleRequest();
                return InvokeResponse.Ok(await OnTaskModuleFetchAsync(turnContext, fetch, cancellationToken));
            case InvokeNames.TaskSubmit:
                var submit = ReadValue<TaskModuleRequest>(activity) ?? new TaskModuleRequest();
                return InvokeResponse.Ok(await OnTaskModuleSubmitAsync(turnContext, submit, cancellationToken));
            case InvokeNames.Search:
                var search = ReadValue<SearchInvokeValue>(activity) ?? throw BadInvokeValue();
                return InvokeResponse.Ok(await OnSearchInvokeAsync(turnContext, search, cancellationToken));
            default:
                return InvokeResponse.NotImplemented();
        }
    }

    /// <summary>An <c>Action.Execute</c> was clicked (or a card refreshed).</summary>
    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        throw new InvokeResponseException(501);

    /// <summary>The user typed in the message extension's search box.</summary>
    protected virtual Task<MessagingExtensionResponse> OnMessagingExtensionQueryAsync(
        ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken) =>
        throw new InvokeResponseException(501);

    /// <summary>A typeahead choice set asks for the choices matching what the person typed.</summary>
    protected virtual Task<SearchInvokeResponse> OnSearchInvokeAsync(
        ITurnContext turnContext, SearchInvokeValue search, CancellationToken cancellationToken) =>
        throw new InvokeResponseException(501);

    protected virtual Task<TaskModuleResponse> OnTaskModuleFetchAsync(
        ITurnContext turnContext, TaskModuleRequest request, CancellationToken cancellationToken) =>
        throw new InvokeResponseException(501);

    protected virtual Task<TaskModuleResponse> OnTaskModuleSubmitAsync(
        ITurnContext turnContext, TaskModuleRequest request, CancellationToken cancellationToken) =>
        throw new InvokeResponseException(501);

    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<InvokeResponse> InvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await OnInvokeActivityAsync(turnContext, cancellationToken);
        }
        catch (InvokeResponseException exception)
        {
            return exception.ToInvokeResponse();
        }
    }

    private static T? ReadValue<T>(Activity activity)
    {
        try
        {
            return activity.GetValue<T>();
        }
        catch (JsonException exception)
        {
            throw BadInvokeValue(exception);
        }
    }

    private static InvokeResponseException BadInvokeValue(Exception? inner = null) =>
        new(400, message: inner?.Message ?? "The invoke value is missing or malformed.");
}
