using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;

namespace EpicEvents.Crm.Contracts;

/// <summary>
/// A contract with a client. Its sales contact is always the client's current sales contact, so it
/// is read through the client rather than stored twice.
/// </summary>
public sealed class Contract : IVersioned
{
    private Contract()
    {
        Client = null!;
    }

    internal Contract(Client client, decimal totalAmount, decimal amountDue, DateTime now)
    {
        Client = client;
        ClientId = client.Id;
        TotalAmount = totalAmount;
        AmountDue = amountDue;
        Status = ContractStatus.Draft;
        CreatedAt = UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int ClientId { get; private set; }

    public Client Client { get; private set; }

    public decimal TotalAmount { get; private set; }

    public decimal AmountDue { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SignedAt { get; private set; }

    public int? SignedById { get; private set; }

    public Collaborator? SignedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status is ContractStatus.Draft or ContractStatus.PendingSignature;

    void IVersioned.NextVersion() => Version++;

    internal void ChangeAmounts(decimal totalAmount, decimal amountDue, DateTime now)
    {
        TotalAmount = totalAmount;
        AmountDue = amountDue;
        UpdatedAt = now;
    }

    internal void MarkPendingSignature(DateTime now)
    {
        Status = ContractStatus.PendingSignature;
        UpdatedAt = now;
    }

    internal void ReturnToDraft(DateTime now)
    {
        Status = ContractStatus.Draft;
        UpdatedAt = now;
    }

    internal void Sign(Collaborator by, DateTime now)
    {
        Status = ContractStatus.Signed;
        SignedBy = by;
        SignedById = by.Id;
        SignedAt = now;
        UpdatedAt = now;
    }

    internal void Cancel(DateTime now)
    {
        Status = ContractStatus.Cancelled;
        UpdatedAt = now;
    }
}
