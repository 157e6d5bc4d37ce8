using EpicEvents.Crm.Presentation;
using Microsoft.AspNetCore.Http;

namespace EpicEvents.Bot.Api;

/// <summary>
/// The language an API request is answered in: the first of French and English in its
/// <c>Accept-Language</c> header, by preference; English when it names neither (or is absent).
/// </summary>
internal static class ApiLanguage
{
    public static Wording Of(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        var preferred = accepted
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(tag => tag is not null && (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)));
        return Wording.For(preferred);
    }
}
