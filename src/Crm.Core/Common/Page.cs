namespace EpicEvents.Crm.Common;

/// <summary>A keyset page request: at most <see cref="Limit"/> rows after the opaque cursor.</summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? After = null)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 500;

    public static PageRequest First(int limit = DefaultLimit) => new(limit);
}

/// <summary>One page of a list; <see cref="Next"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next)
{
    public bool IsEmpty => Items.Count == 0;
}
