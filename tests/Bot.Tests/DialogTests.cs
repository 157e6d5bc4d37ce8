using System.Text.Json;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Tests;

public sealed class DialogTests : IAsyncLifetime
{
    private BotWorld _world = null!;

    public async Task InitializeAsync() => _world = await BotWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("new client", "en-US", "Fill in")]
    [InlineData("nouveau client", "fr-FR", "Renseignez")]
    [InlineData("new event", "en-US", "Fill in")]
    public async Task Every_required_input_of_a_form_says_what_is_missing_when_submitted_empty(string command, string locale, string wording)
    {
        var form = (await _world.ChatWith(_world.Sales, locale).SayAsync(command)).Card();

        var required = Inputs(form).Where(i => i.TryGetProperty("isRequired", out var r) && r.GetBoolean()).ToList();
        required.Should().NotBeEmpty();
        required.Should().OnlyContain(i => i.GetProperty("errorMessage").GetString()!.StartsWith(wording, StringComparison.Ordinal),
            "a renderer blocks the submit of an empty required input and shows only this message");
    }

    private static IEnumerable<JsonElement> Inputs(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal) =>
            [element],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Inputs(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Inputs),
        _ => [],
    };

    [Fact]
    public async Task A_new_contract_is_for_a_client_picked_from_ones_own_clients_not_a_typed_number()
    {
        var chat = _world.ChatWith(_world.Sales);
        var mine = await _world.QueryAsync(db => db.Clients.Where(c => c.SalesContactId == _world.Sales.CollaboratorId)
            .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.FullName }).ToListAsync());

        var form = (await chat.SayAsync("new contract")).Card();

        var picker = form.Input("clientId");
        picker.GetProperty("type").GetString().Should().Be("Input.ChoiceSet");
        picker.GetProperty("style").GetString().Should().Be("filtered");
        picker.GetProperty("choices.data").GetProperty("dataset").GetString().Should().Be("crm.clients");
        var offered = picker.GetProperty("choices").EnumerateArray().Select(c => int.Parse(c.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        offered.Should().Equal(mine.Take(15).Select(c => c.Id), "the salesperson's own clients, newest first");
        picker.GetProperty("choices")[0].GetProperty("title").GetString().Should().Contain(mine[0].FullName);

        var created = (await chat.ClickAsync(form, "Create contract", new Dictionary<string, string>
        {
            ["clientId"] = mine[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["totalAmount"] = "1200",
            ["amountDue"] = "1200",
        })).Card();
        created.Text().Should().Contain("created").And.Contain(mine[1].FullName);
    }

    [Fact]
    public async Task Typing_in_a_picker_searches_the_records_the_person_may_see()
    {
        var chat = _world.ChatWith(_world.Sales);
        var theirs = await _world.QueryAsync(db => db.Clients.Where(c => c.SalesContactId == _world.Sales.CollaboratorId).OrderBy(c => c.Id).Select(c => new { c.Id, c.FullName }).FirstAsync());
        var someoneElses = await _world.QueryAsync(db => db.Clients.Where(c => c.SalesContactId != _world.Sales.CollaboratorId).OrderBy(c => c.Id).Select(c => c.FullName).FirstAsync());

        var found = await SearchAsync(chat, "crm.clients", theirs.FullName);
        var notTheirs = await SearchAsync(chat, "crm.clients", someoneElses);
        var unknown = await SearchAsync(chat, "crm.nothing", "a");

        found.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.search.searchResponse");
        var results = found.GetProperty("value").GetProperty("results").EnumerateArray().ToList();
        results.Should().Contain(r => r.GetProperty("value").GetString() == theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.GetProperty("title").GetString()!.Contains(theirs.FullName));
        notTheirs.GetProperty("value").GetProperty("results").EnumerateArray().Should().NotContain(r => r.GetProperty("title").GetString()!.Contains(someoneElses), "a salesperson picks among their own clients");
        unknown.GetProperty("value").GetProperty("results").GetArrayLength().Should().Be(0);
    }

    private static async Task<JsonElement> SearchAsync(Chat chat, string dataset, string text)
    {
        var turn = await chat.TurnAsync(chat.Adapter.MakeInvoke("application/search", new { dataset, queryText = text, queryOptions = new { skip = 0, top = 15 } }));
        return turn.InvokeBody!.Value;
    }

    [Fact]
    public async Task A_salesperson_creates_a_client_through_the_form_fixing_a_wrong_email_on_the_way()
    {
        var chat = _world.ChatWith(_world.Sales);

        var form = (await chat.SayAsync("new client")).Card();
        form.Text().Should().Contain("New client");
        var inputs = new Dictionary<string, string>
        {
            ["fullName"] = "Kevin Castor",
            ["email"] = "kevin-at-startup",
            ["phone"] = "+678 123 456 78",
            ["companyName"] = "Cool Startup LLC",
        };

        var refused = (await chat.ClickAsync(form, "Create client", inputs)).Card();
        refused.ErrorUnder("email").Should().Contain("email");
        refused.Input("fullName").GetProperty("value").GetString().Should().Be("Kevin Castor");
        refused.Input("email").GetProperty("value").GetString().Should().Be("kevin-at-startup");
        (await _world.QueryAsync(db => db.Clients.AnyAsync(c => c.FullName == "Kevin Castor"))).Should().BeFalse();

        inputs["email"] = "kevin.castor@startup.io";
        var created = (await chat.ClickAsync(refused, "Create client", inputs)).Card();

        created.Text().Should().Contain("created").And.Contain("Kevin Castor").And.Contain(_world.Sales.Name);
        var client = await _world.QueryAsync(db => db.Clients.SingleAsync(c => c.Email == "kevin.castor@startup.io"));
        client.SalesContactId.Should().Be(_world.Sales.CollaboratorId);
    }

    [Fact]
    public async Task Support_is_refused_a_client_form_and_sees_no_form()
    {
        var turn = await _world.ChatWith(_world.Support).SayAsync("new client");

        var card = turn.Card();
        card.Text().Should().Contain("cannot");
        card.Text().Should().NotContain("Create client");
    }

    [Fact]
    public async Task A_form_opened_before_a_restart_is_submitted_to_another_instance()
    {
        var form = (await _world.ChatWith(_world.Sales).SayAsync("nouveau client")).Card();
        var otherInstance = _world.StartInstance();

        var created = (await _world.ChatWith(_world.Sales, instance: otherInstance).ClickAsync(form, "Create client", new Dictionary<string, string>
        {
            ["fullName"] = "Léa Martin",
            ["email"] = "lea@martin.fr",
            ["phone"] = "0612345678",
            ["companyName"] = "Martin SARL",
        })).Card();

        created.Text().Should().Contain("created");
    }

    [Fact]
    public async Task Cancel_closes_the_form_and_a_late_click_says_so()
    {
        var chat = _world.ChatWith(_world.Sales);
        var form = (await chat.SayAsync("new client")).Card();

        (await chat.SayAsync("cancel")).ReplyTexts.Should().ContainSingle().Which.Should().Contain("Cancelled");
        var late = (await chat.ClickAsync(form, "Create client", new Dictionary<string, string> { ["fullName"] = "Too Late" })).Card();

        late.Text().Should().Contain("This form is closed");
        (await _world.QueryAsync(db => db.Clients.AnyAsync(c => c.FullName == "Too Late"))).Should().BeFalse();
    }

    [Theory]
    [InlineData("en-US", "new client", "Create client")]
    [InlineData("fr-FR", "nouveau client", "Créer le client")]
    public async Task A_forms_field_errors_are_in_the_persons_language(string locale, string command, string create)
    {
        var chat = _world.ChatWith(_world.Sales, locale);
        var form = (await chat.SayAsync(command)).Card();

        var refused = (await chat.ClickAsync(form, create, new Dictionary<string, string>
        {
            ["fullName"] = "Zoé Langue",
            ["email"] = "zoe-at-langue",
            ["phone"] = "0612345678",
            ["companyName"] = "Langue SARL",
        })).Card();

        var error = refused.ErrorUnder("email");
        error.Should().NotBeNullOrWhiteSpace();
        var text = refused.Text();
        BotLanguages.ForeignIn(text, locale).Should().BeEmpty("the reader sees no sentence of the other language: {0}", text);

        (await _world.QueryAsync(db => db.Clients.AnyAsync(c => c.FullName == "Zoé Langue"))).Should().BeFalse();
    }

    [Theory]
    [InlineData("en-US", "new client")]
    [InlineData("fr-FR", "nouveau client")]
    public async Task A_refusal_of_the_permission_matrix_is_in_the_persons_language(string locale, string command)
    {
        var refusal = (await _world.ChatWith(_world.Support, locale).SayAsync(command)).Card().Text();

        refusal.Should().NotBeNullOrWhiteSpace();
        BotLanguages.ForeignIn(refusal, locale).Should().BeEmpty("the refusal is in the reader's language: {0}", refusal);
    }

    [Fact]
    public async Task The_forms_speak_french_to_a_french_teams_client()
    {
        var form = (await _world.ChatWith(_world.Sales, locale: "fr-FR").SayAsync("nouveau client")).Card();

        form.Text().Should().Contain("Nouveau client").And.Contain("Nom complet").And.Contain("Créer le client");
    }

    [Fact]
    public async Task A_contract_amount_update_keeps_the_typed_values_when_an_amount_is_unreadable()
    {
        var contractId = await _world.QueryAsync(db => db.Contracts.Where(c => c.Client.SalesContactId == _world.Sales.CollaboratorId && c.Status != Crm.Contracts.ContractStatus.Cancelled).Select(c => c.Id).FirstAsync());
        var chat = _world.ChatWith(_world.Sales);
        var form = (await chat.SayAsync($"update contract {contractId}")).Card();

        var refused = (await chat.ClickAsync(form, "Save", new Dictionary<string, string> { ["totalAmount"] = "douze mille", ["amountDue"] = "0" })).Card();

        refused.ErrorUnder("totalAmount").Should().Contain("not an amount");
        refused.Input("totalAmount").GetProperty("value").GetString().Should().Be("douze mille");
    }

    [Fact]
    public async Task A_form_left_alone_for_more_than_a_day_has_expired()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var instance = _world.StartInstance(services => services.AddSingleton<TimeProvider>(clock));
        var chat = _world.ChatWith(_world.Sales, instance: instance);
        var form = (await chat.SayAsync("new client")).Card();

        clock.Advance(TimeSpan.FromHours(25));
        var late = (await chat.ClickAsync(form, "Create client", new Dictionary<string, string>
        {
            ["fullName"] = "Late Comer",
            ["email"] = "late@comer.io",
            ["phone"] = "0612345678",
            ["companyName"] = "Late SARL",
        })).Card();

        late.Text().Should().Contain("This form is closed").And.Contain("24 hours");
        (await _world.QueryAsync(db => db.Clients.AnyAsync(c => c.FullName == "Late Comer"))).Should().BeFalse();
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
