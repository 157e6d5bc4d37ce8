using System.CommandLine;
using EpicEvents.Crm.Common;
using EpicEvents.Cli.Remote;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Cli.Commands;

/// <summary><c>audit list</c>: who changed what, and when.</summary>
internal static class AuditCommands
{
    public static Command Build(CommandRunner runner)
    {
        var audit = new Command("audit", "The audit trail.");
        var entity = new Option<string?>("--entity") { Description = "Only this kind of record.", HelpName = "client|contract|event|collaborator" };
        entity.AcceptOnlyFromAmong("client", "contract", "event", "collaborator", "role", "signature-request", "notification");
        var id = new Option<int?>("--id") { Description = "Only this record (with --entity)." };
        var since = new Option<string?>("--since") { Description = $"Only entries from this date: {UserInput.DateHelp}.", HelpName = "DATE" };
        var paging = new ListOptions();
        var list = new Command("list", "List audit entries, newest first.") { entity, id, since };
        paging.AddTo(list, withAll: true);
        runner.Authenticated(list, (context, actor, cancellationToken) =>
        {
            DateTime? sinceUtc = null;
            if (context.Value(since) is { } text)
            {
                if (!UserInput.TryParseDateTime(text, context.TimeZone, out var parsed))
                {
                    return Task.FromResult(context.Invalid("since", context.Texts.Say($"\"{text}\" is not a date: use {UserInput.DateHelp}.", $"« {text} » n'est pas une date.")));
                }

                sinceUtc = parsed;
            }

            if (context.Value(id) is not null && context.Value(entity) is null)
            {
                return Task.FromResult(context.Usage(context.Texts.Say("--id goes with --entity.", "--id s'emploie avec --entity.")));
            }

            AuditEntity? kind = context.Value(entity) switch
            {
                "client" => AuditEntity.Client,
                "contract" => AuditEntity.Contract,
                "event" => AuditEntity.Event,
                "collaborator" => AuditEntity.Collaborator,
                "role" => AuditEntity.Role,
                "signature-request" => AuditEntity.SignatureRequest,
                "notification" => AuditEntity.Notification,
                _ => null,
            };
            var filter = new AuditFilter(kind, context.Value(id), sinceUtc);
            return Listing.RunAsync(
                context,
                paging,
                (page, token) => context.Crm(
                    () => context.Get<ListAuditEntries>().ExecuteAsync(actor, filter, page, token),
                    api => api.GetAsync<Page<AuditEntryView>>(ApiPaths.Audit(filter, page), token)),
                [
                    new("#", a => a.Id.ToString(context.Texts.Culture), Right: true, Width: 8),
                    new(context.Texts.Say("When", "Quand"), a => context.Texts.Date(a.At, context.TimeZone), Width: 16),
                    new(context.Texts.Say("Who", "Qui"), a => a.ActorName ?? context.Texts.Say("system", "système"), Width: 22),
                    new(context.Texts.Say("Action", "Action"), a => a.Action, Width: 28),
                    new(context.Texts.Say("Record", "Fiche"), a => a.EntityId is { } record ? $"{a.EntityType} {record}" : a.EntityType.ToString(), Width: 20),
                    new(context.Texts.Say("Changes", "Modifications"), a => string.Join("; ", a.Changes.Select(c => $"{c.Field}: {c.Old ?? "∅"} → {c.New ?? "∅"}")), Width: 60),
                ],
                cancellationToken);
        }, quiet: false);
        audit.Subcommands.Add(list);
        return audit;
    }
}
