using EpicEvents.Crm.Access;

namespace EpicEvents.Crm.Audit;

/// <summary>What kind of record an audit entry is about.</summary>
public enum AuditEntity
{
    Collaborator,
    Role,
    Client,
    Contract,
    Event,
    SignatureRequest,
    Notification,
}

/// <summary>One field's change; secrets are masked before they get here.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>An append-only record of one change: never updated or deleted by the application.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        Changes = [];
    }

    internal AuditEntry(DateTime at, int? actorId, ChangeSource source, string action, AuditEntity entityType, int? entityId, IReadOnlyList<FieldChange> changes)
    {
        At = at;
        ActorId = actorId;
        Source = source;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Changes = changes;
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public int? ActorId { get; private set; }

    public ChangeSource Source { get; private set; }

    /// <summary>A stable dotted name: "client.created", "contract.signed", "login.failed"…</summary>
    public string Action { get; private set; }

    public AuditEntity EntityType { get; private set; }

    public int? EntityId { get; private set; }

    public IReadOnlyList<FieldChange> Changes { get; private set; }
}
