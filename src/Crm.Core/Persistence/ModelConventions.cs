using System.Text;
using EpicEvents.Crm.Common;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// Conventions shared by every entity: snake_case names, UTC timestamps, money as
/// <c>numeric(12,2)</c> on PostgreSQL and integer cents on SQLite (which has no decimal type), and
/// the version column as the concurrency token.
/// </summary>
internal static class ModelConventions
{
    private static readonly UtcConverter Utc = new();

    private static readonly CentsConverter Cents = new();

    public static void Apply(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(Utc);
                }
                else if (property.ClrType == typeof(decimal))
                {
                    if (provider == DatabaseProvider.Sqlite)
                    {
                        property.SetValueConverter(Cents);
                    }
                    else
                    {
                        property.SetPrecision(12);
                        property.SetScale(2);
                    }
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(SnakeCase(foreignKey.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
            }

            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
