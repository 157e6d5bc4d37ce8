namespace EpicEvents.Crm.Contracts;

/// <summary><c>Draft</c> → <c>PendingSignature</c> → <c>Signed</c>; <c>Draft</c>/<c>PendingSignature</c> → <c>Cancelled</c>.</summary>
public enum ContractStatus
{
    Draft,
    PendingSignature,
    Signed,
    Cancelled,
}
