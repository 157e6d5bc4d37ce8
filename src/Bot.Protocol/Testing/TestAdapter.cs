using System.Net;
using System.Text.Json;
using EpicEvents.Bot.Protocol.Connector;
using EpicEvents.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EpicEvents.Bot.Protocol.Testing;

/// <summary>
/// Runs a bot without HTTP: activities go in as if from Teams, and everything the bot sends, updates
/// or deletes is captured for assertions, as is an invoke's answer. Turns fail exactly as with
/// <see cref="CloudAdapter"/>: logged, and answered with <see cref="BotAdapter.TurnErrorMessage"/>.
/// </summary>
public sealed class TestAdapter(ConversationReference? conversation = null, ILogger? logger = null)
    : BotAdapter(logger ?? NullLogger.Instance, new BotProtocolOptions().TurnErrorMessage)
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _sent = [];
    private readonly List<Activity> _updated = [];
    private readonly List<string> _deleted = [];
    private readonly List<ConversationReference> _createdConversations = [];
    private readonly Dictionary<string, TeamsChannelAccount> _members = new(StringComparer.Ordinal);
    private int _nextId;

    /// <summary>The conversation the test's activities come from.</summary>
    public ConversationReference Conversation { get; } = conversation ?? CreateConversationReference();

    /// <summary>Everything sent (replies and proactive messages), in order, with the ids the adapter gave them.</summary>
    public IReadOnlyList<Activity> SentActivities
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<Activity> UpdatedActivities
    {
        get
        {
            lock (_gate)
            {
                return [.. _updated];
            }
        }
    }

    public IReadOnlyList<string> DeletedActivityIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _deleted];
            }
        }
    }

    /// <summary>The 1:1 conversations the bot opened.</summary>
    public IReadOnlyList<ConversationReference> CreatedConversations
    {
        get
        {
            lock (_gate)
            {
                return [.. _createdConversations];
            }
        }
    }

    /// <summary>A Teams-like personal conversation with a test user and the bot.</summary>
    public static ConversationReference CreateConversationReference(
        string conversationType = ConversationTypes.Personal, string userId = "29:test-user", string userName = "Test User") => new()
    {
        ChannelId = Channels.MsTeams,
        ServiceUrl = "https://smba.test.invalid/teams/",
        User = new ChannelAccount { Id = userId, Name = userName, AadObjectId = "00000000-0000-0000-0000-0000000000a1", Role = "user" },
        Bot = new ChannelAccount { Id = "28:test-bot", Name = "Test Bot", Role = "bot" },
        Conversation = new ConversationAccount
        {
            Id = conversationType == ConversationTypes.Channel ? "19:test-channel@thread.skype;messageid=1" : "a:test-conversation",
            ConversationType = conversationType,
            TenantId = "00000000-0000-0000-0000-0000000000t1",
        },
        Locale = "en-US",
    };

    /// <summary>Makes <paramref name="member"/> known to member lookups (<see cref="ITurnContext.GetMemberAsync"/>).</summary>
    public void AddMember(TeamsChannelAccount member)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrEmpty(member.Id, nameof(member));
        lock (_gate)
        {
            _members[member.Id] = member;
        }
    }

    /// <summary>A message from the test user, as Teams would deliver it.</summary>
    public Activity MakeMessage(string text) => MakeActivity(ActivityTypes.Message, activity => activity.Text = text);

    /// <summary>An <c>Action.Submit</c>: a message carrying the card's data and inputs as <c>value</c>.</summary>
    public Activity MakeSubmit(object value, string? replyToId = null) => MakeActivity(ActivityTypes.Message, activity =>
    {
        activity.Value = ProtocolJson.ToElement(value);
        activity.ReplyToId = replyToId;
    });

    /// <summary>An invoke named <paramref name="name"/> with <paramref name="value"/>.</summary>
    public Activity MakeInvoke(string name, object? value) => MakeActivity(ActivityTypes.Invoke, activity =>
    {
        activity.Name = name;
        activity.Value = value is null ? null : ProtocolJson.ToElement(value);
    });

    /// <summary>An <c>Action.Execute</c> click on a card: <c>adaptiveCard/action</c> with a verb and data.</summary>
    public Activity MakeCardAction(string verb, object? data = null) => MakeInvoke(InvokeNames.AdaptiveCardAction, new
    {
        action = new { type = "Action.Execute", verb, data },
        trigger = "manual",
    });

    /// <summary>
    /// A search in a message extension (<c>composeExtension/query</c>): <paramref name="text"/> as the
    /// parameter <paramref name="parameterName"/>, or, when null, the <c>initialRun</c> query Teams
    /// sends as the extension opens; <paramref name="skip"/> and <paramref name="count"/> page the results.
    /// </summary>
    public Activity MakeMessagingExtensionQuery(string commandId, string? text, int skip = 0, int count = 25, string parameterName = "query") =>
        MakeInvoke(InvokeNames.MessagingExtensionQuery, new
        {
            commandId,
            parameters = new[] { text is null ? new { name = "initialRun", value = "true" } : new { name = parameterName, value = text } },
            queryOptions = new { skip, count },
        });

    /// <summary>An activity of <paramref name="type"/> addressed from the test user to the bot in <see cref="Conversation"/>.</summary>
    public Activity MakeActivity(string type, Action<Activity>? configure = null)
    {
        var activity = new Activity
        {
            Type = type,
            Id = $"incoming-{Interlocked.Increment(ref _nextId)}",
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = Conversation.ChannelId,
            ServiceUrl = Conversation.ServiceUrl,
            From = Conversation.User,
            Recipient = Conversation.Bot,
            Conversation = Conversation.Conversation,
            Locale = Conversation.Locale,
        };
        configure?.Invoke(activity);
        return activity;
    }

    public Task<TestTurnResult> SendTextAsync(IBot bot, string text, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(bot, MakeMessage(text), cancellationToken);

    public Task<TestTurnResult> SendInvokeAsync(IBot bot, string name, object? value, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(bot, MakeInvoke(name, value), cancellationToken);

    /// <summary>Runs one turn for <paramref name="activity"/> and returns what that turn produced.</summary>
    public async Task<TestTurnResult> ProcessActivityAsync(IBot bot, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(activity);
        int sentBefore, updatedBefore, deletedBefore;
        lock (_gate)
        {
            (sentBefore, updatedBefore, deletedBefore) = (_sent.Count, _updated.Count, _deleted.Count);
        }

        var invokeResponse = await RunTurnAsync(new TurnContext(this, activity), bot.OnTurnAsync, cancellationToken);
        lock (_gate)
        {
            return new TestTurnResult(_sent[sentBefore..], _updated[updatedBefore..], _deleted[deletedBefore..], invokeResponse);
        }
    }

    public override Task<ResourceResponse> SendActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id ??= $"sent-{Interlocked.Increment(ref _nextId)}";
        lock (_gate)
        {
            _sent.Add(activity);
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            _updated.Add(activity);
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _deleted.Add(activityId);
        }

        return Task.CompletedTask;
    }

    public override Task<TeamsChannelAccount> GetMemberAsync(ITurnContext turnContext, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _members.TryGetValue(userId, out var member)
                ? Task.FromResult(member)
                : throw new ConnectorException($"No member '{userId}' in the test conversation.", HttpStatusCode.NotFound, new ConnectorError("MemberNotFoundInConversation", "The member was not found."), outcomeUnknown: false);
        }
    }

    public override Task<ConversationReference> CreatePersonalConversationAsync(
        string serviceUrl, string tenantId, ChannelAccount bot, ChannelAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var reference = new ConversationReference
        {
            ChannelId = Channels.MsTeams,
            ServiceUrl = serviceUrl,
            Bot = bot,
            User = user,
            Conversation = new ConversationAccount { Id = $"a:personal-{user.Id}", ConversationType = ConversationTypes.Personal, TenantId = tenantId },
        };
        lock (_gate)
        {
            _createdConversations.Add(reference);
        }

        return Task.FromResult(reference);
    }
}

/// <summary>What one test turn produced.</summary>
public sealed record TestTurnResult(
    IReadOnlyList<Activity> Replies,
    IReadOnlyList<Activity> Updates,
    IReadOnlyList<string> Deletes,
    InvokeResponse? InvokeResponse)
{
    /// <summary>The texts of the replies, in order.</summary>
    public IReadOnlyList<string?> ReplyTexts => [.. Replies.Select(reply => reply.Text)];

    /// <summary>The invoke answer's body as JSON, as the host would write it.</summary>
    public JsonElement? InvokeBody => InvokeResponse?.Body is { } body ? JsonSerializer.SerializeToElement(body, body.GetType(), ProtocolJson.Options) : null;
}
