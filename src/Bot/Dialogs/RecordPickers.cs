using System.Globalization;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Dialogs;

/// <summary>A record offered in a picker: what the person reads, and the id the form submits.</summary>
public sealed record PickerChoice(string Title, string Value);

/// <summary>
/// The records a form offers instead of asking for a number: the person's own clients (everyone's for
/// Management) and signed contracts, newest first, filtered as the person types. In Teams the card
/// carries the first <see cref="Shown"/> and Teams asks for the others with an
/// <c>application/search</c> invoke on the dataset (typeahead), answered by <see cref="SearchAsync"/>.
/// A local emulator (the Agents Playground) does not support typeahead: there the card carries up to
/// <see cref="WithoutTypeahead"/> records and the renderer filters them.
/// </summary>
public static class RecordPickers
{
    public const string Clients = "crm.clients";
    public const string SignedContracts = "crm.contracts.signed";

    /// <summary>Teams shows at most 15 options of a typeahead list.</summary>
    public const int Shown = 15;

    /// <summary>Records carried by a card whose client cannot ask for more (about 60 bytes each, far below the card limit).</summary>
    public const int WithoutTypeahead = 50;

    /// <summary>
    /// Typeahead is asked of Teams, whose Bot Connector is reached over https; the local emulators
    /// (service URL on http://localhost) render the static list only.
    /// </summary>
    public static bool ClientSearches(CrmTurn turn) =>
        Uri.TryCreate(turn.Activity.ServiceUrl, UriKind.Absolute, out var service) && service.Scheme == Uri.UriSchemeHttps;

    public static async Task<IReadOnlyList<PickerChoice>> SearchAsync(CrmTurn turn, string dataset, string? text, int skip, int top, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(top <= 0 ? Shown : top, 1, WithoutTypeahead);
        skip = Math.Max(0, skip);
        if (skip + count > PageRequest.MaxLimit)
        {
            // Past the first few hundred, the person narrows the search by typing more.
            return [];
        }

        var search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var mine = turn.Actor.EffectiveDepartment == Department.Sales;
        switch (dataset)
        {
            case Clients:
                var clients = await turn.Get<ListClients>().ExecuteAsync(turn.Actor, new ClientFilter(Mine: mine, Search: search), new PageRequest(skip + count), cancellationToken);
                return clients.IsOk ? clients.Value.Items.Skip(skip).Take(count).Select(c => ClientChoice(c)).ToList() : [];
            case SignedContracts:
                var contracts = await turn.Get<ListContracts>().ExecuteAsync(turn.Actor, new ContractFilter(Status: ContractStatus.Signed, Mine: mine, Search: search), new PageRequest(skip + count), cancellationToken);
                return contracts.IsOk ? contracts.Value.Items.Skip(skip).Take(count).Select(c => ContractChoice(c, turn.Words)).ToList() : [];
            default:
                return [];
        }
    }

    /// <summary>The picker field: the first records, the one already chosen among them, and the dataset to search for the others.</summary>
    public static async Task<FormField> FieldAsync(CrmTurn turn, string id, string label, string dataset, string? chosen, CancellationToken cancellationToken)
    {
        var typeahead = ClientSearches(turn);
        var choices = (await SearchAsync(turn, dataset, null, 0, typeahead ? Shown : WithoutTypeahead, cancellationToken)).ToList();
        if (chosen is { Length: > 0 } && choices.All(c => c.Value != chosen) && int.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var recordId))
        {
            // Opened on a record ("new contract 12") that is not among the newest: it is offered too.
            // Only a record the picker itself would offer: one's own client (Sales), a signed contract.
            var mine = turn.Actor.EffectiveDepartment == Department.Sales;
            var record = dataset == Clients
                ? (await turn.Get<GetClient>().ExecuteAsync(turn.Actor, recordId, cancellationToken)) is { IsOk: true } client && (!mine || client.Value.SalesContactId == turn.Actor.Id)
                    ? ClientChoice(client.Value) : null
                : (await turn.Get<GetContract>().ExecuteAsync(turn.Actor, recordId, cancellationToken)) is { IsOk: true } contract && contract.Value.Status == ContractStatus.Signed
                    && (!mine || contract.Value.SalesContactId == turn.Actor.Id)
                    ? ContractChoice(contract.Value, turn.Words) : null;
            if (record is not null)
            {
                choices.Insert(0, record);
            }
        }

        return new FormField(id, label, FieldKind.Choice, Value: chosen, Required: true, Choices: [.. choices.Select(c => (c.Title, c.Value))], Dataset: typeahead ? dataset : null, Filtered: true);
    }

    private static PickerChoice ClientChoice(ClientView c) =>
        new($"{c.FullName} — {c.CompanyName} (#{c.Id})", c.Id.ToString(CultureInfo.InvariantCulture));

    private static PickerChoice ContractChoice(ContractView c, Wording words) =>
        new(words.Bot("recordPickers.text", c.Id, c.ClientName, c.ClientCompany, words.Euros(c.TotalAmount)), c.Id.ToString(CultureInfo.InvariantCulture));
}
