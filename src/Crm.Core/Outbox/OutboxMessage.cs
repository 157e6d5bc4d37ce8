using EpicEvents.Crm.Collaborators;

namespace EpicEvents.Crm.Outbox;

/// <summary>What a notification tells its recipient.</summary>
public enum NotificationKind
{
    /// <summary>A manager is asked to approve or reject a signature request.</summary>
    SignatureRequested,

    /// <summary>The requester learns the decision on a signature request.</summary>
    SignatureDecided,

    /// <summary>A support collaborator is assigned to an event.</summary>
    SupportAssigned,

    /// <summary>The previous support collaborator of an event is unassigned.</summary>
    SupportUnassigned,

    /// <summary>The client's sales contact learns who supports the event.</summary>
    SupportAssignedToYourClient,

    /// <summary>
    /// A manager's approval card, already sent, is updated in place to show the decision (or the
    /// withdrawal) once a request is closed.
    /// </summary>
    ApprovalCardUpdate,

    /// <summary>
    /// A collaborator's digest of the day (or week); the digest send that carries it says which one
    /// and for what day, and the card is built when it is delivered.
    /// </summary>
    Digest,
}

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,
    Undeliverable,
}

/// <summary>
/// A notification that must reach one collaborator, written in the same transaction as the change
/// that causes it. How it is delivered is the front end's business; the state columns let a sender
/// retry and let Management see what failed.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Recipient = null!;
    }

    internal OutboxMessage(NotificationKind kind, int recipientId, int subjectId, DateTime now)
    {
        Kind = kind;
        RecipientId = recipientId;
        Recipient = null!;
        SubjectId = subjectId;
        CreatedAt = now;
        NextAttemptAt = now;
        IdempotencyKey = Guid.NewGuid();
        State = DeliveryState.Pending;
        TraceParent = Telemetry.CrmTelemetry.CurrentTraceParent();
    }

    public long Id { get; private set; }

    public NotificationKind Kind { get; private set; }

    public int RecipientId { get; private set; }

    public Collaborator Recipient { get; private set; }

    /// <summary>The signature request id or the event id the notification is about.</summary>
    public int SubjectId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Sent with the message so that a receiver can drop a duplicate after a crash.</summary>
    public Guid IdempotencyKey { get; private set; }

    public DeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the command or turn that wrote the message, when it was traced,
    /// so that the delivery continues the same trace.
    /// </summary>
    public string? TraceParent { get; private set; }

    /// <summary>Set while a sender holds the message; another sender skips it until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimToken { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>The Bot Connector the message went through, with <see cref="ConversationId"/> and <see cref="ActivityId"/>: where to update it later.</summary>
    public string? ServiceUrl { get; private set; }

    public string? ConversationId { get; private set; }

    public string? ActivityId { get; private set; }

    /// <summary>Back in the queue after a failure, for a fresh series of attempts.</summary>
    internal void Requeue(DateTime now)
    {
        State = DeliveryState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        ClaimToken = null;
        ClaimedUntil = null;
    }
}
