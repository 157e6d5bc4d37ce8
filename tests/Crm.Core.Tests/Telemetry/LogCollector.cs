using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Tests.Telemetry;

/// <summary>One log event as a logger received it.</summary>
public sealed record CollectedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    public object? this[string key] => State.FirstOrDefault(kv => kv.Key == key).Value;
}

/// <summary>A logger provider that keeps every event in memory, for assertions.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<CollectedLog> _logs = new();

    public IReadOnlyList<CollectedLog> Logs => [.. _logs];

    public IReadOnlyList<CollectedLog> Named(string eventName) => Logs.Where(l => l.EventId.Name == eventName).ToList();

    public ILogger CreateLogger(string categoryName) => new Collecting(categoryName, _logs);

    public void Dispose()
    {
    }

    private sealed class Collecting(string category, ConcurrentQueue<CollectedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            logs.Enqueue(new CollectedLog(category, logLevel, eventId, formatter(state, exception), [.. values]));
        }
    }
}
