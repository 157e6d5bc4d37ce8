using EpicEvents.Bot.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EpicEvents.Bot.EndToEnd.Tests;

/// <summary>The "new client" story in the playground's web UI, as a salesperson clicks through it.</summary>
public sealed class NewClientFormTests(EndToEndWorld world, ITestOutputHelper output) : EndToEndTest(world, output)
{
    [EndToEndFact]
    public Task A_salesperson_creates_a_client_from_the_card_after_fixing_a_wrong_email() => ScenarioAsync(async () =>
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        var email = $"kevin.{slug}@startup.io";
        var chat = await OpenChatAsync(MockTenant.Sales);
        var mark = chat.Playground.Conversation.Mark;

        var form = await chat.SendAsync("new client");

        (await form.TitleAsync()).Should().Be("New client");
        var formMessage = await chat.Playground.Conversation.NextFromBotAsync(mark, m => m.InputIds.Count > 0);
        formMessage.InputIds.Should().Contain(["fullName", "email", "phone", "companyName"]);

        await form.FillAsync("fullName", "Kevin Casey");
        await form.FillAsync("email", "kevin-at-startup");
        await form.FillAsync("phone", "+33 6 12 34 56 78");
        await form.FillAsync("companyName", $"Startup {slug}");
        var refused = await form.ClickAsync("Create client");

        (await refused.TitleAsync()).Should().Be("New client", "the same form comes back");
        (await refused.ValueAsync("fullName")).Should().Be("Kevin Casey");
        (await refused.ValueAsync("email")).Should().Be("kevin-at-startup");
        (await refused.ValueAsync("phone")).Should().Be("+33 6 12 34 56 78");
        (await refused.ValueAsync("companyName")).Should().Be($"Startup {slug}");
        (await refused.ErrorUnderAsync("email")).Should().ContainEquivalentOf("email");
        (await refused.ErrorUnderAsync("fullName")).Should().BeEmpty("only the wrong field is marked");

        await refused.FillAsync("email", email);
        var confirmation = await refused.ClickAsync("Create client");

        var confirmed = await confirmation.TextAsync();
        confirmed.Should().Contain("created").And.Contain("Kevin Casey");

        var clients = (await World.CliAsync(MockTenant.Manager, ["client", "list", "--search", slug, "--json"])).Succeeds().Json.GetProperty("items");
        clients.GetArrayLength().Should().Be(1);
        clients[0].GetProperty("fullName").GetString().Should().Be("Kevin Casey");
        clients[0].GetProperty("email").GetString().Should().Be(email);
        clients[0].GetProperty("salesContactName").GetString().Should().Be(MockTenant.Sales.Name);
    });

    [EndToEndFact]
    public Task A_french_speaking_salesperson_fills_the_form_in_french_and_reads_the_field_error_in_french() => ScenarioAsync(async () =>
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        (await World.CliAsync(MockTenant.Sales, ["settings", "language", "fr"])).Succeeds();
        try
        {
            var chat = await OpenChatAsync(MockTenant.Sales);

            var form = await chat.SendAsync("nouveau client");

            (await form.TitleAsync()).Should().Be("Nouveau client");
            await form.FillAsync("fullName", "Élodie Martin");
            await form.FillAsync("email", "elodie-chez-exemple");
            await form.FillAsync("phone", "06 12 34 56 78");
            await form.FillAsync("companyName", $"Martin {slug}");
            var refused = await form.ClickAsync("Créer le client");

            var error = await refused.ErrorUnderAsync("email");
            error.Should().Contain("adresse e-mail valide").And.NotContain("valid email", "the field error is in the person's language");
            await KeepScreenshotAsync(chat, "new-client-french-error.png");

            await refused.FillAsync("email", $"elodie.{slug}@exemple.fr");
            var confirmation = await refused.ClickAsync("Créer le client");

            (await confirmation.TextAsync()).Should().Contain("Élodie Martin").And.Contain("créé");
        }
        finally
        {
            (await World.CliAsync(MockTenant.Sales, ["settings", "language", "auto"])).Succeeds();
        }
    });

    [EndToEndFact]
    public Task Submitting_the_form_empty_says_under_each_required_field_what_is_missing() => ScenarioAsync(async () =>
    {
        var chat = await OpenChatAsync(MockTenant.Sales);
        var form = await chat.SendAsync("new client");

        await form.PressAsync("Create client");

        foreach (var field in new[] { "fullName", "email", "phone", "companyName" })
        {
            (await form.ErrorUnderAsync(field)).Should().Contain("Fill in", $"the renderer refuses the empty {field} and says why");
        }

        await KeepScreenshotAsync(chat, "new-client-empty.png");
    });

    [EndToEndFact]
    public Task A_salesperson_picks_the_client_of_a_new_contract_by_typing_part_of_its_name() => ScenarioAsync(async () =>
    {
        var slug = Guid.NewGuid().ToString("N")[..6];
        var name = $"Zoé Picker {slug}";
        (await World.CliAsync(MockTenant.Sales, ["client", "create", "--name", name, "--email", $"zoe.{slug}@picker.fr", "--phone", "+33 6 00 00 00 01", "--company", $"Picker {slug}"])).Succeeds();
        var chat = await OpenChatAsync(MockTenant.Sales);

        var form = await chat.SendAsync("new contract");
        (await form.TitleAsync()).Should().Be("New contract");
        var picker = await form.InputAsync("Client");
        (await picker.GetAttributeAsync("role")).Should().Be("combobox", "the client is picked from a list, not typed as a number");
        await picker.ClickAsync();
        await picker.PressSequentiallyAsync("Zoé Picker");
        await KeepScreenshotAsync(chat, "new-contract-picker.png");
        await chat.Page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(name)) }).First.ClickAsync();
        await form.FillAsync("totalAmount", "4800");
        await form.FillAsync("amountDue", "4800");
        var confirmation = await form.ClickAsync("Create contract");

        (await confirmation.TextAsync()).Should().Contain("created").And.Contain(name);
        var list = await chat.SendAsync("contracts unsigned");
        (await list.TextAsync()).Should().Contain(name).And.Contain("● Draft");
        await KeepScreenshotAsync(chat, "contract-list.png");
    });
}
