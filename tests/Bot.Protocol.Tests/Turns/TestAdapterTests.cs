using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Bot.Protocol.Testing;

namespace EpicEvents.Bot.Protocol.Tests.Turns;

public sealed class TestAdapterTests
{
    private readonly TestAdapter _adapter = new();
    private readonly SampleBot _bot = new();

    [Fact]
    public async Task Text_goes_in_and_replies_are_captured()
    {
        var turn = await _adapter.SendTextAsync(_bot, "hello");

        turn.ReplyTexts.Should().Equal("echo: hello");
        turn.Replies[0].Recipient!.Id.Should().Be(_adapter.Conversation.User!.Id);
        turn.InvokeResponse.Should().BeNull();
    }

    [Fact]
    public async Task Card_sent_updated_and_deleted_is_captured()
    {
        var turn = await _adapter.SendTextAsync(_bot, "card");

        var sent = turn.Replies.Should().ContainSingle().Subject;
        turn.Updates.Should().ContainSingle().Which.Id.Should().Be(sent.Id);
        turn.Deletes.Should().Equal(sent.Id);
    }

    [Fact]
    public async Task Card_action_answer_is_captured()
    {
        var turn = await _adapter.ProcessActivityAsync(_bot, _adapter.MakeCardAction("client.save", new { clientId = 3 }));

        turn.InvokeResponse!.Status.Should().Be(200);
        turn.InvokeBody!.Value.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString().Should().Be("done: client.save");
    }

    [Fact]
    public async Task Message_extension_queries_are_built_as_teams_sends_them()
    {
        var typed = await _adapter.ProcessActivityAsync(_bot, _adapter.MakeMessagingExtensionQuery("searchClients", "kevin", skip: 25, count: 10));
        var opening = _adapter.MakeMessagingExtensionQuery("searchClients", null).GetValue<MessagingExtensionQuery>()!;

        var result = typed.InvokeBody!.Value.GetProperty("composeExtension");
        result.GetProperty("attachments")[0].GetProperty("preview").GetProperty("content").GetProperty("title").GetString().Should().Be("found: kevin");
        opening.IsInitialRun().Should().BeTrue();
        opening.QueryOptions.Should().Be(new MessagingExtensionQueryOptions(0, 25));
    }

    [Fact]
    public async Task Task_fetch_answer_is_a_dialog_with_the_card()
    {
        var turn = await _adapter.SendInvokeAsync(_bot, InvokeNames.TaskFetch, new { data = new { form = "client" } });

        turn.InvokeBody!.Value.GetProperty("task").GetProperty("type").GetString().Should().Be("continue");
    }

    [Fact]
    public async Task Unhandled_invoke_is_answered_501()
    {
        var turn = await _adapter.SendInvokeAsync(_bot, InvokeNames.TaskSubmit, new { data = new { } });

        turn.InvokeResponse!.Status.Should().Be(501);
    }

    [Fact]
    public async Task Failing_turn_is_answered_with_the_apology()
    {
        _adapter.TurnErrorMessage = "Oops, please retry.";

        var turn = await _adapter.SendTextAsync(_bot, "boom");

        turn.ReplyTexts.Should().Equal("Oops, please retry.");
    }

    [Fact]
    public async Task Member_lookup_answers_from_the_registered_members()
    {
        _adapter.AddMember(new TeamsChannelAccount { Id = _adapter.Conversation.User!.Id, Email = "ada@epicevents.example" });

        var turn = await _adapter.SendTextAsync(_bot, "whoami");

        turn.ReplyTexts.Should().Equal("You are ada@epicevents.example");
    }

    [Fact]
    public async Task Channel_conversation_delivers_mentions_like_teams()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversationReference(ConversationTypes.Channel));
        var bot = adapter.Conversation.Bot!;
        var message = adapter.MakeMessage($"<at>{bot.Name}</at> hi");
        message.Entities = [Entity.FromMention(new Mention { Mentioned = bot, Text = $"<at>{bot.Name}</at>" })];

        var turn = await adapter.ProcessActivityAsync(_bot, message);

        turn.ReplyTexts.Should().Equal("echo: hi");
        turn.Replies[0].Conversation!.Id.Should().Contain("@thread.skype");
    }

    [Fact]
    public async Task Proactive_messages_and_created_conversations_are_captured()
    {
        var reference = await _adapter.CreatePersonalConversationAsync(
            "https://smba.test.invalid/", "tenant-1", _adapter.Conversation.Bot!, new ChannelAccount { Id = "29:margaret" }, CancellationToken.None);

        await _adapter.ContinueConversationAsync(reference, (turn, token) => turn.SendActivityAsync("Please approve contract 7", token), CancellationToken.None);

        _adapter.CreatedConversations.Should().ContainSingle();
        var sent = _adapter.SentActivities.Should().ContainSingle().Subject;
        sent.Conversation!.Id.Should().Be(reference.Conversation!.Id);
        sent.Recipient!.Id.Should().Be("29:margaret");
        sent.ReplyToId.Should().BeNull();
    }
}
