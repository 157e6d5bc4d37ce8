using System.Text.Json;
using EpicEvents.Bot.Cards;
using EpicEvents.Bot.Tests.Infrastructure;

namespace EpicEvents.Bot.Tests;

/// <summary>Cards that look like the record: coloured statuses, amounts with their currency, one phone format.</summary>
public sealed class CardLookTests : IAsyncLifetime
{
    private BotWorld _world = null!;

    public async Task InitializeAsync() => _world = await BotWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("06.12.34.56.78", "+33 6 12 34 56 78")]
    [InlineData("+33612345678", "+33 6 12 34 56 78")]
    [InlineData("0033 6 12 34 56 78", "+33 6 12 34 56 78")]
    [InlineData("+44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("ask the front desk", "ask the front desk")]
    public void Phone_numbers_typed_in_any_way_are_shown_in_one_international_format(string typed, string shown) =>
        PhoneDisplay.Format(typed).Should().Be(shown);

    [Fact]
    public async Task A_contract_shows_its_status_as_a_coloured_badge_and_its_amounts_with_the_currency()
    {
        var draft = await _world.NewDraftContractAsync(_world.Sales);

        var card = (await _world.ChatWith(_world.Sales).SayAsync($"contract {draft}")).Card();
        var french = (await _world.ChatWith(_world.Sales, "fr-FR").SayAsync($"contrat {draft}")).Card();

        var badge = card.TextBlocks().Single(b => b.GetProperty("text").GetString() == "● Draft");
        badge.GetProperty("color").GetString().Should().Be("Accent");
        card.Text().Should().MatchRegex(@"\d\.\d\d €");
        french.TextBlocks().Should().Contain(b => b.GetProperty("text").GetString() == "● Brouillon");
        french.Text().Should().MatchRegex(@"\d,\d\d €");
    }

    [Fact]
    public async Task List_rows_show_that_they_open_something_and_their_status_in_colour()
    {
        var list = (await _world.ChatWith(_world.Manager).SayAsync("contracts unsigned")).Card();

        var badges = list.TextBlocks().Where(b => b.GetProperty("text").GetString()!.StartsWith("● ", StringComparison.Ordinal)).ToList();
        badges.Should().NotBeEmpty();
        badges.Select(b => b.TryGetProperty("color", out var color) ? color.GetString() : null).Should().NotContainNulls();
        list.TextBlocks().Count(b => b.GetProperty("text").GetString() == "›").Should().Be(badges.Count, "every row says it opens");
    }
}
