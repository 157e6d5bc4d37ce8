using System.Globalization;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Demo;

/// <param name="Clients">How many clients the demo company has, from 1 to 1 000 000.</param>
/// <param name="Seed">The same seed on the same day gives the same company; left null, one is drawn and reported.</param>
/// <param name="Password">The one password of every demo collaborator; <see cref="DemoDataSeeder.DefaultPassword"/> when not given.</param>
/// <param name="TemporaryPasswords">
/// Whether that password is temporary: each demo collaborator must change it at first login, so that a
/// published password opens nothing on a database others can reach.
/// </param>
/// <param name="UnsignedPercent">The share of contracts left unsigned (draft or awaiting signature), 0–100; null: the usual company's (about 27 %).</param>
public sealed record DemoDataRequest(int Clients = DemoDataSeeder.DefaultClients, int? Seed = null, string? Password = null, bool TemporaryPasswords = false, int? UnsignedPercent = null);

public enum DemoDataStage
{
    Collaborators,
    Clients,
}

/// <summary>Reported after each saved batch: <paramref name="Done"/> of <paramref name="Total"/> records of the stage.</summary>
public sealed record DemoDataProgress(DemoDataStage Stage, int Done, int Total);

/// <summary>A demo collaborator to log in as.</summary>
public sealed record DemoLogin(Department Department, string FullName, string Email);

/// <summary>What the demo company holds, how to log in to it, and how to make it again (the seed).</summary>
public sealed record DemoDataReport(
    int Seed,
    string Password,
    IReadOnlyList<DemoLogin> Logins,
    IReadOnlyDictionary<Department, int> ActiveCollaborators,
    int DeactivatedCollaborators,
    int Clients,
    IReadOnlyDictionary<ContractStatus, int> ContractsByStatus,
    int SignatureRequests,
    int Events,
    int UpcomingEvents,
    int EventsWithoutSupport,
    TimeSpan Elapsed)
{
    public int Contracts => ContractsByStatus.Values.Sum();
}

/// <summary>
/// <c>db seed-demo</c>: fills a freshly initialised database with a realistic events company of
/// the requested size — staff, clients, contracts in every status, past and upcoming events — for
/// demonstrations and load tests. It refuses a database that already holds clients, so demo data
/// never mixes with real data. The records are built by their entities' own constructors and
/// behaviour methods, then written in batches by <see cref="TableWriter{T}"/>, each batch in its own
/// transaction; a run that is cancelled or fails leaves the batches already saved, and the database
/// is then best recreated. No audit entry per row and no notification: one summary audit entry.
/// </summary>
public sealed class DemoDataSeeder(CrmDbContext db, PasswordHashing hashing, PasswordPolicy policy, TimeProvider clock)
{
    public const int DefaultClients = 50;
    public const int MaxClients = 1_000_000;
    public const string DefaultPassword = "Demo-Password-2026";

    /// <summary>
    /// Clients per transaction (with their contracts, requests and events, about 3.5 times as many
    /// rows): large enough to amortise each commit, small enough to report progress often.
    /// </summary>
    internal const int BatchSize = 2_000;

    private static readonly Failure NotInitialised =
        Failure.Conflict(DemoTexts.Text("demo.notInitialised"));

    public async Task<Result<DemoDataReport>> SeedAsync(DemoDataRequest request, IProgress<DemoDataProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var password = request.Password ?? DefaultPassword;

        // Checked against no address: every demo collaborator shares this password, whatever their email.
        var validation = new Validation()
            .Check("clients", request.Clients is < 1 or > MaxClients ? DemoTexts.Text("demo.clients.range", MaxClients) : null)
            .Check("password", policy.Check(password, string.Empty))
            .Check("unsignedPercent", request.UnsignedPercent is < 0 or > 100 ? DemoTexts.Text("demo.unsignedPercent.range") : null);
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        if (await SchemaMigrator.CurrentVersionAsync(db, cancellationToken) != SchemaMigrator.LatestVersion)
        {
            return NotInitialised;
        }

        var roles = (await db.Roles.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .Where(r => r.Department != Department.Unknown)
            .GroupBy(r => r.Department)
            .ToDictionary(g => g.Key, g => g.First());
        if (roles.Count < 3)
        {
            return NotInitialised;
        }

        if (await db.Clients.AnyAsync(cancellationToken))
        {
            return Failure.Conflict(DemoTexts.Text("demo.notEmpty"));
        }

        var started = clock.GetTimestamp();
        var seed = request.Seed ?? Random.Shared.Next();
        var takenEmails = await db.Collaborators.Select(c => c.Email).ToListAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var keys = new DemoKeys(
                await TableWriter<Collaborator>.OpenAsync(db, cancellationToken),
                await TableWriter<Client>.OpenAsync(db, cancellationToken),
                await TableWriter<Contract>.OpenAsync(db, cancellationToken),
                await TableWriter<SignatureRequest>.OpenAsync(db, cancellationToken),
                await TableWriter<Event>.OpenAsync(db, cancellationToken));

            // Dates are drawn relative to the start of the day, so that a seed gives the same company all day long.
            var company = new DemoCompany(new Random(seed), keys, clock.GetUtcNow().UtcDateTime.Date, takenEmails, request.UnsignedPercent);

            // Hashing is deliberately slow: once for everybody.
            var staff = company.HireStaff(request.Clients, roles, hashing.Hash(password), request.TemporaryPasswords);
            var saved = 0;
            foreach (var chunk in staff.Chunk(BatchSize))
            {
                await InTransactionAsync(() => keys.Collaborators.InsertAsync(chunk, cancellationToken), cancellationToken);
                saved += chunk.Length;
                progress?.Report(new DemoDataProgress(DemoDataStage.Collaborators, saved, staff.Count));
            }

            for (var done = 0; done < request.Clients;)
            {
                var batch = company.NextClients(Math.Min(BatchSize, request.Clients - done));
                await InTransactionAsync(
                    async () =>
                    {
                        await keys.Clients.InsertAsync(batch.Clients, cancellationToken);
                        await keys.Contracts.InsertAsync(batch.Contracts, cancellationToken);
                        await keys.SignatureRequests.InsertAsync(batch.SignatureRequests, cancellationToken);
                        await keys.Events.InsertAsync(batch.Events, cancellationToken);
                    },
                    cancellationToken);
                done += batch.Clients.Count;
                progress?.Report(new DemoDataProgress(DemoDataStage.Clients, done, request.Clients));
            }

            var report = new DemoDataReport(
                seed,
                password,
                [Login(Department.Management, company.Managers[0]), Login(Department.Sales, company.Sales[0]), Login(Department.Support, company.Support[0])],
                new Dictionary<Department, int>
                {
                    [Department.Management] = company.Managers.Count,
                    [Department.Sales] = company.Sales.Count,
                    [Department.Support] = company.Support.Count,
                },
                staff.Count - company.Managers.Count - company.Sales.Count - company.Support.Count,
                request.Clients,
                new Dictionary<ContractStatus, int>(company.ContractsByStatus),
                company.SignatureRequests,
                company.Events,
                company.UpcomingEvents,
                company.EventsWithoutSupport,
                clock.GetElapsedTime(started));
            await RecordAsync(report, cancellationToken);
            return report;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One audit entry for the whole company, not one per row: the trail stays readable.</summary>
    private async Task RecordAsync(DemoDataReport report, CancellationToken cancellationToken)
    {
        var changes = new FieldChanges()
            .Add<int?>("seed", null, report.Seed)
            .Add<int?>("managers", null, report.ActiveCollaborators[Department.Management])
            .Add<int?>("sales", null, report.ActiveCollaborators[Department.Sales])
            .Add<int?>("support", null, report.ActiveCollaborators[Department.Support])
            .Add<int?>("deactivatedCollaborators", null, report.DeactivatedCollaborators)
            .Add<int?>("clients", null, report.Clients);
        foreach (var (status, count) in report.ContractsByStatus)
        {
            changes.Add<int?>($"contracts{status}", null, count);
        }

        changes
            .Add<int?>("signatureRequests", null, report.SignatureRequests)
            .Add<int?>("events", null, report.Events)
            .Add<int?>("eventsWithoutSupport", null, report.EventsWithoutSupport)
            .Secret("password");
        db.Record(Actor.System, clock.GetUtcNow().UtcDateTime, "demo.seeded", AuditEntity.Client, null, changes);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DemoLogin Login(Department department, Collaborator collaborator) => new(department, collaborator.FullName, collaborator.Email);
}
