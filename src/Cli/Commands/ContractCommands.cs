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
        var contract = new Command("contract", "Contracts: amounts, signature and payments.");
        contract.Subcommands.Add(List(runner));
        contract.Subcommands.Add(Show(runner));
        contract.Subcommands.Add(Create(runner));
        contract.Subcommands.Add(Update(runner));
        contract.Subcommands.Add(RequestSignature(runner));
        contract.Subcommands.Add(Sign(runner));
        contract.Subcommands.Add(Decide(runner, "approve", SignatureVerdict.Approve, "Approve a pending signature request: the contract is signed."));
        contract.Subcommands.Add(Decide(runner, "reject", SignatureVerdict.Reject, "Reject a pending signature request, with a reason for the requester."));
        contract.Subcommands.Add(Cancel(runner));
        contract.Subcommands.Add(Pay(runner));
        return contract;
    }

    private static IReadOnlyList<Column<ContractView>> Columns(CliContext context) =>
    [
        new("ID", c => c.Id.ToString(context.Texts.Culture), Right: true, Width: 7),
        new("Client", c => c.ClientName, Width: 24),
        new(context.Texts.Say("Company", "Entreprise"), c => c.ClientCompany, Width: 28),
        new(context.Texts.Say("Total", "Total"), c => context.Texts.Amount(c.TotalAmount), Right: true, Width: 13),
        new(context.Texts.Say("Due", "Restant dû"), c => context.Texts.Amount(c.AmountDue), Right: true, Width: 13),
        new(context.Texts.Say("Status", "Statut"), c => context.Texts.Status(c.Status), Width: 23),
        new(context.Texts.Say("Sales contact", "Commercial"), c => c.SalesContactName ?? "—", Width: 24),
    ];

    private static void ShowDetails(CliContext context, ContractView c)
    {
        var texts = context.Texts;
        context.Terminal.Details(texts.Say($"Contract {c.Id}", $"Contrat {c.Id}"),
        [
            ("Client", $"{c.ClientName} — {c.ClientCompany} (#{c.ClientId})"),
            (texts.Say("Sales contact", "Commercial"), c.SalesContactName),
            (texts.Say("Total", "Montant total"), texts.Amount(c.TotalAmount)),
            (texts.Say("Amount due", "Restant dû"), texts.Amount(c.AmountDue)),
            (texts.Say("Status", "Statut"), texts.Status(c.Status)),
            (texts.Say("Signed", "Signé"), c.SignedAt is { } at ? $"{texts.Date(at, context.TimeZone)} ({c.SignedByName})" : null),
            (texts.Say("Signature request", "Demande de signature"), c.PendingSignatureRequestId is { } request ? texts.Say($"#{request}, awaiting Management", $"n° {request}, en attente de la gestion") : null),
            (texts.Say("Created", "Créé"), texts.Date(c.CreatedAt, context.TimeZone)),
            (texts.Say("Updated", "Modifié"), texts.Date(c.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var unsigned = new Option<bool>("--unsigned") { Description = "Draft or awaiting signature." };
        var unpaid = new Option<bool>("--unpaid") { Description = "Some amount is still due." };
        var status = new Option<string?>("--status") { Description = "Only this status.", HelpName = "draft|pending|signed|cancelled" };
        status.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !TryParseStatus(text, out _))
            {
                result.AddError("--status must be draft, pending, signed or cancelled.");
            }
        });
        var client = new Option<int?>("--client") { Description = "Only this client's contracts.", HelpName = "ID" };
        var mine = new Option<bool>("--mine") { Description = "Sales: only my clients' contracts." };
        var paging = new ListOptions();
        var command = new Command("list", "List contracts, newest first.") { unsigned, unpaid, status, client, mine };
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
        var id = Shared.Id("contract");
        var command = new Command("show", "Show one contract.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(await context.Crm(
                () => context.Get<GetContract>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                api => api.GetAsync<ContractView>($"contracts/{context.Value(id)}", cancellationToken)), c => ShowDetails(context, c)));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var client = new Option<int>("--client") { Description = "The client.", Required = true, HelpName = "ID" };
        var total = new Option<string>("--total") { Description = "Total amount, e.g. 1234.5 or \"1 234,50\".", Required = true, HelpName = "AMOUNT" };
        var due = new Option<string?>("--due") { Description = "Amount still due (default: the total).", HelpName = "AMOUNT" };
        var command = new Command("create", "Create a draft contract for a client.") { client, total, due };
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
                    context.Terminal.Success(context.Texts.Say($"Contract {c.Id} created.", $"Contrat {c.Id} créé."));
                    ShowDetails(context, c);
                });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id("contract");
        var total = new Option<string?>("--total") { Description = "New total amount.", HelpName = "AMOUNT" };
        var due = new Option<string?>("--due") { Description = "New amount due.", HelpName = "AMOUNT" };
        var signed = new Option<bool?>("--signed") { Description = "true: Management signs; Sales asks Management to sign.", HelpName = "true" };
        var command = new Command("update", "Change a contract's amounts, or mark it signed.") { id, total, due, signed };
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
                        ? context.Texts.Say($"Contract {outcome.Contract.Id} updated; Management is asked to sign it.", $"Contrat {outcome.Contract.Id} modifié ; la gestion est invitée à le signer.")
                        : context.Texts.Say($"Contract {outcome.Contract.Id} updated.", $"Contrat {outcome.Contract.Id} modifié."));
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
        var id = Shared.Id("contract");
        var command = new Command("request-signature", "Ask Management to sign a contract: every active manager is sent an approval card in Teams; says who cannot receive it.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<Crm.Signatures.RequestSignature>().ExecuteAsync(actor, new RequestSignatureRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<SignatureRequestSent>($"contracts/{context.Value(id)}/signature-request", null, cancellationToken)),
                sent =>
                {
                    context.Terminal.Success(context.Texts.Say(
                        $"Signature of contract {sent.Request.ContractId} requested (request {sent.Request.Id}).",
                        $"Signature du contrat {sent.Request.ContractId} demandée (demande {sent.Request.Id})."));
                    context.Terminal.Line(context.Texts.Wording.Approvers(sent.Approvers));
                }));
        return command;
    }

    private static Command Sign(CommandRunner runner)
    {
        var id = Shared.Id("contract");
        var command = new Command("sign", "Management: sign a contract.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<SignContract>().ExecuteAsync(actor, new SignContractRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<ContractView>($"contracts/{context.Value(id)}/sign", null, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Say($"Contract {c.Id} signed.", $"Contrat {c.Id} signé."))));
        return command;
    }

    private static Command Decide(CommandRunner runner, string name, SignatureVerdict verdict, string description)
    {
        var id = Shared.Id("contract");
        var command = new Command(name, description) { id };
        var reason = new Option<string>("--reason") { Description = "Why, for the requester.", Required = true };
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
                    ? context.Texts.Say($"Contract {r.ContractId} approved and signed.", $"Contrat {r.ContractId} approuvé et signé.")
                    : context.Texts.Say($"Signature of contract {r.ContractId} rejected; {r.RequestedByName} is told why.", $"Signature du contrat {r.ContractId} rejetée ; {r.RequestedByName} en est informé.")));
        });
        return command;
    }

    private static Command Cancel(CommandRunner runner)
    {
        var id = Shared.Id("contract");
        var command = new Command("cancel", "Management: cancel a contract that is not signed.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<CancelContract>().ExecuteAsync(actor, new CancelContractRequest(context.Value(id)), cancellationToken),
                    api => api.PostAsync<ContractView>($"contracts/{context.Value(id)}/cancel", null, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Say($"Contract {c.Id} cancelled.", $"Contrat {c.Id} annulé."))));
        return command;
    }

    private static Command Pay(CommandRunner runner)
    {
        var id = Shared.Id("contract");
        var amount = new Option<string>("--amount") { Description = "The amount received.", Required = true, HelpName = "AMOUNT" };
        var command = new Command("pay", "Record a payment on a signed contract.") { id, amount };
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
                c => context.Terminal.Success(context.Texts.Say(
                    $"Payment recorded on contract {c.Id}; {context.Texts.Amount(c.AmountDue)} still due.",
                    $"Paiement enregistré sur le contrat {c.Id} ; reste dû : {context.Texts.Amount(c.AmountDue)}.")));
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

        refused = context.Invalid(option, context.Texts.Say($"\"{text}\" is not an amount (e.g. 1234.5 or 1 234,50).", $"« {text} » n'est pas un montant (ex. 1234.5 ou 1 234,50)."));
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
