namespace EpicEvents.Crm.Digests;

/// <summary>
/// A collaborator's own choice for the digest of their department: whether it comes, and at what
/// local time of day. Without one, the company's defaults (<see cref="DigestSchedule"/>) apply.
/// </summary>
public sealed class DigestPreference
{
    private DigestPreference()
    {
    }

    internal DigestPreference(int collaboratorId, DigestKind kind, bool enabled, TimeOnly at, DateTime now)
    {
        CollaboratorId = collaboratorId;
        Kind = kind;
        Change(enabled, at, now);
    }

    public int CollaboratorId { get; private set; }

    public DigestKind Kind { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>The local time of day, in minutes after midnight.</summary>
    public int AtMinute { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public TimeOnly At => DigestSchedule.TimeOf(AtMinute);

    internal void Change(bool enabled, TimeOnly at, DateTime now)
    {
        Enabled = enabled;
        AtMinute = DigestSchedule.MinuteOf(at);
        UpdatedAt = now;
    }
}

/// <summary>
/// A digest that went out — or was found empty — for one collaborator and period. Its unique key
/// (collaborator, kind, period) is what makes a digest go out once, whatever the number of bot
/// instances; the row is written in the same transaction as the outbox message that carries it.
/// </summary>
public sealed class DigestSend
{
    private DigestSend()
    {
    }

    internal DigestSend(int collaboratorId, DigestKind kind, DateOnly period, DateTime now, Outbox.OutboxMessage? message)
    {
        CollaboratorId = collaboratorId;
        Kind = kind;
        Period = period;
        CreatedAt = now;
        OutboxMessage = message;
    }

    public long Id { get; private set; }

    public int CollaboratorId { get; private set; }

    public DigestKind Kind { get; private set; }

    /// <summary>The local day (in <c>Crm:TimeZone</c>) the digest is for.</summary>
    public DateOnly Period { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The notification that carries it; null when the digest was empty and nothing was sent.</summary>
    public long? OutboxMessageId { get; private set; }

    public Outbox.OutboxMessage? OutboxMessage { get; private set; }
}
