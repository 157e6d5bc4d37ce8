namespace EpicEvents.Crm.Common;

/// <summary>The mechanics shared by every keyset-paged list.</summary>
internal static class Paging
{
    public const string LikeEscape = "\\";

    /// <summary>Checks the limit and reads an id cursor.</summary>
    public static Failure? ReadIdCursor(PageRequest page, out int limit, out long? afterId)
    {
        limit = page.Limit;
        afterId = null;
        if (page.Limit is < 1 or > PageRequest.MaxLimit)
        {
            return Failure.Invalid("limit", $"A page has 1 to {PageRequest.MaxLimit} rows.");
        }

        if (page.After is null)
        {
            return null;
        }

        if (!Cursor.TryReadId(page.After, out var id))
        {
            return Cursor.Malformed;
        }

        afterId = id;
        return null;
    }

    /// <summary>Checks the limit and reads a (time, id) cursor.</summary>
    public static Failure? ReadTimeCursor(PageRequest page, out int limit, out (DateTime At, long Id)? after)
    {
        limit = page.Limit;
        after = null;
        if (page.Limit is < 1 or > PageRequest.MaxLimit)
        {
            return Failure.Invalid("limit", $"A page has 1 to {PageRequest.MaxLimit} rows.");
        }

        if (page.After is null)
        {
            return null;
        }

        if (!Cursor.TryReadTimeAndId(page.After, out var at, out var id))
        {
            return Cursor.Malformed;
        }

        after = (at, id);
        return null;
    }

    /// <summary>Cuts the one extra row fetched to learn whether another page follows.</summary>
    public static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, string> cursorOf)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, cursorOf(rows[^1]));
    }

    /// <summary>Makes user text match literally inside a LIKE pattern: % and _ are data, not wildcards.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
