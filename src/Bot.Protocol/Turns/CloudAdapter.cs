using System.Text.Json;
using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EpicEvents.Bot.Protocol;

/// <summary>
/// The turn pipeline for requests from the Bot Connector, independent of any web framework:
/// parse → authenticate → drop redeliveries → run the bot → answer. What the bot sends during the
/// turn goes to the connector (as in the real protocol); only an invoke's answer is in the response.
/// </summary>
public class CloudAdapter(
    InboundRequestAuthenticator authenticator,
    ConnectorClientFactory connectors,
    IActivityDeduplicator deduplicator,
    IOptions<BotProtocolOptions> options,
    ILogger<CloudAdapter> logger)
    : BotAdapter(logger, options.Value.TurnErrorMessage)
{
    /// <summary>
    /// Handles one <c>POST /api/messages</c>. Statuses: 400 for a body that is not an activity, 401 for
    /// a refused token, 200 for everything handled (including a turn that failed after the user was told,
    /// and a redelivered activity), an invoke's own status with its JSON body.
    /// </summary>
    public async Task<ProtocolResponse> ProcessAsync(string? authorizationHeader, Stream body, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(bot);

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(body, ProtocolJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            ProtocolLog.MalformedActivity(Logger, exception.Message);
            return ProtocolResponse.BadRequest;
        }

        if (Problem(activity) is { } problem)
        {
            ProtocolLog.MalformedActivity(Logger, problem);
            return ProtocolResponse.BadRequest;
        }

        var authentication = await authenticator.AuthenticateAsync(authorizationHeader, activity!.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!authentication.Succeeded)
        {
            ProtocolLog.RequestRefused(Logger, authentication.Failure.ToString(), authentication.Reason);
            return ProtocolResponse.Unauthorized;
        }

        if (Refusal(activity) is { } refusal)
        {
            // Before the deduplicator and the bot: nothing of a refused activity is stored.
            ProtocolLog.ActivityRefused(Logger, activity.Id, refusal);
            return ProtocolResponse.Forbidden;
        }

        var turnContext = new TurnContext(this, activity);
        if (!string.IsNullOrEmpty(activity.Id)
            && !await deduplicator.TryMarkAsSeenAsync($"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}", turnContext, cancellationToken))
        {
            ProtocolLog.DuplicateActivity(Logger, activity.Id, activity.Type);
            return ProtocolResponse.Ok;
        }

        var invokeResponse = await RunTurnAsync(turnContext, bot.OnTurnAsync, cancellationToken);
        return invokeResponse is null
            ? ProtocolResponse.Ok
            : new ProtocolResponse(invokeResponse.Status, invokeResponse.Body is { } answer ? Serialize(answer) : null);
    }

    public override Task<ResourceResponse> SendActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activity);
        var connector = ConnectorFor(turnContext, activity);
        var conversationId = ConversationIdOf(activity);
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? connector.SendToConversationAsync(conversationId, activity, cancellationToken: cancellationToken)
            : connector.ReplyToActivityAsync(conversationId, activity.ReplyToId, activity, cancellationToken: cancellationToken);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id, nameof(activity));
        return ConnectorFor(turnContext, activity).UpdateActivityAsync(ConversationIdOf(activity), activity.Id, activity, cancellationToken);
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return ConnectorFor(turnContext, turnContext.Activity)
            .DeleteActivityAsync(ConversationIdOf(turnContext.Activity), activityId, cancellationToken);
    }

    public override Task<TeamsChannelAccount> GetMemberAsync(ITurnContext turnContext, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return ConnectorFor(turnContext, turnContext.Activity)
            .GetConversationMemberAsync(ConversationIdOf(turnContext.Activity), userId, cancellationToken);
    }

    public override async Task<ConversationReference> CreatePersonalConversationAsync(
        string serviceUrl, string tenantId, ChannelAccount bot, ChannelAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(user);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Members = [new ChannelAccount { Id = user.Id }],
            TenantId = tenantId,
            ChannelData = ProtocolJson.ToElement(new TeamsChannelData { Tenant = new TenantInfo(tenantId) }),
        };

        // Teams returns the existing 1:1 chat when asked again, so an unknown outcome may be retried.
        var created = await connectors.Create(serviceUrl, tenantId)
            .CreateConversationAsync(parameters, retryWhenOutcomeUnknown: true, cancellationToken);
        return new ConversationReference
        {
            Bot = bot,
            User = user,
            Conversation = new ConversationAccount { Id = created.Id, ConversationType = ConversationTypes.Personal, TenantId = tenantId },
            ChannelId = Channels.MsTeams,
            ServiceUrl = serviceUrl,
        };
    }

    /// <summary>Why an authenticated activity is still not served: another channel, or two tenants named.</summary>
    private string? Refusal(Activity activity)
    {
        if (options.Value.AllowedChannels is { } channels && !channels.Contains(activity.ChannelId ?? string.Empty, StringComparer.Ordinal))
        {
            return $"channel '{activity.ChannelId}' is not served";
        }

        TeamsChannelData? channelData;
        try
        {
            channelData = activity.GetTeamsChannelData();
        }
        catch (JsonException)
        {
            return "channelData is not Teams channel data";
        }

        return activity.Conversation?.TenantId is { Length: > 0 } conversationTenant
            && channelData?.Tenant?.Id is { Length: > 0 } channelTenant
            && !string.Equals(conversationTenant, channelTenant, StringComparison.OrdinalIgnoreCase)
            ? "conversation.tenantId and channelData.tenant.id differ"
            : null;
    }

    private ConnectorClient ConnectorFor(ITurnContext turnContext, Activity activity)
    {
        var serviceUrl = activity.ServiceUrl ?? turnContext.Activity.ServiceUrl
            ?? throw new InvalidOperationException("The activity has no service URL to send to.");
        return connectors.Create(serviceUrl, activity.GetTenantId() ?? turnContext.Activity.GetTenantId());
    }

    private static string ConversationIdOf(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("The activity names no conversation.");

    private static string? Problem(Activity? activity)
    {
        if (activity is null)
        {
            return "the body is not a JSON object";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "the activity has no type";
        }

        if (!ConnectorClientFactory.TryParseServiceUrl(activity.ServiceUrl, out _))
        {
            return "the activity has no absolute http(s) serviceUrl";
        }

        return string.IsNullOrEmpty(activity.Conversation?.Id) ? "the activity names no conversation" : null;
    }

    private static string Serialize(object body) => JsonSerializer.Serialize(body, body.GetType(), ProtocolJson.Options);
}
