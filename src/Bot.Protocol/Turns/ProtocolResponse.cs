namespace EpicEvents.Bot.Protocol;

/// <summary>What the host writes back for one inbound request: a status code and, maybe, a JSON body.</summary>
public sealed record ProtocolResponse(int StatusCode, string? JsonBody = null)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static ProtocolResponse Ok { get; } = new(200);

    public static ProtocolResponse BadRequest { get; } = new(400);

    public static ProtocolResponse Unauthorized { get; } = new(401);

    public static ProtocolResponse Forbidden { get; } = new(403);
}
