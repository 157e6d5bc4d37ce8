using EpicEvents.Bot.Hosting;
using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Conversations;

/// <summary>Who is talking: a collaborator, or the reason they get no data.</summary>
public sealed record Caller(Actor? Actor, string? Refusal);

/// <summary>
/// Maps the Teams member of an activity to a collaborator (SPEC §4): the explicit link first, then,
/// for a tenant where auto-linking is on, the member's email as the connector reports it (verified
/// by Microsoft 365, unlike anything typed in the chat). The collaborator is read from the database
/// at every turn — in the ledger's round trip when the turn came through it — so a deactivation or
/// a change of department applies at once.
/// </summary>
public sealed class TeamsCaller(TeamsActivityIntake intake, TeamsSettings settings, IServiceProvider services)
{
    /// <param name="rememberConversation">
    /// False when the activity's conversation may not be the person's chat with the bot (the compose
    /// box's searches come from whatever chat the person is writing in), so that it is not kept as the
    /// place to send them notifications.
    /// </param>
    public async Task<Caller> IdentifyAsync(ITurnContext turn, CancellationToken cancellationToken, bool rememberConversation = true)
    {
        var activity = turn.Activity;
        var words = Crm.Presentation.Wording.For(activity.Locale);
        if (!Guid.TryParse(activity.GetTenantId(), out var tenant) || !settings.Allows(tenant))
        {
            return Refused(words.Bot("teamsCaller.botServesEpicEventsTeam"));
        }

        if (SenderOf(activity) is not { } sender)
        {
            return Refused(words.Bot("teamsCaller.cannotTellWhoFromConversation"));
        }

        var intook = turn.TurnState.Get<TeamsIntake>() is { } admitted && admitted.Sender == sender
            ? admitted
            : await intake.ReadAsync(sender, cancellationToken);
        var found = intook.Identification;
        var stored = intook.Conversation;
        if (found.Outcome == TeamsIdentificationOutcome.Unknown && settings.AutoLinkTenants.Contains(tenant) && activity.From?.Id is { } userId)
        {
            if (await VerifiedEmailAsync(turn, userId, cancellationToken) is { } email)
            {
                found = await services.GetRequiredService<IdentifyTeamsMember>()
                    .ExecuteAsync(new TeamsMember(tenant, sender.AadObjectId, email, activity.From?.Name), settings.AutoLinkTenants, cancellationToken);
                stored = null;
            }
        }

        if (found.Actor is not { } actor)
        {
            return Refused(found.Outcome == TeamsIdentificationOutcome.Inactive
                ? words.Bot("teamsCaller.epicEventsAccountDeactivatedPlease")
                : words.Bot("teamsCaller.donTKnowYetPlease"));
        }

        if (rememberConversation && activity.Conversation?.ConversationType is null or "personal")
        {
            var reference = ReferenceOf(activity);
            if (stored is not { Blocked: false } || stored.Reference != reference)
            {
                await services.GetRequiredService<TeamsConversations>().RememberAsync(actor.Id, reference, stored, cancellationToken);
            }
        }

        return new Caller(actor, null);
    }

    /// <summary>The Teams account of the activity's sender; null when the activity does not say.</summary>
    public static TeamsSender? SenderOf(Activity activity) =>
        Guid.TryParse(activity.GetTenantId(), out var tenant) && Guid.TryParse(activity.From?.AadObjectId, out var objectId)
            ? new TeamsSender(tenant, objectId)
            : null;

    /// <summary>The member's email as the connector knows it; none when the connector cannot say (then no auto-link).</summary>
    /// <summary>Someone the CRM does not serve: answered with why, counted as a refused turn.</summary>
    private Caller Refused(string why)
    {
        services.GetRequiredService<TurnSummary>().Unidentified();
        return new Caller(null, why);
    }

    private static async Task<string?> VerifiedEmailAsync(ITurnContext turn, string userId, CancellationToken cancellationToken)
    {
        try
        {
            var member = await turn.GetMemberAsync(userId, cancellationToken);
            return member.Email ?? member.UserPrincipalName;
        }
        catch (Protocol.Connector.ConnectorException)
        {
            return null;
        }
    }

    private static TeamsConversationReference ReferenceOf(Activity activity) => new(
        activity.ServiceUrl ?? string.Empty,
        activity.ChannelId ?? "msteams",
        activity.Conversation?.Id ?? string.Empty,
        activity.Conversation?.ConversationType ?? "personal",
        activity.GetTenantId() ?? string.Empty,
        activity.Recipient?.Id ?? string.Empty,
        activity.Recipient?.Name,
        activity.From?.Id ?? string.Empty,
        activity.From?.AadObjectId,
        activity.Locale);
}
