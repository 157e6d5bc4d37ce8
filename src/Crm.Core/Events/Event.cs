using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;

namespace EpicEvents.Crm.Events;

/// <summary>An event organised under a signed contract; the client is read through the contract.</summary>
public sealed class Event : IVersioned
{
    private Event()
    {
        Name = Location = Notes = SearchKey = string.Empty;
        Contract = null!;
    }

    internal Event(Contract contract, EventDetails details, DateTime now)
    {
        Contract = contract;
        ContractId = contract.Id;
        Name = Location = Notes = SearchKey = string.Empty;
        Apply(details, now);
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int ContractId { get; private set; }

    public Contract Contract { get; private set; }

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public string Location { get; private set; }

    public int ExpectedAttendees { get; private set; }

    public int? ActualAttendees { get; private set; }

    public string Notes { get; private set; }

    public int? SupportContactId { get; private set; }

    public Collaborator? SupportContact { get; private set; }

    /// <summary>When the support contact acknowledged the assignment; cleared when support changes.</summary>
    public DateTime? SupportAcknowledgedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Name and location folded for case- and accent-insensitive search.</summary>
    public string SearchKey { get; private set; }

    public int Version { get; private set; }

    void IVersioned.NextVersion() => Version++;

    internal EventDetails Details => new(Name, StartsAt, EndsAt, Location, ExpectedAttendees, ActualAttendees, Notes);

    internal void Apply(EventDetails details, DateTime now)
    {
        Name = details.Name;
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        Location = details.Location;
        ExpectedAttendees = details.ExpectedAttendees;
        ActualAttendees = details.ActualAttendees;
        Notes = details.Notes;
        UpdatedAt = now;
        SearchKey = BuildSearchKey(Name, Location);
    }

    internal static string BuildSearchKey(string name, string location) => FieldRules.SearchKey($"{name} {location}");

    internal void AssignSupport(Collaborator? support, DateTime now)
    {
        SupportContact = support;
        SupportContactId = support?.Id;
        SupportAcknowledgedAt = null;
        UpdatedAt = now;
    }

    internal void AcknowledgeSupport(DateTime now)
    {
        SupportAcknowledgedAt = now;
        UpdatedAt = now;
    }
}

/// <summary>The editable fields of an event, validated together (the end is compared to the start).</summary>
internal sealed record EventDetails(
    string Name,
    DateTime StartsAt,
    DateTime EndsAt,
    string Location,
    int ExpectedAttendees,
    int? ActualAttendees,
    string Notes);
