using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;

namespace EpicEvents.Crm.Signatures;

public enum SignatureRequestStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>A request that Management sign a contract. The first decision wins.</summary>
public sealed class SignatureRequest : IVersioned
{
    private SignatureRequest()
    {
        Contract = null!;
        RequestedBy = null!;
    }

    internal SignatureRequest(Contract contract, Collaborator requestedBy, DateTime now)
    {
        Contract = contract;
        ContractId = contract.Id;
        RequestedBy = requestedBy;
        RequestedById = requestedBy.Id;
        RequestedAt = now;
        Status = SignatureRequestStatus.Pending;
    }

    public int Id { get; private set; }

    public int ContractId { get; private set; }

    public Contract Contract { get; private set; }

    public int RequestedById { get; private set; }

    public Collaborator RequestedBy { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public SignatureRequestStatus Status { get; private set; }

    public int? DecidedById { get; private set; }

    public Collaborator? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? Reason { get; private set; }

    public int Version { get; private set; }

    void IVersioned.NextVersion() => Version++;

    internal void Decide(SignatureRequestStatus decision, Collaborator? by, string? reason, DateTime now)
    {
        Status = decision;
        DecidedBy = by;
        DecidedById = by?.Id;
        DecidedAt = now;
        Reason = reason;
    }
}
