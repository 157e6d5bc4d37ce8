using System.Globalization;
using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Conversations;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Dialogs;

/// <summary><c>new client</c>: Sales create their own clients; Management names the sales contact.</summary>
public sealed class NewClientDialog : FormDialog
{
    public override string Kind => "client.new";

    public override CrmAction Permission => CrmAction.CreateClient;

    public override string Title(Wording words) => words.Bot("common.newClient");

    public override string SubmitTitle(Wording words) => words.Bot("clientDialogs.createClient");

    public override async Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken)
    {
        var fields = ClientFields.For(turn.Words, required: true);
        if (turn.Actor.EffectiveDepartment == Department.Management)
        {
            var sales = await turn.Get<ListCollaborators>().ExecuteAsync(turn.Actor, new CollaboratorFilter(Department.Sales), PageRequest.First(PageRequest.MaxLimit), cancellationToken);
            var choices = sales.IsOk ? sales.Value.Items.Select(s => (s.FullName, s.Id.ToString(CultureInfo.InvariantCulture))).ToList() : [];
            fields.Add(new FormField(FieldNames.SalesContactId, turn.Words.Bot("common.salesContact"), FieldKind.Choice, Required: true, Choices: choices));
        }

        return fields;
    }

    public override async Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken)
    {
        int? salesContact = int.TryParse(state[FieldNames.SalesContactId], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        return Saved(await turn.Get<CreateClient>().ExecuteAsync(
            turn.Actor,
            new CreateClientRequest(state[FieldNames.FullName], state[FieldNames.Email], state[FieldNames.Phone], state[FieldNames.CompanyName], salesContact),
            cancellationToken), saved => ClientReplies.Card(turn, saved, turn.Words.Bot("clientDialogs.clientCreated", saved.Id)));
    }
}

/// <summary><c>update client 12</c>.</summary>
public sealed class UpdateClientDialog : RecordFormDialog<ClientView>
{
    public override string Kind => "client.update";

    public override CrmAction Permission => CrmAction.UpdateClient;

    public override string Title(Wording words) => words.Bot("clientDialogs.updateClient");

    public override string? Intro(Wording words, FormState state) => words.Bot("common.client", state.Target);

    protected override Task<Result<ClientView>> ReadAsync(CrmTurn turn, int id, CancellationToken cancellationToken) =>
        turn.Get<GetClient>().ExecuteAsync(turn.Actor, id, cancellationToken);

    protected override FormState StateOf(CrmTurn turn, ClientView c)
    {
        return new FormState(c.Id, c.Version, new Dictionary<string, string>
        {
            [FieldNames.FullName] = c.FullName,
            [FieldNames.Email] = c.Email,
            [FieldNames.Phone] = c.Phone,
            [FieldNames.CompanyName] = c.CompanyName,
        });
    }

    public override Task<IReadOnlyList<FormField>> FieldsAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FormField>>(ClientFields.For(turn.Words, required: true));

    public override async Task<Result<JsonElement>> SubmitAsync(CrmTurn turn, FormState state, CancellationToken cancellationToken)
    {
        return Saved(await turn.Get<UpdateClient>().ExecuteAsync(
            turn.Actor,
            new UpdateClientRequest(state.Target ?? 0, state[FieldNames.FullName] ?? string.Empty, state[FieldNames.Email] ?? string.Empty, state[FieldNames.Phone] ?? string.Empty, state[FieldNames.CompanyName] ?? string.Empty, state.Version),
            cancellationToken), saved => ClientReplies.Card(turn, saved, turn.Words.Bot("clientDialogs.clientUpdated", saved.Id)));
    }
}

internal static class ClientFields
{
    public static List<FormField> For(Wording words, bool required) =>
    [
        new(FieldNames.FullName, words.Bot("clientDialogs.fullName"), Required: required, MaxLength: Limits.PersonName),
        new(FieldNames.Email, words.Bot("common.emailLabel"), Required: required, MaxLength: Limits.Email, Placeholder: "name@company.com"),
        new(FieldNames.Phone, words.Bot("common.phone"), Required: required, MaxLength: Limits.PhoneText, Placeholder: "+33 6 12 34 56 78"),
        new(FieldNames.CompanyName, words.Bot("common.company"), Required: required, MaxLength: Limits.CompanyName),
    ];
}
