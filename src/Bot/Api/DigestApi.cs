using EpicEvents.Crm.Common;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Presentation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace EpicEvents.Bot.Api;

/// <summary><c>/api/v1/digests/{kind}</c>: <c>epicevents digest preview</c>.</summary>
internal static class DigestApi
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        signedIn.MapGet("/digests/{kind}", async (string kind, int? @for, ApiCaller caller, PreviewDigest useCase, TimeZoneInfo zone, CancellationToken cancellationToken) =>
                DigestKinds.TryParse(kind, out var parsed)
                    ? ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new DigestRequest(parsed, @for), zone, cancellationToken))
                    : ApiResults.Problem(Failure.Invalid(FieldNames.Kind, new Text("digest.kind.invalid"))))
            .WithTags("Digests").Answers<Digest>()
            .WithSummary("What a digest holds now: management, support or sales, for oneself or (Management) for the collaborator named by `for`.");
    }
}
