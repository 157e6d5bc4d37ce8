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
        var audit = new Command("audit", runner.Texts.Phrase("audit.help"));
        var entity = new Option<string?>("--entity") { Description = runner.Texts.Phrase("audit.entity.help"), HelpName = "client|contract|event|collaborator" };
        entity.AcceptOnlyFromAmong("client", "contract", "event", "collaborator", "role", "signature-request", "notification");
        var id = new Option<int?>("--id") { Description = runner.Texts.Phrase("audit.id.help") };
        var since = new Option<string?>("--since") { Description = runner.Texts.Phrase("audit.since.help", runner.Texts.Phrase("common.date.help")), HelpName = "DATE" };
        var paging = new ListOptions(runner.Texts);
        var list = new Command("list", runner.Texts.Phrase("audit.list.help")) { entity, id, since };
        paging.AddTo(list, withAll: true);
        runner.Authenticated(list, (context, actor, cancellationToken) =>
        {
            DateTime? sinceUtc = null;
            if (context.Value(since) is { } text)
            {
                if (!UserInput.TryParseDateTime(text, context.TimeZone, out var parsed))
                {
                    return Task.FromResult(context.Invalid("since", context.Texts.NotADate(text)));
                }

                sinceUtc = parsed;
            }

            if (context.Value(id) is not null && context.Value(entity) is null)
            {
                return Task.FromResult(context.Usage(context.Texts.Phrase("audit.idGoesEntity")));
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
                    new(context.Texts.Phrase("audit.when"), a => context.Texts.Date(a.At, context.TimeZone), Width: 16),
                    new(context.Texts.Phrase("audit.who"), a => a.ActorName ?? context.Texts.Phrase("audit.system"), Width: 22),
                    new(context.Texts.Phrase("audit.action"), a => a.Action, Width: 28),
                    new(context.Texts.Phrase("audit.record"), a => a.EntityId is { } record ? $"{a.EntityType} {record}" : a.EntityType.ToString(), Width: 20),
                    new(context.Texts.Phrase("audit.changes"), a => string.Join("; ", a.Changes.Select(c => $"{c.Field}: {c.Old ?? "∅"} → {c.New ?? "∅"}")), Width: 60),
                ],
                cancellationToken);
        }, quiet: false);
        audit.Subcommands.Add(list);
        return audit;
    }
}
