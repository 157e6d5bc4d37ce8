using System.Globalization;
using EpicEvents.Crm.Common;

namespace EpicEvents.Crm.Contracts;

/// <summary>A contract's total and amount due, validated together (SPEC §1).</summary>
internal sealed record ContractAmounts(decimal Total, decimal Due)
{
    public const string TotalField = "totalAmount";
    public const string DueField = "amountDue";

    /// <summary>
    /// Checks the amounts. When the due amount was not typed but kept from the contract, an excess is
    /// reported on the total, the field the user did change.
    /// </summary>
    public static Result<ContractAmounts> Validate(decimal? total, decimal? due, bool dueWasGiven = true)
    {
        if (total is not { } totalAmount)
        {
            return Failure.Invalid(TotalField, "The total amount is required.");
        }

        var validation = new Validation().Check(TotalField, totalAmount == 0 ? "The total amount must be greater than zero." : FieldRules.AmountError(totalAmount, "total amount"));
        var dueAmount = due ?? totalAmount;
        validation.Check(DueField, FieldRules.AmountError(dueAmount, "amount due"));
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        if (dueAmount > totalAmount)
        {
            return dueWasGiven
                ? Failure.Invalid(DueField, $"The amount due cannot exceed the total amount ({Euros(totalAmount)}).")
                : Failure.Invalid(TotalField, $"The total amount cannot be less than the amount still due ({Euros(dueAmount)}).");
        }

        return new ContractAmounts(totalAmount, dueAmount);
    }

    public static string Euros(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " €";
}
