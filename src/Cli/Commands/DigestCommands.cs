using System.CommandLine;
using EpicEvents.Cli.Output;
using EpicEvents.Cli.Remote;
using EpicEvents.Crm.Digests;

namespace EpicEvents.Cli.Commands;

/// <summary><c>digest preview</c>: what a digest would hold if it were sent now.</summary>
internal static class DigestCommands
{
    public static Command Build(CommandRunner runner)
    {
        var digest = new Command("digest", runner.Texts.Phrase("digest.help"));
        digest.Subcommands.Add(Preview(runner));
        return digest;
    }

    private static Command Preview(CommandRunner runner)
    {
        var kind = new Option<string>("--kind") { Description = runner.Texts.Phrase("digest.preview.kind.help"), HelpName = "management|support|sales", Required = true };
        kind.AcceptOnlyFromAmong("management", "support", "sales");
        var forId = new Option<int?>("--for") { Description = runner.Texts.Phrase("digest.preview.for.help"), HelpName = "ID" };
        var command = new Command("preview", runner.Texts.Phrase("digest.preview.help", DigestSection.TopRows)) { kind, forId };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            DigestKinds.TryParse(context.Value(kind), out var chosen);
            var request = new DigestRequest(chosen, context.Value(forId));
            return context.Complete(
                await context.Crm(
                    () => context.Get<PreviewDigest>().ExecuteAsync(actor, request, context.TimeZone, cancellationToken),
                    api => api.GetAsync<Digest>(ApiPaths.Digest(request), cancellationToken)),
                preview => Show(context, preview));
        });
        return command;
    }

    private static void Show(CliContext context, Digest digest)
    {
        var texts = context.Texts;
        context.Terminal.Line($"{texts.Wording.Digest(digest.Kind)} — {digest.RecipientName} (#{digest.RecipientId}) — {texts.Date(digest.At, context.TimeZone)}");
        foreach (var section in digest.Sections)
        {
            context.Terminal.Line(string.Empty);
            context.Terminal.Line($"{texts.Wording.DigestTopic(section.Topic)} ({section.Total.ToString(texts.Culture)})");
            if (section.Rows.Count == 0)
            {
                context.Terminal.Line(texts.NoRows);
                continue;
            }

            context.Terminal.Render(Tables.Build(DigestColumns.Of(section.Topic, context, digest.At), section.Rows, showHeaders: true));
            if (section.More > 0)
            {
                context.Terminal.Line($"… {texts.Wording.More(section.More)}");
            }
        }

        if (digest.IsEmpty)
        {
            context.Terminal.Note(texts.Phrase("digest.nothingReportDigestEmpty"));
        }
    }
}

/// <summary>The columns of each section of a digest.</summary>
internal static class DigestColumns
{
    public static IReadOnlyList<Column<DigestRow>> Of(DigestTopic topic, CliContext context, DateTime at)
    {
        var texts = context.Texts;
        string Id(int? id) => id is { } value ? value.ToString(texts.Culture) : "—";
        string Date(DateTime? utc) => texts.Date(utc, context.TimeZone);
        string Money(decimal? amount) => amount is { } value ? texts.Amount(value) : "—";
        Column<DigestRow> contract = new(texts.Phrase("digest.contract"), r => Id(r.ContractId), Right: true, Width: 8);
        Column<DigestRow> @event = new(texts.Phrase("digest.event"), r => $"{r.EventName} (#{Id(r.EventId)})", Width: 30);
        Column<DigestRow> client = new(texts.Phrase("common.column.client"), r => $"{r.ClientName} — {r.ClientCompany}", Width: 36);
        Column<DigestRow> due = new(texts.Phrase("digest.due"), r => Money(r.AmountDue), Right: true, Width: 13);
        Column<DigestRow> start = new(texts.Phrase("digest.start"), r => Date(r.StartsAt), Width: 16);
        Column<DigestRow> location = new(texts.Phrase("digest.location"), r => r.Location ?? "—", Width: 24);
        Column<DigestRow> sales = new(texts.Phrase("digest.salesContact"), r => r.PersonName ?? "—", Width: 22);
        Column<DigestRow> since = new(texts.Phrase("digest.since"), r => Date(r.Since), Width: 16);
        return topic switch
        {
            DigestTopic.PendingSignatures =>
            [
                new(texts.Phrase("digest.request"), r => Id(r.SignatureRequestId), Right: true, Width: 8),
                contract,
                client,
                new(texts.Phrase("common.column.total"), r => Money(r.TotalAmount), Right: true, Width: 13),
                new(texts.Phrase("digest.requested"), r => r.PersonName ?? "—", Width: 22),
                new(texts.Phrase("digest.waiting"), r => r.Since is { } requested ? texts.Wording.Waited(at - requested) : "—", Width: 10),
            ],
            DigestTopic.EventsWithoutSupport => [@event, start, location, client, sales],
            DigestTopic.UnpaidEndedContracts => [contract, client, due, new(texts.Phrase("digest.ended"), r => Date(r.Since), Width: 16), sales],
            DigestTopic.EventsTomorrow =>
            [
                @event,
                start,
                new(texts.Phrase("digest.end"), r => Date(r.EndsAt), Width: 16),
                location,
                new(texts.Phrase("digest.attendees"), r => Id(r.ExpectedAttendees), Right: true, Width: 12),
                new(texts.Phrase("common.column.contact"), r => r.Contact is { } c ? $"{c.FullName}, {c.Email}, {c.Phone}" : "—", Width: 48),
                new(texts.Phrase("digest.acknowledged"), r => texts.YesNo(r.Acknowledged == true), Width: 14),
            ],
            DigestTopic.OldDrafts => [contract, client, new(texts.Phrase("common.column.total"), r => Money(r.TotalAmount), Right: true, Width: 13), new(texts.Phrase("digest.created"), r => Date(r.Since), Width: 16)],
            DigestTopic.UnpaidSignedContracts => [contract, client, due, new(texts.Phrase("digest.signed"), r => Date(r.Since), Width: 16)],
            _ =>
            [
                new(texts.Phrase("common.column.client"), r => $"{r.ClientName} (#{r.ClientId})", Width: 28),
                new(texts.Phrase("digest.company"), r => r.ClientCompany, Width: 24),
                new(texts.Phrase("common.column.contact"), r => r.Contact is { } c ? $"{c.Email}, {c.Phone}" : "—", Width: 40),
                since,
            ],
        };
    }
}
