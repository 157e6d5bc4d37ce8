using System.Data.Common;
using System.Diagnostics;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EpicEvents.Crm.Benchmarks;

/// <summary>
/// <c>digests</c>: the digests of 1 000 collaborators with Teams (every manager, then Sales and
/// Support in the company's proportions) on the 100 000-client company, queued by one look of the
/// dispatch at a Monday 17:30 in Paris, when all three kinds are due. Runs on a copy of each prepared
/// database, and prints the time, the SQL commands in all and per person, and what was queued.
/// </summary>
public static class DigestRun
{
    public const int People = 1_000;

    public static async Task RunAsync()
    {
        Console.WriteLine("| Database | People | Queued | Empty | Time | SQL commands | per person | Second look (nothing due) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var provider in Enum.GetValues<BenchProvider>())
        {
            await BenchDatabase.PrepareAsync(provider);
            var settings = await CopyAsync(provider);
            var clock = new FixedClock(NextMondayAt1730InParis());
            var counter = new CountingInterceptor();
            var services = new ServiceCollection()
                .AddSingleton<TimeProvider>(clock)
                .AddCrmCore(settings, new Auth.AuthOptions { SigningKey = new string('k', 48) })
                .ConfigureDbContext<CrmDbContext>(options => options.AddInterceptors(counter))
                .BuildServiceProvider();
            await using (services)
            {
                var linked = await LinkAsync(services);
                counter.Reset();
                var watch = Stopwatch.StartNew();
                DigestRound round;
                await using (var scope = services.CreateAsyncScope())
                {
                    round = await scope.ServiceProvider.GetRequiredService<DigestDispatch>().RunAsync();
                }

                var elapsed = watch.Elapsed;
                var commands = counter.Count;
                counter.Reset();
                watch.Restart();
                await using (var scope = services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DigestDispatch>().RunAsync();
                }

                Console.WriteLine(
                    $"| {provider} | {linked} | {round.Queued} | {round.Empty} | {elapsed.TotalSeconds:F2} s | {commands} | {(double)commands / linked:F2} | {counter.Count} commands, {watch.Elapsed.TotalMilliseconds:F0} ms |");
            }

            await DropCopyAsync(provider);
        }
    }

    /// <summary>Links every active manager and then Sales and Support collaborators in the company's proportions, 1 000 in all.</summary>
    private static async Task<int> LinkAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var staff = await db.Collaborators.AsNoTracking().Where(c => c.IsActive && !c.MustChangePassword)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Role.Department }).ToListAsync();
        var managers = staff.Where(c => c.Department == Department.Management).Select(c => c.Id).ToList();
        var sales = staff.Where(c => c.Department == Department.Sales).Select(c => c.Id).ToList();
        var support = staff.Where(c => c.Department == Department.Support).Select(c => c.Id).ToList();
        var salesShare = (People - managers.Count) * sales.Count / (sales.Count + support.Count);
        var chosen = managers.Concat(sales.Take(salesShare)).Concat(support.Take(People - managers.Count - salesShare)).ToList();
        var manager = (await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadAsync(managers[0], ChangeSource.System))!;
        var tenant = Guid.Parse("6b0cd0a4-2f5e-4c7b-9a3b-1f2e3d4c5b6a");
        foreach (var id in chosen)
        {
            await using var link = services.CreateAsyncScope();
            var result = await link.ServiceProvider.GetRequiredService<LinkTeamsIdentity>().ExecuteAsync(manager, new LinkTeamsIdentityRequest(id, tenant, Guid.NewGuid()));
            if (!result.IsOk)
            {
                throw new InvalidOperationException(result.Message?.ToString());
            }
        }

        return chosen.Count;
    }

    private static DateTimeOffset NextMondayAt1730InParis()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, paris));
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        var local = monday.ToDateTime(new TimeOnly(17, 30));
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, paris));
    }

    private static async Task<DatabaseSettings> CopyAsync(BenchProvider provider)
    {
        if (provider == BenchProvider.Sqlite)
        {
            var copy = Path.Combine(Path.GetDirectoryName(BenchDatabase.SqlitePath)!, "crm-digests.db");
            File.Copy(BenchDatabase.SqlitePath, copy, overwrite: true);
            return DatabaseSettings.SqliteFile(copy);
        }

        // The template must have no connection open, pooled ones included.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable));
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS epicevents_bench_digests", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE epicevents_bench_digests TEMPLATE epicevents_bench_{BenchDatabase.Clients}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return DatabaseSettings.PostgreSql(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = "epicevents_bench_digests" }.ConnectionString);
    }

    private static async Task DropCopyAsync(BenchProvider provider)
    {
        if (provider == BenchProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(Path.Combine(Path.GetDirectoryName(BenchDatabase.SqlitePath)!, "crm-digests.db"));
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS epicevents_bench_digests", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Counts the SQL commands EF Core sends.</summary>
    private sealed class CountingInterceptor : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
