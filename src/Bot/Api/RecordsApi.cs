using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Presentation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace EpicEvents.Bot.Api;

/// <summary><c>/api/v1/audit</c> and <c>/api/v1/notifications</c>: <c>epicevents audit list</c> and <c>notification …</c>.</summary>
internal static class RecordsApi
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        signedIn.MapGet("/audit", async (AuditEntity? entityType, int? entityId, DateTimeOffset? since, int? limit, string? after, ApiCaller caller, ListAuditEntries useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new AuditFilter(entityType, entityId, since?.UtcDateTime), ApiPaging.Page(limit, after), cancellationToken)))
            .WithTags("Audit").Answers<Page<AuditEntryView>>().WithSummary("The audit trail, newest first, as far as one's department may read it.");

        var notifications = signedIn.MapGroup("/notifications").WithTags("Notifications");
        // Each reason is worded in the request's language, its key beside it (lastErrorKey), as a problem's detail is.
        notifications.MapGet("/", async (bool? failed, int? recipientId, int? limit, string? after, ApiCaller caller, ListNotifications useCase, HttpRequest request, CancellationToken cancellationToken) =>
                ApiResults.From(
                    await useCase.ExecuteAsync(caller.Actor, new NotificationFilter(failed ?? false, recipientId), ApiPaging.Page(limit, after), cancellationToken),
                    page => WordedIn(page, ApiLanguage.Of(request))))
            .Answers<Page<NotificationView>>().WithSummary("Notifications and how their delivery went, newest first.");
        notifications.MapPost("/retry", async (RetryBody body, ApiCaller caller, RetryNotifications useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new RetryNotificationsRequest(body.Ids ?? [], body.AllFailed ?? false), cancellationToken), count => new Retried(count)))
            .Answers<Retried>().WithSummary("Sends again the notifications that failed.");
    }

    private static Page<NotificationView> WordedIn(Page<NotificationView> page, Wording words) =>
        page with { Items = page.Items.Select(n => n.WordedIn(words)).ToList() };
}

public sealed record RetryBody(IReadOnlyList<long>? Ids, bool? AllFailed);

public sealed record Retried(int Queued);
