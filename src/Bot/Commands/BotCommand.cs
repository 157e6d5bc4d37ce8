namespace EpicEvents.Bot.Commands;

/// <summary>What a chat message asks for, once read (SPEC §5).</summary>
public abstract record BotCommand
{
    public sealed record Help : BotCommand;

    public sealed record Cancel : BotCommand;

    public sealed record NewClient : BotCommand;

    public sealed record NewContract(int? ClientId = null) : BotCommand;

    public sealed record NewEvent(int? ContractId = null) : BotCommand;

    public sealed record Clients(string? Search, bool Mine) : BotCommand;

    public sealed record ShowClient(int Id) : BotCommand;

    public sealed record Contracts(ContractList Which) : BotCommand;

    public sealed record ShowContract(int Id) : BotCommand;

    /// <summary>"sign 7": Management signs; Sales asks Management to sign.</summary>
    public sealed record Sign(int ContractId) : BotCommand;

    public sealed record RequestSignature(int ContractId) : BotCommand;

    public sealed record Events(EventList Which, int? Days) : BotCommand;

    public sealed record ShowEvent(int Id) : BotCommand;

    /// <summary>"assign 3 to Sue" — <see cref="Who"/> is a name or an email; empty asks with a card.</summary>
    public sealed record Assign(int EventId, string? Who) : BotCommand;

    public sealed record Update(RecordKind Kind, int Id) : BotCommand;

    public sealed record History(RecordKind Kind, int Id) : BotCommand;

    /// <summary>"notifications [failed]": Management sees the delivery state of notifications.</summary>
    public sealed record Notifications(bool FailedOnly) : BotCommand;

    /// <summary>"language fr|en|auto": the language the bot speaks to the person in; null follows their Teams client.</summary>
    public sealed record ChooseLanguage(string? Language) : BotCommand;

    /// <summary>"settings": one's digest on or off and its hour, and the bot's language, as a card.</summary>
    public sealed record Settings : BotCommand;

    public sealed record Unknown(string Text) : BotCommand;
}

public enum ContractList
{
    Unsigned,
    Unpaid,

    /// <summary>Waiting for Management's signature: the requests to decide.</summary>
    Pending,
}

public enum EventList
{
    Unassigned,
    Mine,
    Upcoming,
}

public enum RecordKind
{
    Client,
    Contract,
    Event,
}
