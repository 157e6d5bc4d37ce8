using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EpicEvents.Crm.Tests.Persistence;

/// <summary>
/// The compiled models are generated code: they must describe the same tables, columns, keys and
/// indexes as the model the entity configurations build, or the program would read a stale schema.
/// After a change to an entity or its configuration, run scripts/compile-model.sh.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_SQLite_model_matches_the_entity_configurations() =>
        AssertSame(
            options => options.UseSqlite("Data Source=:memory:"),
            EpicEvents.Crm.Persistence.Compiled.Sqlite.CrmDbContextModel.Instance);

    [Fact]
    public void The_compiled_PostgreSQL_model_matches_the_entity_configurations() =>
        AssertSame(
            options => options.UseNpgsql("Host=127.0.0.1;Database=model;Username=model"),
            EpicEvents.Crm.Persistence.Compiled.PostgreSql.CrmDbContextModel.Instance);

    /// <summary>Every table, column (type, nullability, converted type, concurrency), key, foreign key and index, one line each.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            lines.Add($"table {table.Name}");
            lines.AddRange(table.Columns.Select(c =>
                $"column {table.Name}.{c.Name} {c.StoreType} null={c.IsNullable} "
                + $"stored-as={c.PropertyMappings.First().Property.GetValueConverter()?.ProviderClrType.Name} "
                + $"concurrency={c.PropertyMappings.First().Property.IsConcurrencyToken}"));
            lines.Add($"key {table.PrimaryKey?.Name} ({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            lines.AddRange(table.UniqueConstraints.Select(u => $"unique {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"foreign key {f.Name} ({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} on delete {f.OnDeleteAction}"));
            lines.AddRange(table.Indexes.Select(i => $"index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void AssertSame(Action<DbContextOptionsBuilder<CrmDbContext>> provider, IModel compiled)
    {
        var built = new DbContextOptionsBuilder<CrmDbContext>();
        provider(built);
        using var fromConfigurations = new CrmDbContext(built.Options);
        var precompiled = new DbContextOptionsBuilder<CrmDbContext>();
        provider(precompiled);
        using var fromCompiledModel = new CrmDbContext(precompiled.UseModel(compiled).Options);

        Describe(fromCompiledModel.Model).Should().Equal(Describe(fromConfigurations.Model), "the compiled model is stale: run scripts/compile-model.sh");
    }
}
