namespace EpicEvents.Crm.Common;

/// <summary>
/// A record edited concurrently: its version is the optimistic-concurrency token, raised by the
/// database context on every update so that the loser of a race gets a conflict.
/// </summary>
public interface IVersioned
{
    int Version { get; }

    internal void NextVersion();
}
