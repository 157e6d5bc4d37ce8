namespace EpicEvents.Crm.Demo.Tests;

/// <summary>Keeps every report, synchronously (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
public sealed class ProgressRecorder<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
