using System.Linq.Expressions;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Common;

/// <summary>The mechanics shared by every keyset-paged list.</summary>
internal static class Paging
{
    public const string LikeEscape = "\\";

    /// <summary>
    /// The rows of a page plus one (which tells whether a next page exists), with the count written
    /// into the SQL as a literal. A parameter would leave PostgreSQL to plan a prepared statement for
    /// an unknown count (it assumes a tenth of the table: a sequential scan of 100 000 clients for a
    /// page of 10); page sizes are few, so each size gets its own statement and plan.
    /// </summary>
    public static IQueryable<T> TakePage<T>(this IQueryable<T> query, int limit) =>
        query.Provider.CreateQuery<T>(Expression.Call(
            typeof(Queryable), nameof(Queryable.Take), [typeof(T)], query.Expression, Expression.Call(ConstantOfInt, Expression.Constant(limit + 1))));

    // EF Core turns even a literal count of Take into a parameter, unless it is wrapped in EF.Constant.
    private static readonly System.Reflection.MethodInfo ConstantOfInt =
        typeof(Microsoft.EntityFrameworkCore.EF).GetMethod(nameof(Microsoft.EntityFrameworkCore.EF.Constant))!.MakeGenericMethod(typeof(int));

    /// <summary>Checks the limit and reads an id cursor.</summary>
    public static Failure? ReadIdCursor(PageRequest page, out int limit, out long? afterId)
    {
        limit = page.Limit;
        afterId = null;
        if (page.Limit is < 1 or > PageRequest.MaxLimit)
        {
            return Failure.Invalid(FieldNames.Limit, new Text("paging.limit", PageRequest.MaxLimit));
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
            return Failure.Invalid(FieldNames.Limit, new Text("paging.limit", PageRequest.MaxLimit));
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
