using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Contracts;

/// <summary>A contract's total and amount due, validated together (SPEC §1).</summary>
internal sealed record ContractAmounts(decimal Total, decimal Due)
{
    /// <summary>
    /// Checks the amounts. When the due amount was not typed but kept from the contract, an excess is
    /// reported on the total, the field the user did change.
    /// </summary>
    public static Result<ContractAmounts> Validate(decimal? total, decimal? due, bool dueWasGiven = true)
    {
        if (total is not { } totalAmount)
        {
            return Failure.Invalid(FieldNames.TotalAmount, new Text("contract.totalAmount.required"));
        }

        var validation = new Validation().Check(FieldNames.TotalAmount, totalAmount == 0 ? new Text("contract.totalAmount.zero") : FieldRules.AmountError(totalAmount, FieldNames.WordedName(FieldNames.TotalAmount)));
        var dueAmount = due ?? totalAmount;
        validation.Check(FieldNames.AmountDue, FieldRules.AmountError(dueAmount, FieldNames.WordedName(FieldNames.AmountDue)));
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        if (dueAmount > totalAmount)
        {
            return dueWasGiven
                ? Failure.Invalid(FieldNames.AmountDue, new Text("contract.amountDue.aboveTotal", totalAmount))
                : Failure.Invalid(FieldNames.TotalAmount, new Text("contract.totalAmount.belowDue", dueAmount));
        }

        return new ContractAmounts(totalAmount, dueAmount);
    }
}
