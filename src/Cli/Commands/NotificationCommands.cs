using System.CommandLine;
using EpicEvents.Crm.Common;
using EpicEvents.Cli.Remote;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Outbox;

namespace EpicEvents.Cli.Commands;

/// <summary><c>notification list | retry</c>: Management sees what reached its recipient and sends again what did not.</summary>
internal static class NotificationCommands
{
    /// <summary>How much of the last error a table row shows; <c>--json</c> has all of it.</summary>
    private const int ErrorShown = 48;

    public static Command Build(CommandRunner runner)
    {
        var notification = new Command("notification", runner.Texts.Phrase("notification.help"));
        notification.Subcommands.Add(List(runner));
        notification.Subcommands.Add(Retry(runner));
        return notification;
    }

    private static IReadOnlyList<Column<NotificationView>> Columns(CliContext context) =>
    [
        new("ID", n => n.Id.ToString(context.Texts.Culture), Right: true, Width: 8),
        new(context.Texts.Phrase("notification.when"), n => context.Texts.Date(n.CreatedAt, context.TimeZone), Width: 16),
        new(context.Texts.Phrase("notification.kind"), n => context.Texts.Kind(n.Kind), Width: 30),
        new(context.Texts.Phrase("notification.recipient"), n => $"{n.RecipientName} (#{n.RecipientId})", Width: 26),
        new(context.Texts.Phrase("notification.subject"), n => Subject(context, n), Width: 26),
        new(context.Texts.Phrase("notification.state"), n => context.Texts.State(n.State), Width: 21),
        new(context.Texts.Phrase("notification.attempts"), n => n.Attempts.ToString(context.Texts.Culture), Right: true, Width: 8),
        new(context.Texts.Phrase("notification.lastError"), n => Shortened(n.Reason is { } reason ? context.Texts.Render(reason) : null), Width: ErrorShown),
        new(context.Texts.Phrase("notification.nextAttempt"), n => n.State == DeliveryState.Pending ? context.Texts.Date(n.NextAttemptAt, context.TimeZone) : "—", Width: 16),
    ];

    private static Command List(CommandRunner runner)
    {
        var failed = new Option<bool>("--failed") { Description = runner.Texts.Phrase("notification.list.failed.help") };
        var recipient = new Option<int?>("--recipient") { Description = runner.Texts.Phrase("notification.list.recipient.help"), HelpName = "ID" };
        var paging = new ListOptions(runner.Texts);
        var command = new Command("list", runner.Texts.Phrase("notification.list.help")) { failed, recipient };
        paging.AddTo(command);
        runner.Authenticated(command, (context, actor, cancellationToken) =>
        {
            var filter = new NotificationFilter(context.Value(failed), context.Value(recipient));
            // The reasons are worded in the reader's language, for --json too (with their keys); remotely, the server words them.
            return Listing.RunAsync(context, paging, (page, token) => context.Crm(
                () => context.Get<ListNotifications>().ExecuteAsync(actor, filter, page, token),
                api => api.GetAsync<Page<NotificationView>>(ApiPaths.Notifications(filter, page), token)).Then(p => WordedIn(context, p)), Columns(context), cancellationToken);
        }, quiet: false);
        return command;
    }

    private static Command Retry(CommandRunner runner)
    {
        var ids = new Argument<long[]>("ID") { Description = runner.Texts.Phrase("notification.retry.id.help"), Arity = ArgumentArity.ZeroOrMore };
        var failed = new Option<bool>("--failed") { Description = runner.Texts.Phrase("notification.retry.failed.help") };
        var command = new Command("retry", runner.Texts.Phrase("notification.retry.help", RetryNotifications.MaxIds)) { ids, failed };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var named = context.Value(ids) ?? [];
            var everyFailed = context.Value(failed);
            if (everyFailed && named.Length > 0)
            {
                return context.Usage(context.Texts.Phrase("notification.giveNotificationIdsFailed"));
            }

            if (!everyFailed && named.Length == 0)
            {
                return context.Usage(context.Texts.Phrase("notification.nameNotificationsRetryGive"));
            }

            var request = everyFailed ? RetryNotificationsRequest.EveryFailed : new RetryNotificationsRequest(named);
            return context.Complete(
                await context.Crm(
                    () => context.Get<RetryNotifications>().ExecuteAsync(actor, request, cancellationToken),
                    api => api.PostAsync<QueuedDocument>("notifications/retry", new { ids = request.Ids, allFailed = request.AllFailed }, cancellationToken).Then(q => q.Queued)),
                count => context.Terminal.Success(context.Texts.Queued(count)),
                count => new { queued = count },
                OptionNames.Retry);
        });
        return command;
    }

    private static Page<NotificationView> WordedIn(CliContext context, Page<NotificationView> page) =>
        page with { Items = page.Items.Select(n => n.WordedIn(context.Texts.Wording)).ToList() };

    /// <summary>What the notification is about, as the subject's own command names it.</summary>
    private static string Subject(CliContext context, NotificationView n) => n.Kind switch
    {
        NotificationKind.SignatureRequested or NotificationKind.SignatureDecided or NotificationKind.ApprovalCardUpdate =>
            context.Texts.Phrase("notification.signatureRequest", n.SubjectId),
        NotificationKind.Digest => "—",
        _ => context.Texts.Phrase("notification.event", n.SubjectId),
    };

    private static string Shortened(string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return "—";
        }

        var oneLine = string.Join(' ', error.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= ErrorShown ? oneLine : string.Concat(oneLine.AsSpan(0, ErrorShown - 1), "…");
    }
}
