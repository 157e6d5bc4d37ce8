namespace EpicEvents.Bot.Commands;

/// <summary>
/// What a chat message asks for, once read (SPEC §5). Each command declares its own case next to its
/// handler (<see cref="Chat.ChatCommand"/>), as a nested record of this one.
/// </summary>
public abstract partial record BotCommand
{
    /// <summary>A message no command reads: answered with the closest commands.</summary>
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
