using EpicEvents.Crm;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Demo;
using EpicEvents.Crm.Setup;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EpicEvents.Bench.Outbox;

/// <summary>
/// The company of one run, on its own PostgreSQL database: the schema and a small demo company
/// through Crm.Core, then, in three statements, the recipients — Sales collaborators linked to Teams
/// accounts of one tenant, each with a stored 1:1 chat with the bot behind the loopback connector —
/// and one pending notification each (their client's event has a support contact).
/// </summary>
public static class BenchCompany
{
    public const string Tenant = "5a1e0c8b-7d3f-4e2a-9b6c-0f1e2d3c4b5a";

    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateDatabaseAsync(string admin)
    {
        var name = "outbox_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE template0");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return (connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    public static async Task PrepareAsync(string connectionString, string connectorUrl, int recipients)
    {
        await using (var services = new ServiceCollection()
                         .AddCrmCore(DatabaseSettings.PostgreSql(connectionString), new AuthOptions { SigningKey = new string('k', 48) })
                         .AddCrmDemo()
                         .BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var init = await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().InitializeAsync(new DatabaseInitRequest());
            Check(init.IsOk, init.Message?.ToString());
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(new DemoDataRequest(Clients: 5, Seed: 1));
            Check(seeded.IsOk, seeded.Message?.ToString());
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO collaborators (employee_number, full_name, email, password_hash, must_change_password, role_id, is_active,
                                               created_at, updated_at, teams_tenant_id, teams_aad_object_id, security_stamp)
                    SELECT 'EE-' || (900000 + g), 'Bench Recipient ' || g, 'bench.recipient.' || g || '@epicevents.test', 'no password', false,
                           (SELECT id FROM roles WHERE department = 'sales' ORDER BY id LIMIT 1), true, now(), now(),
                           $1::uuid, (lpad(to_hex(g), 8, '0') || '-be0c-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, md5(g::text)
                    FROM generate_series(1, $2) AS g
                    """)
                {
                    Parameters = { new() { Value = Tenant }, new() { Value = recipients } },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO teams_conversations (collaborator_id, service_url, channel_id, conversation_id, conversation_type, tenant_id,
                                                     bot_id, bot_name, user_id, aad_object_id, locale, updated_at)
                    SELECT c.id, $1, 'msteams', 'a:bench-' || c.id, 'personal', $2, '28:epicevents-bench-bot', 'Epic Events',
                           '29:' || replace(c.teams_aad_object_id::text, '-', ''), c.teams_aad_object_id::text, 'en-US', now()
                    FROM collaborators c WHERE c.email LIKE 'bench.recipient.%'
                    """)
                {
                    Parameters = { new() { Value = connectorUrl }, new() { Value = Tenant } },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO outbox_messages (kind, recipient_id, subject_id, created_at, idempotency_key, state, attempts, next_attempt_at)
                    SELECT 'SupportAssignedToYourClient', c.id, (SELECT min(id) FROM events WHERE support_contact_id IS NOT NULL),
                           now(), gen_random_uuid(), 'Pending', 0, now()
                    FROM collaborators c WHERE c.email LIKE 'bench.recipient.%' ORDER BY c.id
                    """),
                new NpgsqlBatchCommand("ANALYZE"),
            },
        };
        await batch.ExecuteNonQueryAsync();
    }

    private static void Check(bool ok, string? message)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Preparing the bench company failed: {message}");
        }
    }

    private static async Task ExecuteAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
