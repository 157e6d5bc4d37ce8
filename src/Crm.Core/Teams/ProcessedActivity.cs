namespace EpicEvents.Crm.Teams;

/// <summary>
/// The id of an activity the bot has handled. Rows are written by <see cref="ActivityLedger"/> in one
/// insert-if-absent statement, so there is no constructor beyond the one EF Core reads with.
/// </summary>
public sealed class ProcessedActivity
{
    private ProcessedActivity()
    {
        ActivityId = string.Empty;
    }

    public string ActivityId { get; private set; }

    public DateTime ReceivedAt { get; private set; }
}
