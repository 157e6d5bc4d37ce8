using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EpicEvents.Crm.Demo;

/// <summary>
/// Inserts many new rows of one entity with multi-row INSERT statements. Columns, value
/// converters and parameter types all come from the EF model, so a row is written exactly as
/// SaveChanges would write it, without SaveChanges' per-row tracking and id round trips (seeding
/// 100 000 clients through SaveChanges, in batches, took over four times the CPU).
/// Ids are handed out here, before the entities that refer to them are built, so that their
/// constructors copy real foreign keys; the table's own id sequence is kept in step.
/// </summary>
internal sealed class TableWriter<T>
    where T : class
{
    /// <summary>
    /// Parameters per statement, measured: SQLite looks each parameter name up in a list, so its
    /// cost grows with the square of the statement's size; PostgreSQL prefers fewer, larger round trips.
    /// </summary>
    private const int SqliteParameters = 100;
    private const int PostgreSqlParameters = 2_000;

    private readonly CrmDbContext _db;
    private readonly string _table;
    private readonly string _keyColumn;
    private readonly MemberInfo _keyMember;
    private readonly Column[] _columns;
    private readonly string _insertPrefix;
    private readonly ISqlGenerationHelper _sql;
    private int _nextId;

    private TableWriter(CrmDbContext db)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        _table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        _keyColumn = key.GetColumnName();
        _keyMember = key.GetMemberInfo(forMaterialization: true, forSet: true);
        _columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(), p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToArray();
        _insertPrefix = $"INSERT INTO {_sql.DelimitIdentifier(_table)} ({string.Join(", ", _columns.Select(c => _sql.DelimitIdentifier(c.Name)))}) VALUES ";
    }

    /// <summary>A writer whose first id follows the table's id sequence, so that no id is ever reused.</summary>
    public static async Task<TableWriter<T>> OpenAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var writer = new TableWriter<T>(db);
        var next = db.Provider == DatabaseProvider.Sqlite
            ? $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{writer._table}'), 0), coalesce((SELECT max({writer._keyColumn}) FROM {writer._table}), 0)) + 1"
            : $"SELECT nextval(pg_get_serial_sequence('{writer._table}', '{writer._keyColumn}'))";
        writer._nextId = Convert.ToInt32(await writer.ScalarAsync(next, cancellationToken), CultureInfo.InvariantCulture);
        return writer;
    }

    /// <summary>Gives the new entity the next id, as the database would have.</summary>
    public TEntity Assign<TEntity>(TEntity entity)
        where TEntity : T
    {
        var id = _nextId++;
        switch (_keyMember)
        {
            case FieldInfo field:
                field.SetValue(entity, id);
                break;
            case PropertyInfo property:
                property.SetValue(entity, id);
                break;
        }

        return entity;
    }

    /// <summary>Inserts the rows in the current transaction, then moves the id sequence past them.</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var perStatement = Math.Max(1, (_db.Provider == DatabaseProvider.Sqlite ? SqliteParameters : PostgreSqlParameters) / _columns.Length);
        DbCommand? full = null;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - offset);

                // Full statements reuse one command, which SQLite prepares once.
                var command = count == perStatement ? full ??= NewInsert(count) : NewInsert(count);
                try
                {
                    Bind(command, rows, offset, count);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        // SQLite's AUTOINCREMENT follows explicit ids by itself; a PostgreSQL identity must be told.
        if (_db.Provider == DatabaseProvider.PostgreSql)
        {
            await ScalarAsync($"SELECT setval(pg_get_serial_sequence('{_table}', '{_keyColumn}'), {(_nextId - 1).ToString(CultureInfo.InvariantCulture)})", cancellationToken);
        }
    }

    private DbCommand NewInsert(int rows)
    {
        var command = NewCommand();
        var text = new StringBuilder(_insertPrefix, _insertPrefix.Length + (rows * _columns.Length * 8));
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = $"p{(row * _columns.Length) + c}";
                text.Append(c == 0 ? string.Empty : ", ").Append(_sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, _sql.GenerateParameterName(name), null, _columns[c].Nullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }

    private void Bind(DbCommand command, IReadOnlyList<T> rows, int offset, int count)
    {
        var parameters = command.Parameters;
        for (var row = 0; row < count; row++)
        {
            var entity = rows[offset + row];
            for (var c = 0; c < _columns.Length; c++)
            {
                parameters[(row * _columns.Length) + c].Value = _columns[c].ProviderValue(entity) ?? DBNull.Value;
            }
        }
    }

    private DbCommand NewCommand()
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = NewCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
    {
        private readonly ValueConverter? _converter = Mapping.Converter;

        public object? ProviderValue(T entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
