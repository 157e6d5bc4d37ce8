using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>The connector's answer to a send: the new activity's id.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The connector's answer to a conversation creation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>The body of <c>POST v3/conversations</c>.</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    public Activity? Activity { get; init; }

    public JsonElement? ChannelData { get; init; }
}

/// <summary>The Bot Framework error body: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ConnectorError? Error);

/// <summary>A connector error code and message, e.g. <c>MessageWritesBlocked</c>.</summary>
public sealed record ConnectorError(string? Code, string? Message)
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

/// <summary>The Teams-specific <c>channelData</c> of an activity.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }

    public TeamInfo? Team { get; init; }

    public ChannelInfo? Channel { get; init; }

    public string? EventType { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo(string? Id, string? Name, string? AadGroupId);

public sealed record ChannelInfo(string? Id, string? Name);
