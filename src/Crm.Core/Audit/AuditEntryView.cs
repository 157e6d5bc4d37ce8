using EpicEvents.Crm.Access;

namespace EpicEvents.Crm.Audit;

/// <summary>An audit entry as front ends show it, with the acting collaborator's name (null for the system).</summary>
public sealed record AuditEntryView(
    long Id,
    DateTime At,
    int? ActorId,
    string? ActorName,
    ChangeSource Source,
    string Action,
    AuditEntity EntityType,
    int? EntityId,
    IReadOnlyList<FieldChange> Changes);
