using System.CommandLine;
using EpicEvents.Cli.Output;
using EpicEvents.Cli.Remote;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;

namespace EpicEvents.Cli.Commands;

/// <summary><c>client list | show | create | update | reassign | delete</c>.</summary>
internal static class ClientCommands
{
    public static Command Build(CommandRunner runner)
    {
        var client = new Command("client", runner.Texts.Phrase("client.help"));
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
        new(context.Texts.Phrase("client.name"), c => c.FullName, Width: 24),
        new(context.Texts.Phrase("client.company"), c => c.CompanyName, Width: 28),
        new(context.Texts.Phrase("common.column.email"), c => c.Email, Width: 32),
        new(context.Texts.Phrase("client.phone"), c => c.Phone, Width: 18),
        new(context.Texts.Phrase("client.salesContact"), c => SalesContact(context, c), Width: 24),
    ];

    private static string SalesContact(CliContext context, ClientView c) =>
        c.SalesContactName is null ? "—" : c.SalesContactActive ? c.SalesContactName : $"{c.SalesContactName} ({context.Texts.Phrase("client.inactive")})";

    private static void ShowDetails(CliContext context, ClientView c)
    {
        var texts = context.Texts;
        context.Terminal.Details(texts.Phrase("client.client", c.Id),
        [
            (texts.Phrase("client.name"), c.FullName),
            (texts.Phrase("client.company"), c.CompanyName),
            (texts.Phrase("common.column.email"), c.Email),
            (texts.Phrase("client.phone"), c.Phone),
            (texts.Phrase("client.salesContact"), c.SalesContactId is { } id ? $"{SalesContact(context, c)} (#{id})" : null),
            (texts.Phrase("client.created"), texts.Date(c.CreatedAt, context.TimeZone)),
            (texts.Phrase("client.updated"), texts.Date(c.UpdatedAt, context.TimeZone)),
        ]);
    }

    private static Command List(CommandRunner runner)
    {
        var mine = new Option<bool>("--mine") { Description = runner.Texts.Phrase("client.list.mine.help") };
        var search = new Option<string?>("--search") { Description = runner.Texts.Phrase("client.list.search.help"), HelpName = runner.Texts.Phrase("common.text.name") };
        var noSalesContact = new Option<bool>("--no-sales-contact") { Description = runner.Texts.Phrase("client.list.noSalesContact.help") };
        var paging = new ListOptions(runner.Texts);
        var command = new Command("list", runner.Texts.Phrase("client.list.help")) { mine, search, noSalesContact };
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
        var id = Shared.Id(runner.Texts.Phrase("client.id.help"));
        var command = new Command("show", runner.Texts.Phrase("client.show.help")) { id };
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
        var name = new Option<string>("--name") { Description = runner.Texts.Phrase("client.create.name.help"), Required = true };
        var email = new Option<string>("--email") { Description = runner.Texts.Phrase("client.create.email.help"), Required = true };
        var phone = new Option<string>("--phone") { Description = runner.Texts.Phrase("client.create.phone.help"), Required = true };
        var company = new Option<string>("--company") { Description = runner.Texts.Phrase("client.create.company.help"), Required = true };
        var salesContact = new Option<int?>("--sales-contact") { Description = runner.Texts.Phrase("client.create.salesContact.help"), HelpName = "ID" };
        var command = new Command("create", runner.Texts.Phrase("client.create.help")) { name, email, phone, company, salesContact };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var request = new CreateClientRequest(context.Value(name), context.Value(email), context.Value(phone), context.Value(company), context.Value(salesContact));
            var result = await context.Crm(
                () => context.Get<CreateClient>().ExecuteAsync(actor, request, cancellationToken),
                api => api.PostAsync<ClientView>("clients", request, cancellationToken));
            return context.Complete(result, c =>
            {
                context.Terminal.Success(context.Texts.Phrase("client.clientCreated", c.Id));
                ShowDetails(context, c);
            });
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("client.id.help"));
        var name = new Option<string?>("--name") { Description = runner.Texts.Phrase("client.update.name.help") };
        var email = new Option<string?>("--email") { Description = runner.Texts.Phrase("client.update.email.help") };
        var phone = new Option<string?>("--phone") { Description = runner.Texts.Phrase("client.update.phone.help") };
        var company = new Option<string?>("--company") { Description = runner.Texts.Phrase("client.update.company.help") };
        var command = new Command("update", runner.Texts.Phrase("client.update.help")) { id, name, email, phone, company };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
        {
            var request = new UpdateClientRequest(context.Value(id), context.Value(name), context.Value(email), context.Value(phone), context.Value(company));
            var result = await context.Crm(
                () => context.Get<UpdateClient>().ExecuteAsync(actor, request, cancellationToken),
                api => api.PatchAsync<ClientView>($"clients/{request.ClientId}", request, cancellationToken));
            return context.Complete(result, c =>
            {
                context.Terminal.Success(context.Texts.Phrase("client.clientUpdated", c.Id));
                ShowDetails(context, c);
            });
        });
        return command;
    }

    private static Command Reassign(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("client.id.help"));
        var to = new Option<int>("--to") { Description = runner.Texts.Phrase("client.reassign.to.help"), Required = true, HelpName = "ID" };
        var command = new Command("reassign", runner.Texts.Phrase("client.reassign.help")) { id, to };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<ReassignClient>().ExecuteAsync(actor, new ReassignClientRequest(context.Value(id), context.Value(to)), cancellationToken),
                    api => api.PostAsync<ClientView>($"clients/{context.Value(id)}/reassign", new { salesContactId = context.Value(to) }, cancellationToken)),
                c => context.Terminal.Success(context.Texts.Phrase("client.clientNowFollowed", c.Id, c.SalesContactName)),
                fieldNames: OptionNames.Reassign));
        return command;
    }

    private static Command Delete(CommandRunner runner)
    {
        var id = Shared.Id(runner.Texts.Phrase("client.id.help"));
        var command = new Command("delete", runner.Texts.Phrase("client.delete.help")) { id };
        runner.Authenticated(command, async (context, actor, cancellationToken) =>
            context.Complete(
                await context.Crm(
                    () => context.Get<DeleteClient>().ExecuteAsync(actor, new DeleteClientRequest(context.Value(id)), cancellationToken),
                    api => api.DeleteAsync<Done>($"clients/{context.Value(id)}", cancellationToken)),
                _ => context.Terminal.Success(context.Texts.Phrase("client.clientDeleted", context.Value(id))),
                _ => new { deleted = true, id = context.Value(id) }));
        return command;
    }
}
