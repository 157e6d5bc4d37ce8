using System.Text.Json;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;

namespace EpicEvents.Bot.Protocol.Tests.Schema;

public sealed class ActivityHelperTests
{
    [Fact]
    public void Bot_mention_is_removed_and_other_mentions_keep_their_names()
    {
        var activity = Fixtures.Activity("message-channel-mention");

        activity.RemoveRecipientMention().Should().Be("assign 3 to Grace Hopper");
    }

    [Fact]
    public void Mentions_are_read_from_entities()
    {
        var mentions = Fixtures.Activity("message-channel-mention").GetMentions();

        mentions.Select(mention => mention.Mentioned!.Name).Should().Equal("Epic Events", "Grace Hopper");
        mentions[1].Mentioned!.AadObjectId.Should().Be("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
    }

    [Theory]
    [InlineData("<at>Bot</at> help", "help")]
    [InlineData("<at id=\"0\">Bot</at>\u00a0 my   clients ", "my clients")]
    [InlineData("<AT>Bot</AT>", "")]
    [InlineData("no mention", "no mention")]
    public void Every_mention_tag_can_be_removed(string text, string expected)
    {
        MentionText.RemoveAll(text).Should().Be(expected);
    }

    [Fact]
    public void Text_without_mention_entities_only_loses_the_tags()
    {
        var activity = new Activity { Text = "<at>Bot</at> help", Recipient = new ChannelAccount { Id = "28:bot" } };

        activity.RemoveRecipientMention().Should().Be("Bot help");
    }

    [Fact]
    public void Reply_goes_back_to_the_sender_in_the_same_conversation()
    {
        var incoming = Fixtures.Activity("message-channel-mention");

        var reply = incoming.CreateReply("Done");

        reply.Type.Should().Be(ActivityTypes.Message);
        reply.From!.Id.Should().Be(incoming.Recipient!.Id);
        reply.Recipient!.Id.Should().Be(incoming.From!.Id);
        reply.Conversation!.Id.Should().Be(incoming.Conversation!.Id);
        reply.ReplyToId.Should().Be(incoming.Id);
        reply.ServiceUrl.Should().Be(incoming.ServiceUrl);
        reply.Text.Should().Be("Done");
    }

    [Fact]
    public void Conversation_reference_survives_serialisation_and_addresses_a_proactive_message()
    {
        var incoming = Fixtures.Activity("message-personal");
        var stored = JsonSerializer.Serialize(incoming.GetConversationReference(), ProtocolJson.Options);

        var reference = JsonSerializer.Deserialize<ConversationReference>(stored, ProtocolJson.Options)!;
        var proactive = Activity.CreateMessage("Your contract was signed").ApplyConversationReference(reference with { ActivityId = null });

        reference.ServiceUrl.Should().Be("https://smba.trafficmanager.net/emea/");
        reference.User!.AadObjectId.Should().Be("6f1f0c2a-1b2c-4d3e-8f90-a1b2c3d4e5f6");
        reference.Conversation!.TenantId.Should().Be("72f988bf-86f1-41af-91ab-2d7cd011db47");
        reference.Locale.Should().Be("fr-FR");
        proactive.From!.Id.Should().Be("28:5b3c1f9e-0000-4000-8000-00000000b0b0");
        proactive.Recipient!.Id.Should().Be(incoming.From!.Id);
        proactive.ReplyToId.Should().BeNull();
    }

    [Fact]
    public void Installation_gives_a_reference_without_an_activity_to_reply_to()
    {
        var reference = Fixtures.Activity("installation-update-add").GetConversationReference();

        reference.ActivityId.Should().BeNull();
        reference.Conversation!.Id.Should().Be("a:1pTq3ZxY7wVbN5mKcL8dR0sF2gH4jA6uE9iO");
    }

    [Fact]
    public void Mention_entity_is_written_for_an_outgoing_mention()
    {
        var entity = Entity.FromMention(new Mention { Mentioned = new ChannelAccount { Id = "29:grace", Name = "Grace" }, Text = "<at>Grace</at>" });

        var json = JsonSerializer.SerializeToElement(entity, ProtocolJson.Options);

        json.GetProperty("type").GetString().Should().Be("mention");
        json.GetProperty("text").GetString().Should().Be("<at>Grace</at>");
        json.GetProperty("mentioned").GetProperty("id").GetString().Should().Be("29:grace");
    }

    [Fact]
    public void Invoke_answers_have_the_shapes_teams_expects()
    {
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""").RootElement;

        Serialize(AdaptiveCardInvokeResponse.Card(card)).Should().Be(
            """{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[]}}""");
        Serialize(AdaptiveCardInvokeResponse.Error(400, "BadRequest", "Amount must be positive")).Should().Be(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"Amount must be positive"}}""");
        Serialize(TaskModuleResponse.Message("Done")).Should().Be("""{"task":{"type":"message","value":"Done"}}""");
        Serialize(TaskModuleResponse.Continue("New client", card)).Should().Be(
            """{"task":{"type":"continue","value":{"title":"New client","card":{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}}}}}""");
        Serialize(MessagingExtensionResponse.Results([AdaptiveCards.ToSearchResult(card, "Kevin Casey", "Cool Startup LLC")])).Should().Be(
            """{"composeExtension":{"type":"result","attachmentLayout":"list","attachments":[{"preview":{"contentType":"application/vnd.microsoft.card.thumbnail","content":{"title":"Kevin Casey","subtitle":"Cool Startup LLC"}},"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}}]}}""");
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ProtocolJson.Options);
}
