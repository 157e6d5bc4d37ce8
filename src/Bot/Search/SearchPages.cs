using EpicEvents.Crm.Common;

namespace EpicEvents.Bot.Search;

/// <summary>
/// Teams asks for search results by position (skip so many, then count); Crm.Core's lists are paged
/// by key. The slice is read from the first row on, in pages as large as Crm.Core allows, so that
/// skipping 25 rows costs one query of 50 and the deepest slice (<see cref="SearchQuery.MaxSkip"/>)
/// three; nothing is kept between two searches, which may reach any instance of the bot.
/// </summary>
internal static class SearchPages
{
    /// <summary>
    /// The rows <paramref name="query"/> asks for, from the lists one after the other (the first
    /// list's rows, then the second's…).
    /// </summary>
    public static async Task<Result<IReadOnlyList<T>>> SliceAsync<T>(SearchQuery query, params Func<PageRequest, Task<Result<Page<T>>>>[] lists)
    {
        var rows = new List<T>();
        var wanted = query.Skip + query.Count;
        if (query.Skip > SearchQuery.MaxSkip)
        {
            return Result<IReadOnlyList<T>>.Ok(rows);
        }

        foreach (var list in lists)
        {
            string? after = null;
            do
            {
                var page = await list(new PageRequest(Math.Min(PageRequest.MaxLimit, wanted - rows.Count), after));
                if (!page.IsOk)
                {
                    return page.AsFailure();
                }

                rows.AddRange(page.Value.Items);
                after = page.Value.Next;
            }
            while (after is not null && rows.Count < wanted);

            if (rows.Count >= wanted)
            {
                break;
            }
        }

        return Result<IReadOnlyList<T>>.Ok(rows.Skip(query.Skip).Take(query.Count).ToList());
    }
}
