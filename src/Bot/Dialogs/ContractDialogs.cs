using System.Globalization;
using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Dialogs;

/// <summary><c>new contract [client]</c>.</summary>
public sealed class NewContractDialog : FormDialog
{
    public override string Kind => "contract.new";

    public override CrmAction Permission => CrmAction.CreateContract;

    public override string Title(Wording words) => words.Bot("common.newContract");

    public override string SubmitTitle(Wording words) => words.Bot("contractDialogs.createContract");

    public override Task<Result<FormState>> OpenAsync(CrmTurn turn, int? target, CancellationToken cancellationToken) =>
        Task.FromResult<Result<FormState>>(new FormState(target, null, target is { } client
            ? new Dictionary<string, string> { [FieldNames.ClientId] = client.ToString(CultureInfo.InvariantCulture) }
            : []));

    public override async Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken) =>
    [
        await RecordPickers.FieldAsync(turn, FieldNames.ClientId, turn.Words.Bot("contractDialogs.client"), RecordPickers.Clients, state[FieldNames.ClientId], cancellationToken),
        .. ContractFields.Amounts(turn.Words),
    ];

    public override async Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken)
    {
        if (!int.TryParse(state[FieldNames.ClientId], NumberStyles.None, CultureInfo.InvariantCulture, out var clientId) || clientId <= 0)
        {
            return InvalidInput(FieldNames.ClientId, turn.Words.Bot("contractDialogs.chooseClient"));
        }

        if (ContractFields.ReadAmounts(turn.Words, state, out var total, out var due) is { } invalid)
        {
            return invalid;
        }

        return Saved(await turn.Get<CreateContract>().ExecuteAsync(turn.Actor, new CreateContractRequest(clientId, total, due), cancellationToken), saved => ContractReplies.Card(turn, saved, turn.Words.Bot("contractDialogs.contractCreated", saved.Id)));
    }
}

/// <summary><c>update contract 7</c>: the amounts (signing has its own command).</summary>
public sealed class UpdateContractDialog : RecordFormDialog<ContractView>
{
    public override string Kind => "contract.update";

    public override CrmAction Permission => CrmAction.UpdateContractAmounts;

    public override string Title(Wording words) => words.Bot("contractDialogs.updateContract");

    public override string? Intro(Wording words, FormState state) => words.Bot("common.contractTitle", state.Target);

    protected override Task<Result<ContractView>> ReadAsync(CrmTurn turn, int id, CancellationToken cancellationToken) =>
        turn.Get<GetContract>().ExecuteAsync(turn.Actor, id, cancellationToken);

    protected override FormState StateOf(CrmTurn turn, ContractView c)
    {
        return new FormState(c.Id, c.Version, new Dictionary<string, string>
        {
            [FieldNames.TotalAmount] = c.TotalAmount.ToString(CultureInfo.InvariantCulture),
            [FieldNames.AmountDue] = c.AmountDue.ToString(CultureInfo.InvariantCulture),
        });
    }

    public override Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FormField>>(ContractFields.Amounts(turn.Words));

    public override async Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken)
    {
        if (ContractFields.ReadAmounts(turn.Words, state, out var total, out var due) is { } invalid)
        {
            return invalid;
        }

        return Saved(await turn.Get<UpdateContract>().ExecuteAsync(turn.Actor, new UpdateContractRequest(state.Target ?? 0, total, due, ExpectedVersion: state.Version), cancellationToken), saved => ContractReplies.Card(turn, saved.Contract, turn.Words.Bot("contractDialogs.contractUpdated", state.Target)));
    }
}

internal static class ContractFields
{
    public static List<FormField> Amounts(Wording words) =>
    [
        new(FieldNames.TotalAmount, words.Bot("contractDialogs.totalAmount"), Required: true, Placeholder: "12 000,00"),
        new(FieldNames.AmountDue, words.Bot("contractDialogs.amountDueTotalWhenLeft"), Placeholder: "12 000,00"),
    ];

    /// <summary>Reads the amount inputs ("1 234,50" or "1234.5"); null when both read.</summary>
    public static Failure? ReadAmounts(Wording words, FormState state, out decimal? total, out decimal? due)
    {
        total = null;
        due = null;
        var errors = new List<FieldError>();
        foreach (var (field, text) in new[] { (FieldNames.TotalAmount, state[FieldNames.TotalAmount]), (FieldNames.AmountDue, state[FieldNames.AmountDue]) })
        {
            if (text is null)
            {
                continue;
            }

            if (!UserInput.TryParseAmount(text, out var amount))
            {
                errors.Add(new FieldError(field, Text.Worded(words.Bot("contractDialogs.notAmountEG", text))));
            }
            else if (field == FieldNames.TotalAmount)
            {
                total = amount;
            }
            else
            {
                due = amount;
            }
        }

        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }
}
