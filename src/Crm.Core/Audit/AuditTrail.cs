using EpicEvents.Crm.Access;
using EpicEvents.Crm.Persistence;

namespace EpicEvents.Crm.Audit;

/// <summary>
/// Adds audit entries to the unit of work, so that they are saved in the same transaction as the
/// change they describe.
/// </summary>
internal static class AuditTrail
{
    public const string Masked = "***";

    public static void Record(this CrmDbContext db, Actor actor, DateTime at, string action, AuditEntity entity, int? entityId, FieldChanges? changes = null) =>
        db.AuditEntries.Add(new AuditEntry(at, actor.AuditId, actor.Source, action, entity, entityId, changes?.ToList() ?? []));
}

/// <summary>The fields a change touched, old → new; unchanged fields are left out, secrets masked.</summary>
internal sealed class FieldChanges
{
    private readonly List<FieldChange> _changes = [];

    public bool Any => _changes.Count > 0;

    public FieldChanges Add<T>(string field, T? old, T? @new)
    {
        if (!EqualityComparer<T>.Default.Equals(old, @new))
        {
            _changes.Add(new FieldChange(field, Format(old), Format(@new)));
        }

        return this;
    }

    public FieldChanges Secret(string field)
    {
        _changes.Add(new FieldChange(field, AuditTrail.Masked, AuditTrail.Masked));
        return this;
    }

    public IReadOnlyList<FieldChange> ToList() => _changes.ToArray();

    private static string? Format<T>(T? value) => value switch
    {
        null => null,
        DateTime at => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        decimal amount => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
