using System.Text.Json;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EpicEvents.Crm.Persistence;

// The converters are classes with a parameterless constructor so that the compiled models
// (Persistence/Compiled) can create them without reaching into private state.

/// <summary>Timestamps are stored in UTC and read back marked as UTC.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Money as integer cents, for SQLite, which has no decimal type.</summary>
internal sealed class CentsConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);

/// <summary>A department stored as "management"/"sales"/"support"; anything else reads back as Unknown, which has no rights.</summary>
internal sealed class DepartmentConverter() : ValueConverter<Department, string>(
    d => d.Key(),
    text => DepartmentNames.ParseOrUnknown(text));

/// <summary>The fields an audit entry changed, as a JSON array.</summary>
internal sealed class FieldChangesConverter() : ValueConverter<IReadOnlyList<FieldChange>, string>(
    changes => JsonSerializer.Serialize(changes, JsonSerializerOptions.Web),
    text => JsonSerializer.Deserialize<List<FieldChange>>(text, JsonSerializerOptions.Web) ?? new List<FieldChange>());

internal sealed class FieldChangesComparer() : ValueComparer<IReadOnlyList<FieldChange>>(
    (a, b) => a!.SequenceEqual(b!),
    list => list.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)),
    list => list.ToList());
