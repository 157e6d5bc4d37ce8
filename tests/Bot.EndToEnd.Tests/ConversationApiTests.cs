using EpicEvents.Bot.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EpicEvents.Bot.EndToEnd.Tests;

/// <summary>
/// Conversations driven through the playground's internal HTTP API (no browser): what the bot
/// sends back is read from the playground's conversation WebSocket.
/// </summary>
public sealed class ConversationApiTests(EndToEndWorld world, ITestOutputHelper output) : EndToEndTest(world, output)
{
    [EndToEndFact]
    public Task Installing_the_app_greets_the_person_by_name_with_a_welcome_card() => ScenarioAsync(async () =>
    {
        var playground = await World.PlaygroundAsync(MockTenant.Manager);
        var mark = playground.Conversation.Mark;

        await playground.InstallAsync();

        var welcome = await playground.Conversation.NextFromBotAsync(mark, m => m.HasCard);
        welcome.AllText.Should().Contain("Welcome").And.Contain(MockTenant.Manager.Name);
    });

    [EndToEndFact]
    public Task Contracts_unsigned_answers_with_a_list_card() => ScenarioAsync(async () =>
    {
        var playground = await World.PlaygroundAsync(MockTenant.Manager);
        var mark = playground.Conversation.Mark;

        await playground.SendAsync("contracts unsigned");

        var list = await playground.Conversation.NextFromBotAsync(mark, m => m.HasCard);
        list.AllText.Should().Contain("Unsigned contracts");
    });

    [EndToEndFact]
    public Task Support_asking_for_a_new_client_is_refused_without_a_form() => ScenarioAsync(async () =>
    {
        var playground = await World.PlaygroundAsync(MockTenant.Support);
        var mark = playground.Conversation.Mark;

        await playground.SendAsync("new client");

        var refusal = await playground.Conversation.NextFromBotAsync(mark);
        refusal.AllText.Should().Contain("cannot");
        var replies = await playground.Conversation.FromBotSettledAsync(mark, TimeSpan.FromSeconds(1.5));
        replies.Should().NotContain(m => m.InputIds.Count > 0, "Support may not create clients, so no form is offered");
    });

    [EndToEndFact]
    public Task Someone_with_no_collaborator_account_is_refused_politely() => ScenarioAsync(async () =>
    {
        var playground = await World.PlaygroundAsync(MockTenant.Guest);
        var mark = playground.Conversation.Mark;

        await playground.SendAsync("clients");

        var refusal = await playground.Conversation.NextFromBotAsync(mark);
        refusal.HasCard.Should().BeFalse();
        refusal.AllText.Should().NotContain("@", "no data is shown to a stranger");
    });

    [EndToEndFact]
    public Task A_question_in_a_group_chat_is_answered_in_the_private_chat_and_the_group_sees_no_crm_data() => ScenarioAsync(async () =>
    {
        var playground = await World.PlaygroundAsync(MockTenant.Sales);
        var mark = playground.Conversation.Mark;

        await playground.InstallAsync(MockTenant.GroupChatId);
        await playground.MentionBotAsync("my clients", MockTenant.GroupChatId);

        var replies = await playground.Conversation.FromBotSettledAsync(mark, TimeSpan.FromSeconds(3));
        var inGroup = replies.Where(m => m.ConversationId == MockTenant.GroupChatId).ToList();
        inGroup.Should().Contain(m => m.AllText.Contains("answer each of you in your private chat"), "adding the app to the group says how it works");
        inGroup.Should().ContainSingle(m => m.AllText.Contains("replied in our private chat"), string.Join(" | ", replies.Select(r => $"{r.ConversationId}: {r}")));
        inGroup.Should().OnlyContain(m => !m.HasCard && !m.AllText.Contains('@'), "the group's other members see no client, email or button");
        replies.Should().Contain(m => m.ConversationId != MockTenant.GroupChatId && m.HasCard && m.AllText.Contains("My clients"), "the answer is in the private chat");
    });

    [EndToEndFact]
    public Task A_person_whose_Teams_speaks_English_chooses_French_and_the_bot_answers_in_French() => ScenarioAsync(async () =>
    {
        // The playground always says en-US: the language the person chooses wins over it.
        var playground = await World.PlaygroundAsync(MockTenant.Support);
        try
        {
            var mark = playground.Conversation.Mark;
            await playground.SendAsync("langue fr");
            (await playground.Conversation.NextFromBotAsync(mark)).AllText.Should().Contain("Je vous répondrai désormais en français");

            mark = playground.Conversation.Mark;
            await playground.SendAsync("aide");
            var help = await playground.Conversation.NextFromBotAsync(mark, m => m.HasCard);
            help.AllText.Should().Contain("Ce que je peux faire").And.Contain("mes événements").And.NotContain("What I can do");

            mark = playground.Conversation.Mark;
            await playground.SendAsync("events mine");
            (await playground.Conversation.NextFromBotAsync(mark, m => m.HasCard)).AllText.Should().Contain("Mes événements");
        }
        finally
        {
            var mark = playground.Conversation.Mark;
            await playground.SendAsync("language auto");
            await playground.Conversation.NextFromBotAsync(mark);
        }
    });
}
