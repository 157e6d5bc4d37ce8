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
        var digest = new Command("digest", "What each digest holds now: Management's (signature requests waiting, events without support, ended events still due), Support's day before (tomorrow's events), Sales' weekly (old drafts, signed contracts still due, clients without a contract).");
        digest.Subcommands.Add(Preview(runner));
        return digest;
    }

    private static Command Preview(CommandRunner runner)
    {
        var kind = new Option<string>("--kind") { Description = "Which digest.", HelpName = "management|support|sales", Required = true };
        kind.AcceptOnlyFromAmong("management", "support", "sales");
        var forId = new Option<int?>("--for") { Description = "Management: the collaborator whose digest to show (by default, yours).", HelpName = "ID" };
        var command = new Command("preview", $"Show what a digest would hold now: each section's first {DigestSection.TopRows} rows and how many more there are.") { kind, forId };
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
            context.Terminal.Note(texts.Say("Nothing to report: this digest is empty.", "Rien à signaler : ce récapitulatif est vide."));
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
        Column<DigestRow> contract = new(texts.Say("Contract", "Contrat"), r => Id(r.ContractId), Right: true, Width: 8);
        Column<DigestRow> @event = new(texts.Say("Event", "Événement"), r => $"{r.EventName} (#{Id(r.EventId)})", Width: 30);
        Column<DigestRow> client = new("Client", r => $"{r.ClientName} — {r.ClientCompany}", Width: 36);
        Column<DigestRow> due = new(texts.Say("Due", "Restant dû"), r => Money(r.AmountDue), Right: true, Width: 13);
        Column<DigestRow> start = new(texts.Say("Start", "Début"), r => Date(r.StartsAt), Width: 16);
        Column<DigestRow> location = new(texts.Say("Location", "Lieu"), r => r.Location ?? "—", Width: 24);
        Column<DigestRow> sales = new(texts.Say("Sales contact", "Commercial"), r => r.PersonName ?? "—", Width: 22);
        Column<DigestRow> since = new(texts.Say("Since", "Depuis"), r => Date(r.Since), Width: 16);
        return topic switch
        {
            DigestTopic.PendingSignatures =>
            [
                new(texts.Say("Request", "Demande"), r => Id(r.SignatureRequestId), Right: true, Width: 8),
                contract,
                client,
                new("Total", r => Money(r.TotalAmount), Right: true, Width: 13),
                new(texts.Say("Requested by", "Demandée par"), r => r.PersonName ?? "—", Width: 22),
                new(texts.Say("Waiting", "Attente"), r => r.Since is { } requested ? texts.Wording.Waited(at - requested) : "—", Width: 10),
            ],
            DigestTopic.EventsWithoutSupport => [@event, start, location, client, sales],
            DigestTopic.UnpaidEndedContracts => [contract, client, due, new(texts.Say("Ended", "Terminé le"), r => Date(r.Since), Width: 16), sales],
            DigestTopic.EventsTomorrow =>
            [
                @event,
                start,
                new(texts.Say("End", "Fin"), r => Date(r.EndsAt), Width: 16),
                location,
                new(texts.Say("Attendees", "Participants"), r => Id(r.ExpectedAttendees), Right: true, Width: 12),
                new("Contact", r => r.Contact is { } c ? $"{c.FullName}, {c.Email}, {c.Phone}" : "—", Width: 48),
                new(texts.Say("Acknowledged", "Pris en compte"), r => texts.YesNo(r.Acknowledged == true), Width: 14),
            ],
            DigestTopic.OldDrafts => [contract, client, new("Total", r => Money(r.TotalAmount), Right: true, Width: 13), new(texts.Say("Created", "Créé le"), r => Date(r.Since), Width: 16)],
            DigestTopic.UnpaidSignedContracts => [contract, client, due, new(texts.Say("Signed", "Signé le"), r => Date(r.Since), Width: 16)],
            _ =>
            [
                new("Client", r => $"{r.ClientName} (#{r.ClientId})", Width: 28),
                new(texts.Say("Company", "Entreprise"), r => r.ClientCompany, Width: 24),
                new("Contact", r => r.Contact is { } c ? $"{c.Email}, {c.Phone}" : "—", Width: 40),
                since,
            ],
        };
    }
}
