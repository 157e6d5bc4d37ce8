using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>A user or bot on a channel (<c>from</c>, <c>recipient</c>, <c>membersAdded</c> entries).</summary>
public class ChannelAccount
{
    /// <summary>Channel id of the account: <c>29:…</c> for Teams users, <c>28:&lt;appId&gt;</c> for the bot.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The Microsoft Entra object id of a user; the stable key to a person.</summary>
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A Teams member profile as the connector's member endpoint returns it.</summary>
public sealed class TeamsChannelAccount : ChannelAccount
{
    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? TenantId { get; set; }

    public string? UserRole { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>The conversation id: <c>a:…</c> in personal chats, <c>19:…@thread.skype;messageid=…</c> in channel threads.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> (see <see cref="ConversationTypes"/>).</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
