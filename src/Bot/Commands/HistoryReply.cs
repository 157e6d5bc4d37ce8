using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;

namespace EpicEvents.Bot.Commands;

/// <summary><c>history contract 7</c>: the audit trail of one record.</summary>
public static class HistoryReply
{
    public static async Task SendAsync(CrmTurn turn, RecordKind kind, int id, CancellationToken cancellationToken)
    {
        var words = turn.Words;
        var entity = kind switch
        {
            RecordKind.Client => AuditEntity.Client,
            RecordKind.Contract => AuditEntity.Contract,
            _ => AuditEntity.Event,
        };
        var result = await turn.Get<ListAuditEntries>().ExecuteAsync(turn.Actor, new AuditFilter(entity, id), new PageRequest(ClientReplies.PageSize), cancellationToken);
        if (!result.IsOk)
        {
            await turn.RefuseAsync(result.AsFailure(), cancellationToken);
            return;
        }

        var title = words.Bot("historyReply.history", kind.ToString().ToLowerInvariant(), id);
        var rows = result.Value.Items.Select(a => new ListRow(
            $"{words.Date(a.At, turn.Zone)} · {a.ActorName ?? words.Bot("historyReply.system")}",
            a.Changes.Count == 0 ? a.Action : $"{a.Action}: {string.Join("; ", a.Changes.Select(c => $"{c.Field} {c.Old ?? "∅"} → {c.New ?? "∅"}"))}",
            a.Source.ToString(),
            null)).ToList();
        await turn.SendAsync(CardFactory.List(title, null, words.Bot("historyReply.noChangeRecorded"), rows), title, cancellationToken);
    }
}
