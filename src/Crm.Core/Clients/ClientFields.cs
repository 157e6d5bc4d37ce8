using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Clients;

/// <summary>A client's editable fields, normalised and validated together.</summary>
internal sealed record ClientFields(string FullName, string Email, string Phone, string CompanyName)
{
    public static ClientFields Normalize(string? fullName, string? email, string? phone, string? companyName) => new(
        FieldRules.NormalizeText(fullName),
        FieldRules.NormalizeEmail(email),
        phone ?? string.Empty,
        FieldRules.NormalizeText(companyName));

    /// <summary>The fields with the phone stored in its normalised form, or why they are not valid.</summary>
    public Result<ClientFields> Validate()
    {
        var validation = new Validation()
            .Check(FieldNames.FullName, FieldRules.RequiredLineError(FullName, Limits.PersonName, FieldNames.WordedName(FieldNames.FullName)))
            .Check(FieldNames.Email, FieldRules.EmailError(Email))
            .Check(FieldNames.Phone, FieldRules.PhoneError(Phone))
            .Check(FieldNames.CompanyName, FieldRules.RequiredLineError(CompanyName, Limits.CompanyName, FieldNames.WordedName(FieldNames.CompanyName)));
        return validation.HasErrors ? validation.Failure : this with { Phone = FieldRules.NormalizePhone(Phone) };
    }
}
