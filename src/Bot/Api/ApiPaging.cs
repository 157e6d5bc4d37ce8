using EpicEvents.Crm.Common;

namespace EpicEvents.Bot.Api;

/// <summary><c>?limit=&amp;after=</c>: the keyset cursors of the CLI, checked by the use case.</summary>
internal static class ApiPaging
{
    public static PageRequest Page(int? limit, string? after) => new(limit ?? PageRequest.DefaultLimit, after);
}
