using System.CommandLine;
using EpicEvents.Cli.Output;
using EpicEvents.Cli.Remote;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;

namespace EpicEvents.Cli.Commands;

/// <summary><c>client list | show | create | update | reassign | delete</c>.</summary>
internal static class ClientCommands
{
    private static readonly IReadOnlyDictionary<string, string> ReassignOptions = new Dictionary<string, string> { ["salesContactId"] = "to" };

    public static Command Build(CommandRunner runner)
    {
        var client = new Command("client", "Clients and their sales contact.");
        client.Subcommands.Add(List(runner));
        client.Subcommands.Add(Show(runner));
        client.Subcommands.Add(Create(runner));
        client.Subcommands.Add(Update(runner));
        client.Subcommands.Add(Reassign(runner));
        client.Subcommands.Add(Delete(runner));
        return client;
    }

    private static IReadOnlyList<Column<ClientView>> Columns(CliContext context) =>
    [
        new("ID", c => c.Id.ToString(context.Texts.Culture), Right: true, Width: 7),
        new(context.Texts.Say("Name", "Nom"), c => c.FullName, Width: 24),
        new(context.Texts.Say("Company", "Entreprise"), c => c.CompanyName, Width: 28),
        new("Email", c => c.Email, Width: 32),
        new(context.Texts.Say("Phone", "Téléphone"), c => c.Phone, Width: 18),
        new(context.Texts.Say("Sales contact", "Commercial"), c => SalesContact(context, c), Width: 24),
    ];

    private static string SalesContact(CliContext context, ClientView c) =>
        c.SalesContactName is null ? "—" : c.SalesContactActive ? c.SalesContactName : $"{c.SalesContactName} ({context.Texts.Say("inactive", "inactif")})";

    private static void ShowDetails(CliContext context, ClientView c)
    {
        var texts = context.Texts;
        context.Terminal.Details(texts.Say($"Client {c.Id}", $"Client {c.Id}"),
        [
            (texts.Say("Name", "Nom"), c.FullName),
            (texts.Say("Company", "Entreprise"), c.CompanyName),
            ("Email", c.Email),
            (texts.Say("Phone", "Téléphone"), c.Phone),
            (texts.Say("Sales contact", "Commercial"), c.SalesContactId is { } id ? $"{SalesContact(context, c)} (#{id})" : null),
            (texts.Say("Created", "Créé"), texts.Date(c.CreatedAt, context.TimeZone)),
            (texts.Say("Updated", "Modifié"), texts.Date(c.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var mine = new Option<bool>("--mine") { Description = "Sales: only the clients I follow." };
        var search = new Option<string?>("--search") { Description = "Text in the name, company or email (accents and case ignored).", HelpName = "TEXT" };
        var noSalesContact = new Option<bool>("--no-sales-contact") { Description = "Clients without an active sales contact." };
        var paging = new ListOptions();
        var command = new Command("list", "List clients, newest first.") { mine, search, noSalesContact };
        paging.AddTo(command);
        runner.Authenticated(command, (context, actor, cancellationToken) =>
        {
            var filter = new ClientFilter(context.Value(mine), context.Value(search), context.Value(noSalesContact));
            return Listing.RunAsync(
                context,
                paging,
                (page, token) => context.Crm(
                    () => context.Get<ListClients>().ExecuteAsync(actor, filter, page, token),
                    api => api.GetAsync<Page<ClientView>>(ApiPaths.Clients(filter, page), token)),
                Columns(context),
                cancellationToken,
                after => context.Get<ListClients>().Stream(actor, filter, after));
        }, quiet: false);
        return command;
    }

    private static Command Show(CommandRunner runner)
    {
        var id = Shared.Id("client");
        var command = new Command("show", "Show one client.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<GetClient>().ExecuteAsync(actor, context.Value(id), cancellationToken),
                    api => api.GetAsync<ClientView>($"clients/{context.Value(id)}", cancellationToken)),
                c => ShowDetails(context, c)));
        return command;
    }

    private static Command Create(CommandRunner runner)
    {
        var name = new Option<string>("--name") { Description = "The client's full name.", Required = true };
        var email = new Option<string>("--email") { Description = "Email, unique.", Required = true };
        var phone = new Option<string>("--phone") { Description = "Phone number.", Required = true };
        var company = new Option<string>("--company") { Description = "Company name.", Required = true };
        var salesContact = new Option<int?>("--sales-contact") { Description = "Management: the Sales collaborator who follows the client (Sales: always yourself).", HelpName = "ID" };
        var command = new Command("create", "Create a client.") { name, email, phone, company, salesContact };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var request = new CreateClientRequest(context.Value(name), context.Value(email), context.Value(phone), context.Value(company), context.Value(salesContact));
            var result = await context.Crm(
                () => context.Get<CreateClient>().ExecuteAsync(actor, request, cancellationToken),
                api => api.PostAsync<ClientView>("clients", request, cancellationToken));
            return context.Complete(result, c =>
            {
                context.Terminal.Success(context.Texts.Say($"Client {c.Id} created.", $"Client {c.Id} créé."));
                ShowDetails(context, c);
            });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id("client");
        var name = new Option<string?>("--name") { Description = "New full name." };
        var email = new Option<string?>("--email") { Description = "New email." };
        var phone = new Option<string?>("--phone") { Description = "New phone number." };
        var company = new Option<string?>("--company") { Description = "New company name." };
        var command = new Command("update", "Change a client's details (options left out keep their value).") { id, name, email, phone, company };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var request = new UpdateClientRequest(context.Value(id), context.Value(name), context.Value(email), context.Value(phone), context.Value(company));
            var result = await context.Crm(
                () => context.Get<UpdateClient>().ExecuteAsync(actor, request, cancellationToken),
                api => api.PatchAsync<ClientView>($"clients/{request.ClientId}", request, cancellationToken));
            return context.Complete(result, c =>
            {
                context.Terminal.Success(context.Texts.Say($"Client {c.Id} updated.", $"Client {c.Id} modifié."));
                ShowDetails(context, c);
            });
        });
        return command;
    }

    private static Command Reassign(CommandRunner runner)
    {
        var id = Shared.Id("client");
        var to = new Option<int>("--to") { Description = "The Sales collaborator who takes the client over.", Required = true, HelpName = "ID" };
        var command = new Command("reassign", "Give a client another sales contact.") { id, to };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<ReassignClient>().ExecuteAsync(actor, new ReassignClientRequest(context.Value(id), context.Value(to)), cancellationToken),
                    api => api.PostAsync<ClientView>($"clients/{context.Value(id)}/reassign", new { salesContactId = context.Value(to) }, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Say($"Client {c.Id} is now followed by {c.SalesContactName}.", $"Le client {c.Id} est maintenant suivi par {c.SalesContactName}.")),
                fieldNames: ReassignOptions));
        return command;
    }

    private static Command Delete(CommandRunner runner)
    {
        var id = Shared.Id("client");
        var command = new Command("delete", "Delete a client that has no contract.") { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<DeleteClient>().ExecuteAsync(actor, new DeleteClientRequest(context.Value(id)), cancellationToken),
                    api => api.DeleteAsync<Done>($"clients/{context.Value(id)}", cancellationToken)),
                _ => context.Terminal.Success(context.Texts.Say($"Client {context.Value(id)} deleted.", $"Client {context.Value(id)} supprimé.")),
                _ => new { deleted = true, id = context.Value(id) }));
        return command;
    }
}
