using System.Text.Json;
using System.Text.Json.Nodes;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;

namespace EpicEvents.Bot.Protocol.Tests.Schema;

public sealed class ActivityRoundTripTests
{
    [Theory]
    [InlineData("message-personal")]
    [InlineData("message-channel-mention")]
    [InlineData("message-submit")]
    [InlineData("invoke-card-action")]
    [InlineData("installation-update-add")]
    [InlineData("conversation-update-members-added")]
    [InlineData("invoke-compose-extension-query")]
    public void Teams_payload_survives_a_round_trip_unchanged(string fixture)
    {
        var original = JsonNode.Parse(Fixtures.Text(fixture));

        var written = JsonSerializer.SerializeToNode(Fixtures.Activity(fixture), ProtocolJson.Options);

        JsonNode.DeepEquals(written, original).Should().BeTrue(written!.ToJsonString());
    }

    [Fact]
    public void Unknown_fields_are_kept_at_every_level()
    {
        var activity = Fixtures.Activity("message-personal");

        activity.AdditionalProperties.Should().ContainKeys("someFutureField", "deliveryMode");
        activity.Entities![0].Type.Should().Be("clientInfo");
        activity.Entities[0].AdditionalProperties.Should().ContainKey("timezone");
    }

    [Fact]
    public void Personal_message_reads_its_addressing_fields()
    {
        var activity = Fixtures.Activity("message-personal");

        activity.Type.Should().Be(ActivityTypes.Message);
        activity.Text.Should().Be("new client");
        activity.From!.AadObjectId.Should().Be("6f1f0c2a-1b2c-4d3e-8f90-a1b2c3d4e5f6");
        activity.Conversation!.ConversationType.Should().Be(ConversationTypes.Personal);
        activity.GetTenantId().Should().Be("72f988bf-86f1-41af-91ab-2d7cd011db47");
        activity.Timestamp.Should().Be(new DateTimeOffset(2026, 11, 22, 9, 15, 2, TimeSpan.Zero).AddTicks(4471234));
    }

    [Fact]
    public void Channel_message_reads_team_and_channel()
    {
        var data = Fixtures.Activity("message-channel-mention").GetTeamsChannelData();

        data!.Team!.Name.Should().Be("Epic Events Staff");
        data.Channel!.Name.Should().Be("Events");
        data.Tenant!.Id.Should().Be("72f988bf-86f1-41af-91ab-2d7cd011db47");
    }

    [Fact]
    public void Action_submit_value_reads_as_strings_and_replies_to_the_card()
    {
        var activity = Fixtures.Activity("message-submit");

        activity.ReplyToId.Should().Be("1763802903001");
        var value = activity.GetValue<Dictionary<string, string>>();
        value!["fullName"].Should().Be("Kevin Casey");
        value["tags"].Should().Be("vip,wedding");
    }

    [Fact]
    public void Card_action_invoke_reads_verb_and_data()
    {
        var invoke = Fixtures.Activity("invoke-card-action").GetValue<AdaptiveCardInvokeValue>();

        invoke!.Action!.Verb.Should().Be("signature.approve");
        invoke.Action.Data!.Value.GetProperty("contractId").GetInt32().Should().Be(7);
        invoke.Trigger.Should().Be("manual");
    }

    [Fact]
    public void Compose_extension_query_reads_command_and_parameters()
    {
        var query = Fixtures.Activity("invoke-compose-extension-query").GetValue<MessagingExtensionQuery>();

        query!.CommandId.Should().Be("searchCrm");
        query.GetParameter("query").Should().Be("startup");
        query.IsInitialRun().Should().BeFalse();
        query.QueryOptions!.Count.Should().Be(25);
    }

    [Fact]
    public void Installation_and_members_added_tell_that_the_bot_arrived()
    {
        Fixtures.Activity("installation-update-add").Action.Should().Be(InstallationUpdateActions.Add);
        Fixtures.Activity("conversation-update-members-added").IsRecipientAdded().Should().BeTrue();
        Fixtures.Activity("message-personal").IsRecipientAdded().Should().BeFalse();
    }

    [Fact]
    public void Unknown_activity_type_and_entity_type_are_read_without_error()
    {
        var activity = JsonSerializer.Deserialize<Activity>(
            """{"type":"somethingNew","id":"1","entities":[{"type":"futureThing","x":1}],"value":[1,2]}""", ProtocolJson.Options);

        activity!.Type.Should().Be("somethingNew");
        activity.GetMentions().Should().BeEmpty();
        activity.Value!.Value.ValueKind.Should().Be(JsonValueKind.Array);
    }
}
