using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>
/// One test's company: a fresh database with the default roles and two collaborators per
/// department, the real service registrations of Crm.Core, and a clock the test controls.
/// </summary>
public sealed class CrmWorld : IAsyncDisposable
{
    public const string StaffPassword = "Correct-Horse-42";

    private static readonly Lazy<string> StaffPasswordHash = new(() => new PasswordHashing(TestAuth.Options).Hash(StaffPassword));

    private readonly ServiceProvider _services;

    private CrmWorld(TestDatabase database, ServiceProvider services, TestClock clock)
    {
        Database = database;
        _services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; }

    /// <summary>The SQL commands the use cases resolved through <see cref="Get{T}"/> have sent.</summary>
    public CommandCounter Commands { get; private init; } = null!;

    public Actor Manager { get; private set; } = null!;

    public Actor Manager2 { get; private set; } = null!;

    public Actor Sales { get; private set; } = null!;

    public Actor Sales2 { get; private set; } = null!;

    public Actor Support { get; private set; } = null!;

    public Actor Support2 { get; private set; } = null!;

    public IReadOnlyDictionary<Department, int> RoleIds { get; private set; } = new Dictionary<Department, int>();

    /// <param name="configure">Extra registrations, e.g. a logger provider that records what is logged.</param>
    public static async Task<CrmWorld> CreateAsync<TDatabase>(Action<IServiceCollection>? configure = null)
        where TDatabase : IDatabaseKind
    {
        var database = await TDatabase.CreateAsync();
        var clock = new TestClock();
        var commands = new CommandCounter();
        var collection = new ServiceCollection();
        configure?.Invoke(collection);
        var services = collection
            .AddSingleton<TimeProvider>(clock)
            .AddCrmCore(database.Settings, TestAuth.Options)
            .ConfigureDbContext<CrmDbContext>(options => options.AddInterceptors(commands))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var world = new CrmWorld(database, services, clock) { Commands = commands };
        await world.SeedStaffAsync();
        return world;
    }

    /// <summary>A use case from a fresh scope, as a front end would resolve it for one command.</summary>
    public T Get<T>()
        where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>A new unit of work for reading what was saved.</summary>
    public CrmDbContext NewContext() => Database.NewContext();

    /// <summary>
    /// How the database would run <paramref name="text"/> with these parameters (SQLite's
    /// <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's <c>EXPLAIN</c>). On a few rows PostgreSQL would rightly
    /// scan a table: there <paramref name="postgresSettings"/> (e.g. <c>SET enable_seqscan = off</c>)
    /// asks whether an index can serve the query at all.
    /// </summary>
    public async Task<string> QueryPlanAsync(string text, IReadOnlyList<(string Name, object? Value)> parameters, string postgresSettings)
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        if (!sqlite)
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = postgresSettings;
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + text;
        foreach (var (name, value) in parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }

        var plan = new System.Text.StringBuilder();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetValue(reader.FieldCount - 1)?.ToString());
        }

        return plan.ToString();
    }

    public async Task<Actor> AddCollaboratorAsync(string name, Department department, bool active = true)
    {
        await using var db = NewContext();
        var role = await db.Roles.SingleAsync(r => r.Id == RoleIds[department]);
        var email = $"{FieldRules.SearchKey(name).Replace(' ', '.')}.{Guid.NewGuid().ToString("N")[..6]}@epicevents.test";
        var collaborator = new Collaborator(name, email, role, StaffPasswordHash.Value, Clock.UtcNow);
        collaborator.SetOwnPassword(StaffPasswordHash.Value, Clock.UtcNow);
        db.Collaborators.Add(collaborator);
        await db.SaveChangesAsync();
        collaborator.AssignEmployeeNumber();
        if (!active)
        {
            collaborator.Deactivate(Clock.UtcNow);
        }

        await db.SaveChangesAsync();
        return new Actor(collaborator.Id, name, department, active, MustChangePassword: false, ChangeSource.Cli);
    }

    public async Task<string> EmailOfAsync(Actor actor)
    {
        await using var db = NewContext();
        return await db.Collaborators.Where(c => c.Id == actor.Id).Select(c => c.Email).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task SeedStaffAsync()
    {
        await using (var db = NewContext())
        {
            var roles = new Dictionary<Department, int>();
            foreach (var department in new[] { Department.Management, Department.Sales, Department.Support })
            {
                var role = new Role(department.Key(), department);
                db.Roles.Add(role);
                await db.SaveChangesAsync();
                roles[department] = role.Id;
            }

            RoleIds = roles;
        }

        Manager = await AddCollaboratorAsync("Marie Gestion", Department.Management);
        Manager2 = await AddCollaboratorAsync("Marc Direction", Department.Management);
        Sales = await AddCollaboratorAsync("Sophie Commerciale", Department.Sales);
        Sales2 = await AddCollaboratorAsync("Samuel Ventes", Department.Sales);
        Support = await AddCollaboratorAsync("Sarah Support", Department.Support);
        Support2 = await AddCollaboratorAsync("Simon Technique", Department.Support);
    }
}
