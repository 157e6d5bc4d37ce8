using System.Data.Common;
using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EpicEvents.Bot.Hosting;

/// <summary>What <c>/readyz</c> answers: each condition of serving, and whether all hold.</summary>
public sealed record ReadinessReport(string Status, string Database, int? SchemaVersion, int ExpectedSchemaVersion, string SigningKeys)
{
    public bool IsReady => Status == "ready";
}

/// <summary>
/// Whether this instance can serve: the database answers, its schema is the version this build
/// expects, and (outside local mode) the Bot Framework signing keys are loaded. Turns and API calls
/// wait for the schema only: until it is current they get 503 and the log says to run
/// <c>epicevents db migrate</c>. A current schema is remembered (schemas only move forward); a wrong
/// one is checked again every few seconds at most, however many requests arrive.
/// </summary>
public sealed class Readiness(IServiceScopeFactory scopes, TrustedIssuers issuers, IOptions<BotProtocolOptions> protocol, TimeProvider clock, ILogger<Readiness> logger)
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _schemaCurrent;
    private (string Database, int? Version) _last = ("not checked", null);
    private long? _checkedAt;
    private long? _warnedAt;

    /// <summary>True once the database answers with the schema this build expects.</summary>
    public async ValueTask<bool> SchemaIsCurrentAsync(CancellationToken cancellationToken)
    {
        if (_schemaCurrent)
        {
            return true;
        }

        await CheckSchemaAsync(force: false, cancellationToken);
        return _schemaCurrent;
    }

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var (database, version) = await CheckSchemaAsync(force: !_schemaCurrent, cancellationToken);
        var signingKeys = protocol.Value.IsLocalMode ? "not needed (local mode)"
            : await issuers.BotFramework.EnsureLoadedAsync(cancellationToken) ? "loaded" : "not loaded";
        var ready = _schemaCurrent && signingKeys != "not loaded";
        return new ReadinessReport(ready ? "ready" : "not ready", database, version, SchemaMigrator.LatestVersion, signingKeys);
    }

    private async Task<(string Database, int? Version)> CheckSchemaAsync(bool force, CancellationToken cancellationToken)
    {
        if (_schemaCurrent)
        {
            return _last;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaCurrent || (!force && _checkedAt is { } at && clock.GetElapsedTime(at) < RecheckInterval))
            {
                return _last;
            }

            _checkedAt = clock.GetTimestamp();
            _last = await ReadSchemaAsync(cancellationToken);
            _schemaCurrent = _last.Version == SchemaMigrator.LatestVersion;
            if (!_schemaCurrent && (_warnedAt is not { } warned || clock.GetElapsedTime(warned) >= WarningInterval))
            {
                _warnedAt = clock.GetTimestamp();
                BotLog.NotReady(logger, _last.Database, _last.Version, SchemaMigrator.LatestVersion);
            }

            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string Database, int? Version)> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var version = await SchemaMigrator.CurrentVersionAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), cancellationToken);
            return ("ok", version);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            return ("unreachable", null);
        }
    }
}
