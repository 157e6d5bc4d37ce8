using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Digests;

/// <summary>What one look at the schedule did: digests queued, found empty, or already taken by another sender.</summary>
public sealed record DigestRound(int Queued, int Empty, int TakenElsewhere)
{
    public static DigestRound None { get; } = new(0, 0, 0);
}

/// <summary>
/// Queues the digests that are due: for each kind that goes out today (in <c>Crm:TimeZone</c>), each
/// active collaborator of its department with a Teams account, who has it on and whose hour has come,
/// and who has not had it today. Each digest is built as its recipient sees it; an empty one is
/// recorded and not sent. The day's row and the outbox message are written together under a unique
/// key, so a digest goes out once with any number of senders, and a sender that was down at the hour
/// sends it when it comes back the same day — not after: the next day is another period. Digests
/// are built <see cref="Parallelism"/> at a time, each in its own unit of work: a digest is a few
/// round trips to the database, and a thousand of them one after the other would wait on the
/// network more than they work.
/// </summary>
public sealed class DigestDispatch(CrmDbContext db, IServiceScopeFactory scopes, DigestSchedule schedule, TimeProvider clock)
{
    /// <summary>Digests built at once; the bot's connection pool (ADR 17) holds twice as many connections.</summary>
    public const int Parallelism = 4;

    private static readonly DigestKind[] Kinds = [DigestKind.Management, DigestKind.Support, DigestKind.Sales];

    public async Task<DigestRound> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (today, time) = schedule.LocalNow(now);
        var due = new List<(DigestKind Kind, Actor Person)>();
        foreach (var kind in Kinds)
        {
            var timing = schedule.For(kind);
            if (timing.GoesOutOn(today.DayOfWeek))
            {
                due.AddRange((await DueAsync(kind, timing, today, DigestSchedule.MinuteOf(time), cancellationToken)).Select(person => (kind, person)));
            }
        }

        var outcomes = new DigestOutcome[due.Count];
        await Parallel.ForAsync(0, due.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            outcomes[i] = await SendAsync(scope.ServiceProvider, due[i].Kind, due[i].Person, today, token);
        });
        return new DigestRound(
            outcomes.Count(o => o == DigestOutcome.Queued),
            outcomes.Count(o => o == DigestOutcome.Empty),
            outcomes.Count(o => o == DigestOutcome.TakenElsewhere));
    }

    /// <summary>
    /// Forgets the digests of days more than <paramref name="days"/> days ago: their rows have done
    /// their work (a digest goes out on its day only), and a row per person and day would otherwise
    /// pile up for ever.
    /// </summary>
    public async Task<int> ForgetOlderThanAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var before = schedule.LocalNow(clock.GetUtcNow().UtcDateTime).Day.AddDays(-days);
        return await db.DigestSends.Where(s => s.Period < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Whether the digest a delivery carries is still of today; a digest delivered the day after is dropped.</summary>
    public async Task<DigestSend?> FindCurrentAsync(long outboxMessageId, CancellationToken cancellationToken = default)
    {
        var send = await db.DigestSends.AsNoTracking().SingleOrDefaultAsync(s => s.OutboxMessageId == outboxMessageId, cancellationToken);
        return send is not null && send.Period == schedule.LocalNow(clock.GetUtcNow().UtcDateTime).Day ? send : null;
    }

    private async Task<List<Actor>> DueAsync(DigestKind kind, DigestTiming timing, DateOnly today, int minute, CancellationToken cancellationToken)
    {
        var department = kind.Audience();
        var enabledByDefault = timing.Enabled;
        var defaultMinute = DigestSchedule.MinuteOf(timing.At);
        var due = await (
                from c in db.Collaborators.AsNoTracking()
                where c.IsActive && !c.MustChangePassword && c.TeamsAadObjectId != null && c.Role.Department == department
                join p in db.DigestPreferences.Where(p => p.Kind == kind) on c.Id equals p.CollaboratorId into chosen
                from p in chosen.DefaultIfEmpty()
                where p == null ? enabledByDefault && defaultMinute <= minute : p.Enabled && p.AtMinute <= minute
                where !db.DigestSends.Any(s => s.CollaboratorId == c.Id && s.Kind == kind && s.Period == today)
                where !db.TeamsConversations.Any(t => t.CollaboratorId == c.Id && t.BlockedAt != null)
                orderby c.Id
                select new { c.Id, c.FullName, c.PreferredLanguage })
            .ToListAsync(cancellationToken);
        return due.ConvertAll(c => new Actor(c.Id, c.FullName, department, IsActive: true, MustChangePassword: false, ChangeSource.System, c.PreferredLanguage));
    }

    /// <summary>Builds one person's digest in <paramref name="services"/>' unit of work and queues it, or records it empty.</summary>
    private async Task<DigestOutcome> SendAsync(IServiceProvider services, DigestKind kind, Actor person, DateOnly today, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var digest = await services.GetRequiredService<PreviewDigest>().ExecuteAsync(person, new DigestRequest(kind), schedule.Zone, cancellationToken);
        if (!digest.IsOk)
        {
            // Refused or gone meanwhile (deactivated between the two reads): nothing to send.
            return DigestOutcome.Skipped;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        OutboxMessage? message = null;
        if (!digest.Value.IsEmpty)
        {
            message = new OutboxMessage(NotificationKind.Digest, person.Id, subjectId: 0, now);
            db.OutboxMessages.Add(message);
        }

        db.DigestSends.Add(new DigestSend(person.Id, kind, today, now, message));
        var failed = await db.TrySaveAsync(cancellationToken);
        return failed switch
        {
            { Outcome: Outcome.Conflict } => DigestOutcome.TakenElsewhere,
            not null => DigestOutcome.Skipped,
            _ => message is null ? DigestOutcome.Empty : DigestOutcome.Queued,
        };
    }

    private enum DigestOutcome
    {
        Skipped,
        Queued,
        Empty,
        TakenElsewhere,
    }
}
