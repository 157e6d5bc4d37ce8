using System.CommandLine;
using EpicEvents.Crm.Common;
using EpicEvents.Cli.Remote;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Cli.Commands;

/// <summary>
/// <c>contract list | show | create | update | request-signature | sign | approve | reject | cancel | pay</c>.
/// </summary>
internal static class ContractCommands
{
    public static Command Build(CommandRunner runner)
    {
        var contract = new Command("contract", runner.Texts.Phrase("contract.help"));
        contract.Subcommands.Add(List(runner));
        contract.Subcommands.Add(Show(runner));
        contract.Subcommands.Add(Create(runner));
        contract.Subcommands.Add(Update(runner));
        contract.Subcommands.Add(RequestSignature(runner));
        contract.Subcommands.Add(Sign(runner));
        contract.Subcommands.Add(Decide(runner, "approve", SignatureVerdict.Approve, runner.Texts.Phrase("contract.approve.help")));
        contract.Subcommands.Add(Decide(runner, "reject", SignatureVerdict.Reject, runner.Texts.Phrase("contract.reject.help")));
        contract.Subcommands.Add(Cancel(runner));
        contract.Subcommands.Add(Pay(runner));
        return contract;
    }

    private static IReadOnlyList<Column<ContractView>> Columns(CliContext context) =>
    [
        new("ID", c => c.Id.ToString(context.Texts.Culture), Right: true, Width: 7),
        new(context.Texts.Phrase("common.column.client"), c => c.ClientName, Width: 24),
        new(context.Texts.Phrase("contract.company"), c => c.ClientCompany, Width: 28),
        new(context.Texts.Phrase("contract.total"), c => context.Texts.Amount(c.TotalAmount), Right: true, Width: 13),
        new(context.Texts.Phrase("contract.due"), c => context.Texts.Amount(c.AmountDue), Right: true, Width: 13),
        new(context.Texts.Phrase("contract.status"), c => context.Texts.Status(c.Status), Width: 23),
        new(context.Texts.Phrase("contract.salesContact"), c => c.SalesContactName ?? "—", Width: 24),
    ];

    private static void ShowDetails(CliContext context, ContractView c)
    {
        var texts = context.Texts;
        context.Terminal.Details(texts.Phrase("contract.contract", c.Id),
        [
            (texts.Phrase("common.column.client"), $"{c.ClientName} — {c.ClientCompany} (#{c.ClientId})"),
            (texts.Phrase("contract.salesContact"), c.SalesContactName),
            (texts.Phrase("contract.total2"), texts.Amount(c.TotalAmount)),
            (texts.Phrase("contract.amountDue"), texts.Amount(c.AmountDue)),
            (texts.Phrase("contract.status"), texts.Status(c.Status)),
            (texts.Phrase("contract.signed"), c.SignedAt is { } at ? $"{texts.Date(at, context.TimeZone)} ({c.SignedByName})" : null),
            (texts.Phrase("contract.signatureRequest"), c.PendingSignatureRequestId is { } request ? texts.Phrase("contract.awaitingManagement", request) : null),
            (texts.Phrase("contract.created"), texts.Date(c.CreatedAt, context.TimeZone)),
            (texts.Phrase("contract.updated"), texts.Date(c.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var unsigned = new Option<bool>("--unsigned") { Description = runner.Texts.Phrase("contract.list.unsigned.help") };
        var unpaid = new Option<bool>("--unpaid") { Description = runner.Texts.Phrase("contract.list.unpaid.help") };
        var status = new Option<string?>("--status") { Description = runner.Texts.Phrase("contract.list.status.help"), HelpName = "draft|pending|signed|cancelled" };
        status.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !TryParseStatus(text, out _))
            {
                result.AddError(runner.Texts.Phrase("contract.list.status.invalid"));
            }
        });
        var client = new Option<int?>("--client") { Description = runner.Texts.Phrase("contract.list.client.help"), HelpName = "ID" };
        var mine = new Option<bool>("--mine") { Description = runner.Texts.Phrase("contract.list.mine.help") };
        var paging = new ListOptions(runner.Texts);
        var command = new Command("list", runner.Texts.Phrase("contract.list.help")) { unsigned, unpaid, status, client, mine };
        paging.AddTo(command);
        runner.Authenticated(command, (context, actor, cancellationToken) =>
        {
            ContractStatus? chosen = context.Value(status) is { } text && TryParseStatus(text, out var parsed) ? parsed : null;
            var filter = new ContractFilter(context.Value(unsigned), context.Value(unpaid), chosen, context.Value(client), context.Value(mine));
            return Listing.RunAsync(context, paging, (page, token) => context.Crm(
                () => context.ContractList.ExecuteAsync(actor, filter, page, token),
                api => api.GetAsync<Page<ContractView>>(ApiPaths.Contracts(filter, page), token)), Columns(context), cancellationToken,
                after => context.ContractList.Stream(actor, filter, after));
        }, quiet: false);
        return command;
    }

    private static Command Show(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("contract.id.help"));
        var command = new Command("show", runner.Texts.Phrase("contract.show.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<GetContract>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.GetAsync<ContractView>($"contracts/{context.Value(id)}", cancellationToken)), c => ShowDetails(context, c)));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var client = new Option<int>("--client") { Description = runner.Texts.Phrase("contract.create.client.help"), Required = true, HelpName = "ID" };
        var total = new Option<string>("--total") { Description = runner.Texts.Phrase("contract.create.total.help"), Required = true, HelpName = runner.Texts.Phrase("common.amount.name") };
        var due = new Option<string?>("--due") { Description = runner.Texts.Phrase("contract.create.due.help"), HelpName = runner.Texts.Phrase("common.amount.name") };
        var command = new Command("create", runner.Texts.Phrase("contract.create.help")) { client, total, due };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            if (!TryAmount(context, context.Value(total), "total", out var totalAmount, out var refused)
                || !TryAmount(context, context.Value(due), "due", out var amountDue, out refused))
            {
                return refused;
            }

            return context.Complete(
                await context.Crm(
                    () => context.Get<CreateContract>().ExecuteAsync(actor, new CreateContractRequest(context.Value(client), totalAmount, amountDue), cancellationToken),
                    api => api.PostAsync<ContractView>("contracts", new { clientId = context.Value(client), totalAmount, amountDue }, cancellationToken)),
                c =>
                {
                    context.Terminal.Success(context.Texts.Phrase("contract.contractCreated", c.Id));
                    ShowDetails(context, c);
                });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("contract.id.help"));
        var total = new Option<string?>("--total") { Description = runner.Texts.Phrase("contract.update.total.help"), HelpName = runner.Texts.Phrase("common.amount.name") };
        var due = new Option<string?>("--due") { Description = runner.Texts.Phrase("contract.update.due.help"), HelpName = runner.Texts.Phrase("common.amount.name") };
        var signed = new Option<bool?>("--signed") { Description = runner.Texts.Phrase("contract.update.signed.help"), HelpName = "true" };
        var command = new Command("update", runner.Texts.Phrase("contract.update.help")) { id, total, due, signed };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            if (!TryAmount(context, context.Value(total), "total", out var totalAmount, out var refused)
                || !TryAmount(context, context.Value(due), "due", out var amountDue, out refused))
            {
                return refused;
            }

            var request = new UpdateContractRequest(context.Value(id), totalAmount, amountDue, context.Value(signed));
            return context.Complete(
                await context.Crm(
                    () => context.Get<UpdateContract>().ExecuteAsync(actor, request, cancellationToken),
                    api => api.PatchAsync<ContractUpdateOutcome>($"contracts/{request.ContractId}", request, cancellationToken)),
                outcome =>
                {
                    context.Terminal.Success(outcome.SignatureRequested
                        ? context.Texts.Phrase("contract.contractUpdatedManagementAsked", outcome.Contract.Id)
                        : context.Texts.Phrase("contract.contractUpdated", outcome.Contract.Id));
                    if (outcome.SignatureRequested)
                    {
                        context.Terminal.Line(context.Texts.Wording.Approvers(outcome.Approvers));
                    }

                    ShowDetails(context, outcome.Contract);
                });
        });
        return command;
    }

    private static Command RequestSignature(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("contract.id.help"));
        var command = new Command("request-signature", runner.Texts.Phrase("contract.requestSignature.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<Crm.Signatures.RequestSignature>().ExecuteAsync(actor, new RequestSignatureRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<SignatureRequestSent>($"contracts/{context.Value(id)}/signature-request", null, cancellationToken)),
                sent =>
                {
                    context.Terminal.Success(context.Texts.Phrase("contract.signatureContractRequestedRequest", sent.Request.ContractId, sent.Request.Id));
                    context.Terminal.Line(context.Texts.Wording.Approvers(sent.Approvers));
                }));
        return command;
    }

    private static Command Sign(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("contract.id.help"));
        var command = new Command("sign", runner.Texts.Phrase("contract.sign.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<SignContract>().ExecuteAsync(actor, new SignContractRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<ContractView>($"contracts/{context.Value(id)}/sign", null, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Phrase("contract.contractSigned", c.Id))));
        return command;
    }

    private static Command Decide(CommandRunner runner, string name, SignatureVerdict verdict, string description)
    {
        var id = Shared.Id(runner.Texts.Phrase("contract.id.help"));
        var command = new Command(name, description) { id };
        var reason = new Option<string>("--reason") { Description = runner.Texts.Phrase("contract.decide.reason.help"), Required = true };
        if (verdict == SignatureVerdict.Reject)
        {
            command.Options.Add(reason);
        }

        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var decision = new ContractSignatureDecision(context.Value(id), verdict, verdict == SignatureVerdict.Reject ? context.Value(reason) : null);
            return context.Complete(
                await context.Crm(
                    () => context.Get<DecideContractSignature>().ExecuteAsync(actor, decision, cancellationToken),
                    api => api.PostAsync<SignatureRequestView>($"contracts/{decision.ContractId}/{(verdict == SignatureVerdict.Approve ? "approve" : "reject")}", new { reason = decision.Reason }, cancellationToken)),
                r => context.Terminal.Success(verdict == SignatureVerdict.Approve
                    ? context.Texts.Phrase("contract.contractApprovedSigned", r.ContractId)
                    : context.Texts.Phrase("contract.signatureContractRejectedTold", r.ContractId, r.RequestedByName)));
        });
        return command;
    }

    private static Command Cancel(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("contract.id.help"));
        var command = new Command("cancel", runner.Texts.Phrase("contract.cancel.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<CancelContract>().ExecuteAsync(actor, new CancelContractRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<ContractView>($"contracts/{context.Value(id)}/cancel", null, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Phrase("contract.contractCancelled", c.Id))));
        return command;
    }

    private static Command Pay(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("contract.id.help"));
        var amount = new Option<string>("--amount") { Description = runner.Texts.Phrase("contract.pay.amount.help"), Required = true, HelpName = runner.Texts.Phrase("common.amount.name") };
        var command = new Command("pay", runner.Texts.Phrase("contract.pay.help")) { id, amount };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            if (!TryAmount(context, context.Value(amount), "amount", out var paid, out var refused))
            {
                return refused;
            }

            return context.Complete(
                await context.Crm(
                    () => context.Get<RecordPayment>().ExecuteAsync(actor, new RecordPaymentRequest(context.Value(id), paid), cancellationToken),
                    api => api.PostAsync<ContractView>($"contracts/{context.Value(id)}/payments", new { amount = paid }, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Phrase("contract.paymentRecordedContractStill", c.Id, context.Texts.Amount(c.AmountDue))));
        });
        return command;
    }

    /// <summary>An optional amount option: absent is fine, present must read as an amount.</summary>
    private static bool TryAmount(CliContext context, string? text, string option, out decimal? amount, out int refused)
    {
        amount = null;
        refused = ExitCodes.Ok;
        if (text is null)
        {
            return true;
        }

        if (UserInput.TryParseAmount(text, out var parsed))
        {
            amount = parsed;
            return true;
        }

        refused = context.Invalid(option, context.Texts.Phrase("contract.notAmountEG", text));
        return false;
    }

    private static bool TryParseStatus(string text, out ContractStatus status)
    {
        status = default;
        switch (text.Trim().ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal))
        {
            case "draft":
                status = ContractStatus.Draft;
                return true;
            case "pending" or "pendingsignature":
                status = ContractStatus.PendingSignature;
                return true;
            case "signed":
                status = ContractStatus.Signed;
                return true;
            case "cancelled" or "canceled":
                status = ContractStatus.Cancelled;
                return true;
            default:
                return false;
        }
    }
}
