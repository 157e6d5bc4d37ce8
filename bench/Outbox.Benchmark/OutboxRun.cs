using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EpicEvents.Tests.Connector;
using Npgsql;

namespace EpicEvents.Bench.Outbox;

/// <summary>The figures of one run.</summary>
public sealed record RunResult(
    int Notifications,
    int Sent,
    int OtherStates,
    int RetriedInOutbox,
    TimeSpan FromFirstRequest,
    TimeSpan FromBotStart,
    int AdmittedRequests,
    int LimitRefusals,
    int InjectedThrottles,
    int InjectedGatewayErrors,
    int Messages,
    int Copies,
    int KeysReadOnce,
    double SteadyRate,
    TimeSpan Tail)
{
    public bool AllDeliveredOnce => Sent == Notifications && KeysReadOnce == Notifications && Copies == 0;

    public string Describe(BenchOptions options)
    {
        var floor = TimeSpan.FromSeconds((double)Notifications / options.LimitPerSecond);
        var requestFloor = TimeSpan.FromSeconds((double)AdmittedRequests / options.LimitPerSecond);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"run: {options.Label}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  notifications {Notifications}, sent {Sent}, other states {OtherStates}, retried through the outbox {RetriedInOutbox}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  messages received {Messages}, copies {Copies}, keys read exactly once {KeysReadOnce}/{Notifications}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  requests admitted {AdmittedRequests} (injected 429 {InjectedThrottles}, injected 502 {InjectedGatewayErrors}), refused by the {options.LimitPerSecond}/s limit {LimitRefusals}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  time from the first request to the last delivery {FromFirstRequest.TotalSeconds:F1} s (from the bot's start {FromBotStart.TotalSeconds:F1} s)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  steady rate (requests 10 % to 90 %) {SteadyRate:F1} requests/s; after the last request {Tail.TotalSeconds:F1} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"  bound {Notifications}/{options.LimitPerSecond} = {floor.TotalSeconds:F1} s: ratio {FromFirstRequest / floor:F3}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  bound counting requests {AdmittedRequests}/{options.LimitPerSecond} = {requestFloor.TotalSeconds:F1} s: ratio {FromFirstRequest / requestFloor:F3}");
        text.Append(AllDeliveredOnce ? "  every notification delivered exactly once" : "  NOT every notification delivered exactly once");
        return text.ToString();
    }
}

/// <summary>One run: a fresh database, the connector, the published bot until every notification is out.</summary>
public static class OutboxRun
{
    private static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(10);

    public static async Task<RunResult> RunAsync(BenchOptions options)
    {
        var (connectionString, drop) = await BenchCompany.CreateDatabaseAsync(options.AdminConnectionString);
        try
        {
            await using var connector = new LoopbackConnector { TenantLimitPerSecond = options.LimitPerSecond };
            var faults = new RandomFaults(options.FaultRate, options.Seed);
            connector.Faults = faults.Next;
            await BenchCompany.PrepareAsync(connectionString, connector.Url, options.Notifications);

            var botStart = DateTime.UtcNow;
            using var bot = BotProcess.Start(options, connectionString);
            await WaitUntilDeliveredAsync(connectionString, bot);
            bot.Stop();

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var sent = await ScalarAsync<long>(connection, "SELECT count(*) FROM outbox_messages WHERE state = 'Sent'");
            var all = await ScalarAsync<long>(connection, "SELECT count(*) FROM outbox_messages");
            var retried = await ScalarAsync<long>(connection, "SELECT count(*) FROM outbox_messages WHERE attempts > 1");
            var last = await ScalarAsync<DateTime>(connection, "SELECT max(sent_at) FROM outbox_messages");
            var keys = (await ListAsync(connection, "SELECT idempotency_key::text FROM outbox_messages")).ToHashSet(StringComparer.Ordinal);
            var messages = connector.Messages;
            var readOnce = messages.Where(m => !m.Duplicate && m.NotificationKey is not null && keys.Contains(m.NotificationKey))
                .GroupBy(m => m.NotificationKey).Count(g => g.Count() == 1);
            return new RunResult(
                (int)all,
                (int)sent,
                (int)(all - sent),
                (int)retried,
                last - faults.FirstRequestAt,
                last - botStart,
                faults.Admitted,
                connector.LimitedRequests,
                faults.Throttles,
                faults.GatewayErrors,
                messages.Count,
                messages.Count(m => m.Duplicate),
                readOnce,
                faults.SteadyRate(),
                last - faults.LastRequestAt);
        }
        finally
        {
            await drop();
        }
    }

    private static async Task WaitUntilDeliveredAsync(string connectionString, BotProcess bot)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var until = Stopwatch.GetTimestamp() + (long)(LongestRun.TotalSeconds * Stopwatch.Frequency);
        while (await ScalarAsync<long>(connection, "SELECT count(*) FROM outbox_messages WHERE state = 'Pending'") > 0)
        {
            if (bot.HasExited || Stopwatch.GetTimestamp() > until)
            {
                throw new InvalidOperationException($"The bot {(bot.HasExited ? "exited" : "did not deliver everything in time")}; its log: {bot.LogPath}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

/// <summary>A share of the requests answered 429 (<c>Retry-After: 1</c>) or 502, half each, at random (seeded).</summary>
public sealed class RandomFaults(double rate, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly List<DateTime> _admittedAt = [];

    public int Admitted { get; private set; }

    public int Throttles { get; private set; }

    public int GatewayErrors { get; private set; }

    public DateTime FirstRequestAt
    {
        get
        {
            lock (_gate)
            {
                return _admittedAt[0];
            }
        }
    }

    public DateTime LastRequestAt
    {
        get
        {
            lock (_gate)
            {
                return _admittedAt[^1];
            }
        }
    }

    /// <summary>Requests admitted per second between the 10th and the 90th percentile of them: the pace once started and before the last stragglers.</summary>
    public double SteadyRate()
    {
        lock (_gate)
        {
            var from = _admittedAt.Count / 10;
            var to = _admittedAt.Count * 9 / 10;
            return (to - from) / (_admittedAt[to] - _admittedAt[from]).TotalSeconds;
        }
    }

    public ConnectorFault? Next(ConnectorRequest request)
    {
        lock (_gate)
        {
            _admittedAt.Add(DateTime.UtcNow);
            Admitted++;
            var roll = _random.NextDouble();
            if (roll < rate / 2)
            {
                Throttles++;
                return new ConnectorFault.Throttle(TimeSpan.FromSeconds(1));
            }

            if (roll < rate)
            {
                GatewayErrors++;
                return new ConnectorFault.BadGateway();
            }

            return null;
        }
    }
}

/// <summary>The published bot, in local mode, on a free port, its output in a log file.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private BotProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(BenchOptions options, string connectionString)
    {
        var logPath = Path.Combine(Path.GetTempPath(), $"outbox-bench-bot-{Environment.ProcessId}-{DateTime.UtcNow:HHmmss}.log");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Crm"] = connectionString,
                ["Teams__AllowedTenants__0"] = BenchCompany.Tenant,
                ["Logging__LogLevel__Default"] = "Warning",
                ["SENTRY_DSN"] = string.Empty,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Empty,
            },
        };
        start.ArgumentList.Add(options.BotAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{FreePort()}");
        foreach (var argument in options.BotArguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, log, logPath);
    }

    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.WaitForExit();
        _process.Dispose();
        _log.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
