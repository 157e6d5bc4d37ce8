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

    /// <summary>Names the retry's ids as typed: they are arguments, not an option.</summary>
    private static readonly IReadOnlyDictionary<string, string> RetryFields = new Dictionary<string, string> { ["ids"] = "ID arguments" };

    public static Command Build(CommandRunner runner)
    {
        var notification = new Command("notification", "Management: the notifications the bot delivers in Teams, their delivery state, and retries.");
        notification.Subcommands.Add(List(runner));
        notification.Subcommands.Add(Retry(runner));
        return notification;
    }

    private static IReadOnlyList<Column<NotificationView>> Columns(CliContext context) =>
    [
        new("ID", n => n.Id.ToString(context.Texts.Culture), Right: true, Width: 8),
        new(context.Texts.Say("When", "Quand"), n => context.Texts.Date(n.CreatedAt, context.TimeZone), Width: 16),
        new(context.Texts.Say("Kind", "Type"), n => context.Texts.Kind(n.Kind), Width: 30),
        new(context.Texts.Say("Recipient", "Destinataire"), n => $"{n.RecipientName} (#{n.RecipientId})", Width: 26),
        new(context.Texts.Say("Subject", "Objet"), n => Subject(context, n), Width: 26),
        new(context.Texts.Say("State", "État"), n => context.Texts.State(n.State), Width: 21),
        new(context.Texts.Say("Attempts", "Essais"), n => n.Attempts.ToString(context.Texts.Culture), Right: true, Width: 8),
        new(context.Texts.Say("Last error", "Dernière erreur"), n => Shortened(n.LastError), Width: ErrorShown),
        new(context.Texts.Say("Next attempt", "Prochain essai"), n => n.State == DeliveryState.Pending ? context.Texts.Date(n.NextAttemptAt, context.TimeZone) : "—", Width: 16),
    ];

    private static Command List(CommandRunner runner)
    {
        var failed = new Option<bool>("--failed") { Description = "Only what did not reach its recipient: failed after every attempt, or undeliverable." };
        var recipient = new Option<int?>("--recipient") { Description = "Only the notifications of this collaborator.", HelpName = "ID" };
        var paging = new ListOptions();
        var command = new Command("list", "List notifications, newest first, with their delivery state.") { failed, recipient };
        paging.AddTo(command);
        runner.Authenticated(command, (context, actor, cancellationToken) =>
        {
            var filter = new NotificationFilter(context.Value(failed), context.Value(recipient));
            return Listing.RunAsync(context, paging, (page, token) => context.Crm(
                () => context.Get<ListNotifications>().ExecuteAsync(actor, filter, page, token),
                api => api.GetAsync<Page<NotificationView>>(ApiPaths.Notifications(filter, page), token)), Columns(context), cancellationToken);
        }, quiet: false);
        return command;
    }

    private static Command Retry(CommandRunner runner)
    {
        var ids = new Argument<long[]>("ID") { Description = "The notifications to send again (see `notification list --failed`).", Arity = ArgumentArity.ZeroOrMore };
        var failed = new Option<bool>("--failed") { Description = "Every notification that did not reach its recipient, instead of IDs." };
        var command = new Command("retry", $"Send failed or undeliverable notifications again, once the cause is fixed; at most {RetryNotifications.MaxIds} IDs at a time. A delivered one is never sent twice.") { ids, failed };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var named = context.Value(ids) ?? [];
            var everyFailed = context.Value(failed);
            if (everyFailed && named.Length > 0)
            {
                return context.Usage(context.Texts.Say("Give notification IDs or --failed, not both.", "Donnez des numéros de notification ou --failed, pas les deux."));
            }

            if (!everyFailed && named.Length == 0)
            {
                return context.Usage(context.Texts.Say(
                    "Name the notifications to retry, or give --failed for every one that did not reach its recipient.",
                    "Indiquez les notifications à renvoyer, ou --failed pour toutes celles qui n'ont pas été remises."));
            }

            var request = everyFailed ? RetryNotificationsRequest.EveryFailed : new RetryNotificationsRequest(named);
            return context.Complete(
                await context.Crm(
                    () => context.Get<RetryNotifications>().ExecuteAsync(actor, request, cancellationToken),
                    api => api.PostAsync<QueuedDocument>("notifications/retry", new { ids = request.Ids, allFailed = request.AllFailed }, cancellationToken).Then(q => q.Queued)),
                count => context.Terminal.Success(context.Texts.Queued(count)),
                count => new { queued = count },
                RetryFields);
        });
        return command;
    }

    /// <summary>What the notification is about, as the subject's own command names it.</summary>
    private static string Subject(CliContext context, NotificationView n) => n.Kind switch
    {
        NotificationKind.SignatureRequested or NotificationKind.SignatureDecided or NotificationKind.ApprovalCardUpdate =>
            context.Texts.Say($"signature request #{n.SubjectId}", $"demande de signature n° {n.SubjectId}"),
        NotificationKind.Digest => "—",
        _ => context.Texts.Say($"event #{n.SubjectId}", $"événement n° {n.SubjectId}"),
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
