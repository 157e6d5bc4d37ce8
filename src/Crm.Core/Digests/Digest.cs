namespace EpicEvents.Crm.Digests;

/// <summary>
/// What one collaborator's digest holds at a given time: its sections in a fixed order, each with its
/// first rows and how many there are in all. A digest with nothing in any section is not sent.
/// </summary>
/// <param name="At">The time the digest was built at (UTC); waits and "tomorrow" are counted from it.</param>
public sealed record Digest(DigestKind Kind, int RecipientId, string RecipientName, DateTime At, IReadOnlyList<DigestSection> Sections)
{
    public bool IsEmpty => Sections.All(s => s.Total == 0);
}

/// <summary>What a section of a digest is about; the order of the values is the order of the sections.</summary>
public enum DigestTopic
{
    /// <summary>Management: signature requests waiting for a decision, oldest first.</summary>
    PendingSignatures,

    /// <summary>Management: events starting in the next 7 days with no support contact, soonest first.</summary>
    EventsWithoutSupport,

    /// <summary>Management: contracts whose events have all ended and that still have an amount due, longest ended first.</summary>
    UnpaidEndedContracts,

    /// <summary>Support: the collaborator's events starting the next local calendar day, earliest first.</summary>
    EventsTomorrow,

    /// <summary>Sales: draft contracts older than 14 days, oldest first.</summary>
    OldDrafts,

    /// <summary>Sales: signed contracts with an amount still due, signed longest ago first.</summary>
    UnpaidSignedContracts,

    /// <summary>Sales: clients with no contract yet, first contact longest ago first.</summary>
    ClientsWithoutContract,
}

/// <summary>One section: its first <see cref="TopRows"/> rows, and how many rows it has in all.</summary>
public sealed record DigestSection(DigestTopic Topic, int Total, IReadOnlyList<DigestRow> Rows)
{
    /// <summary>How many rows a section shows; a card stays short, the rest is a count.</summary>
    public const int TopRows = 5;

    /// <summary>The rows not shown.</summary>
    public int More => Total - Rows.Count;
}

/// <summary>
/// One line of a section: the ids of the records it is about (for the card's buttons) and what a
/// reader needs to act on it. A topic fills the fields that make sense for it; the others are null.
/// </summary>
public sealed record DigestRow
{
    public int? SignatureRequestId { get; init; }

    public int? ContractId { get; init; }

    public int? EventId { get; init; }

    public int ClientId { get; init; }

    public string ClientName { get; init; } = string.Empty;

    public string ClientCompany { get; init; } = string.Empty;

    /// <summary>
    /// When the row's wait began (UTC): a signature request's request, a draft's creation, a
    /// contract's signature, the end of a contract's last event, a client's first contact.
    /// </summary>
    public DateTime? Since { get; init; }

    public decimal? TotalAmount { get; init; }

    public decimal? AmountDue { get; init; }

    /// <summary>Who asked for the signature, or the client's sales contact.</summary>
    public string? PersonName { get; init; }

    public string? EventName { get; init; }

    public DateTime? StartsAt { get; init; }

    public DateTime? EndsAt { get; init; }

    public string? Location { get; init; }

    public int? ExpectedAttendees { get; init; }

    /// <summary>The client's contact details, for the collaborator who will call them.</summary>
    public ClientContact? Contact { get; init; }

    /// <summary>Support digest: whether the support contact acknowledged the assignment.</summary>
    public bool? Acknowledged { get; init; }
}

/// <summary>How to reach a client's contact person.</summary>
public sealed record ClientContact(string FullName, string Email, string Phone);

/// <summary>How a digest's rows are read from the records, in SQL, the same way wherever a kind of record appears.</summary>
internal static class DigestRows
{
    /// <summary>An event with its client, the client's contact details and sales contact, and whether its support contact acknowledged it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Events.Event, DigestRow>> OfEvent = e => new DigestRow
    {
        EventId = e.Id,
        ContractId = e.ContractId,
        ClientId = e.Contract.ClientId,
        ClientName = e.Contract.Client.FullName,
        ClientCompany = e.Contract.Client.CompanyName,
        EventName = e.Name,
        StartsAt = e.StartsAt,
        EndsAt = e.EndsAt,
        Location = e.Location,
        ExpectedAttendees = e.ExpectedAttendees,
        Contact = new ClientContact(e.Contract.Client.FullName, e.Contract.Client.Email, e.Contract.Client.Phone),
        Acknowledged = e.SupportAcknowledgedAt != null,
        PersonName = e.Contract.Client.SalesContact == null ? null : e.Contract.Client.SalesContact.FullName,
    };
}
