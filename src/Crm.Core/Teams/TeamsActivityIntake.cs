using System.Data.Common;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Telemetry;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EpicEvents.Crm.Teams;

/// <summary>The Teams account behind an activity, as the Bot Framework's token vouches for it.</summary>
public sealed record TeamsSender(Guid TenantId, Guid AadObjectId);

/// <summary>A collaborator's stored 1:1 conversation reference, and whether Teams said they blocked the bot.</summary>
public sealed record StoredTeamsConversation(TeamsConversationReference Reference, bool Blocked);

/// <summary>
/// What the bot must know before it answers an activity: whether this is its first delivery, who sent
/// it (the linked collaborator as stored at this moment: <see cref="TeamsIdentificationOutcome.Linked"/>,
/// <see cref="TeamsIdentificationOutcome.Inactive"/> or <see cref="TeamsIdentificationOutcome.Unknown"/>)
/// and the conversation reference stored for that collaborator.
/// </summary>
public sealed record TeamsIntake(TeamsSender? Sender, bool FirstDelivery, TeamsIdentification Identification, StoredTeamsConversation? Conversation);

/// <summary>
/// The start of every bot turn in one database round trip: the activity id goes into the ledger
/// (insert-if-absent, so that of two deliveries — on one instance or two — only one is first) and, in
/// the same statement, the sender's linked collaborator and stored conversation reference are read.
/// Nothing is cached: a deactivation, a role change or a new link applies to the next activity.
/// Plain ADO.NET with prepared statements rather than EF Core: this runs on every message, and a
/// context, a LINQ query and three round trips cost several times the work itself.
/// </summary>
public sealed class TeamsActivityIntake : IAsyncDisposable
{
    private const string Columns =
        "c.id, c.full_name, r.department, c.is_active, c.must_change_password, "
        + "t.service_url, t.channel_id, t.conversation_id, t.conversation_type, t.tenant_id, t.bot_id, t.bot_name, t.user_id, t.aad_object_id, t.locale, "
        + "t.blocked_at IS NOT NULL, c.preferred_language";

    // One statement on PostgreSQL: the insert's outcome and the lookup come back in one row.
    private const string PostgresAdmit =
        "WITH recorded AS (INSERT INTO processed_activities (activity_id, received_at) VALUES ($1, $2) ON CONFLICT (activity_id) DO NOTHING RETURNING 1) "
        + "SELECT " + Columns + ", (SELECT count(*) FROM recorded)::integer "
        + "FROM (VALUES (1)) AS one (x) "
        + "LEFT JOIN (collaborators c JOIN roles r ON r.id = c.role_id) ON c.teams_tenant_id = $3 AND c.teams_aad_object_id = $4 "
        + "LEFT JOIN teams_conversations t ON t.collaborator_id = c.id";

    private const string PostgresRead =
        "SELECT " + Columns + " FROM collaborators c JOIN roles r ON r.id = c.role_id "
        + "LEFT JOIN teams_conversations t ON t.collaborator_id = c.id "
        + "WHERE c.teams_tenant_id = $1 AND c.teams_aad_object_id = $2";

    // SQLite runs in process: two statements on one connection cost no round trip.
    private const string SqliteRecord =
        "INSERT INTO processed_activities (activity_id, received_at) VALUES ($id, $at) ON CONFLICT (activity_id) DO NOTHING";

    private const string SqliteRead =
        "SELECT " + Columns + " FROM collaborators c JOIN roles r ON r.id = c.role_id "
        + "LEFT JOIN teams_conversations t ON t.collaborator_id = c.id "
        + "WHERE c.teams_tenant_id = $tenant AND c.teams_aad_object_id = $aad";

    private static readonly TeamsIdentification Unknown = new(TeamsIdentificationOutcome.Unknown, null);

    private readonly DatabaseSettings _database;
    private readonly TimeProvider _clock;
    private readonly Lazy<NpgsqlDataSource>? _postgres;

    public TeamsActivityIntake(DatabaseSettings database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        if (database.IsPostgreSql)
        {
            // This service's statements change no session state, so a pooled connection needs no reset.
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { NoResetOnClose = true };
            _postgres = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(connection.ConnectionString));
        }
    }

    /// <summary>
    /// Records <paramref name="activityKey"/> in the ledger and identifies <paramref name="sender"/> (when
    /// known). <see cref="TeamsIntake.FirstDelivery"/> is false when the key was recorded before, by
    /// this instance or another. A key Teams could not have sent (blank, oversized) throws
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<TeamsIntake> AdmitAsync(string activityKey, TeamsSender? sender, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityKey);
        if (activityKey.Length > Limits.ActivityId)
        {
            throw new ArgumentException($"An activity id has at most {Limits.ActivityId} characters.", nameof(activityKey));
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        if (_postgres is not null)
        {
            await using var connection = await _postgres.Value.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(PostgresAdmit, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = activityKey });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
            AddSender(command, sender);
            await command.PrepareAsync(cancellationToken);
            using var span = DatabaseSpans.Start(command, "INSERT");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new TeamsIntake(sender, reader.GetInt32(17) == 1, Identification(reader), Conversation(reader));
        }

        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new SqliteCommand(SqliteRecord, connection);
            command.Parameters.AddWithValue("$id", activityKey);
            command.Parameters.AddWithValue("$at", now);
            using var span = DatabaseSpans.Start(command, "INSERT");
            var first = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            return sender is null
                ? new TeamsIntake(null, first, Unknown, null)
                : await ReadSqliteAsync(connection, sender, first, cancellationToken);
        }
    }

    /// <summary>Identifies <paramref name="sender"/> without touching the ledger (turns that did not come through it).</summary>
    public async Task<TeamsIntake> ReadAsync(TeamsSender sender, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (_postgres is not null)
        {
            await using var connection = await _postgres.Value.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(PostgresRead, connection);
            AddSender(command, sender);
            await command.PrepareAsync(cancellationToken);
            using var span = DatabaseSpans.Start(command, "SELECT");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new TeamsIntake(sender, true, Identification(reader), Conversation(reader))
                : new TeamsIntake(sender, true, Unknown, null);
        }

        await using var sqlite = new SqliteConnection(_database.ConnectionString);
        await sqlite.OpenAsync(cancellationToken);
        return await ReadSqliteAsync(sqlite, sender, true, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is { IsValueCreated: true })
        {
            await _postgres.Value.DisposeAsync();
        }
    }

    private static void AddSender(NpgsqlCommand command, TeamsSender? sender)
    {
        // No sender: the lookup matches nobody, the ledger insert still runs.
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = sender?.TenantId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = sender?.AadObjectId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
    }

    private static async Task<TeamsIntake> ReadSqliteAsync(SqliteConnection connection, TeamsSender sender, bool first, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(SqliteRead, connection);
        // EF Core keeps GUIDs in SQLite as upper-case text.
        command.Parameters.AddWithValue("$tenant", sender.TenantId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$aad", sender.AadObjectId.ToString().ToUpperInvariant());
        using var span = DatabaseSpans.Start(command, "SELECT");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TeamsIntake(sender, first, Identification(reader), Conversation(reader))
            : new TeamsIntake(sender, first, Unknown, null);
    }

    private static TeamsIdentification Identification(DbDataReader row)
    {
        if (row.IsDBNull(0))
        {
            return Unknown;
        }

        var actor = new Actor(
            row.GetInt32(0),
            row.GetString(1),
            DepartmentNames.ParseOrUnknown(row.GetString(2)),
            row.GetBoolean(3),
            row.GetBoolean(4),
            ChangeSource.Bot,
            row.IsDBNull(16) ? null : row.GetString(16));
        return actor.IsActive
            ? new TeamsIdentification(TeamsIdentificationOutcome.Linked, actor)
            : new TeamsIdentification(TeamsIdentificationOutcome.Inactive, null);
    }

    private static StoredTeamsConversation? Conversation(DbDataReader row)
    {
        if (row.IsDBNull(5))
        {
            return null;
        }

        string? Optional(int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
        var reference = new TeamsConversationReference(
            row.GetString(5), row.GetString(6), row.GetString(7), row.GetString(8), row.GetString(9),
            row.GetString(10), Optional(11), row.GetString(12), Optional(13), Optional(14));
        return new StoredTeamsConversation(reference, row.GetBoolean(15));
    }
}
