using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Clients;

/// <summary>
/// Clients whose name, email or company contain a folded search key. Contracts and events are
/// searched by their client through the same query, so that the one index serves every list.
/// </summary>
internal static class ClientSearch
{
    public static IQueryable<Client> Matching(this IQueryable<Client> clients, CrmDbContext db, string key)
    {
        if (db.Provider == DatabaseProvider.Sqlite && key.Length >= SearchText.TrigramLength)
        {
            // The trigram index answers alone: a phrase of the folded key is exactly a "contains".
            var indexed = IndexedIds(db, key);
            return clients.Where(c => indexed.Contains(c.Id));
        }

        // PostgreSQL's trigram index serves the LIKE itself; SQLite reads every client for shorter text.
        var pattern = SearchText.Contains(key);
        return clients.Where(c => EF.Functions.Like(c.SearchKey, pattern, Paging.LikeEscape));
    }

    /// <summary>The ids of the clients matching <paramref name="key"/>, as a subquery.</summary>
    public static IQueryable<int> MatchingIds(CrmDbContext db, string key) =>
        db.Provider == DatabaseProvider.Sqlite && key.Length >= SearchText.TrigramLength
            ? IndexedIds(db, key)
            : db.Clients.Matching(db, key).Select(c => c.Id);

    private static IQueryable<int> IndexedIds(CrmDbContext db, string key) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM clients_search WHERE clients_search MATCH {SearchText.Phrase(key)}");
}
