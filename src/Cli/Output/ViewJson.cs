using System.Text.Json;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;

namespace EpicEvents.Cli.Output;

/// <summary>
/// The rows of the long lists written by hand with a <see cref="Utf8JsonWriter"/>: the same bytes as
/// <see cref="CliJson"/> gives (names, order, nulls, dates, numbers; <c>ViewJsonTests</c> compares
/// them), without the serializer's per-type set-up, which a command pays in every new process.
/// </summary>
internal static class ViewJson
{
    /// <summary>A view's hand-written writer, or the serializer's for any other type.</summary>
    public static Action<Utf8JsonWriter, T> For<T>() => (Action<Utf8JsonWriter, T>?)(object?)(typeof(T) switch
    {
        var t when t == typeof(ContractView) => (Action<Utf8JsonWriter, ContractView>)Write,
        var t when t == typeof(EventView) => (Action<Utf8JsonWriter, EventView>)Write,
        var t when t == typeof(ClientView) => (Action<Utf8JsonWriter, ClientView>)Write,
        _ => null,
    }) ?? ((writer, value) => JsonSerializer.Serialize(writer, value, value!.GetType(), CliJson.Options));

    public static void Write(Utf8JsonWriter json, ContractView c)
    {
        json.WriteStartObject();
        json.WriteNumber(Names.Id, c.Id);
        json.WriteNumber(Names.ClientId, c.ClientId);
        json.WriteString(Names.ClientName, c.ClientName);
        json.WriteString(Names.ClientCompany, c.ClientCompany);
        Number(json, Names.SalesContactId, c.SalesContactId);
        json.WriteString(Names.SalesContactName, c.SalesContactName);
        json.WriteNumber(Names.TotalAmount, c.TotalAmount);
        json.WriteNumber(Names.AmountDue, c.AmountDue);
        json.WriteString(Names.Status, Names.Of(c.Status));
        json.WriteString(Names.CreatedAt, c.CreatedAt);
        json.WriteString(Names.UpdatedAt, c.UpdatedAt);
        Date(json, Names.SignedAt, c.SignedAt);
        Number(json, Names.SignedById, c.SignedById);
        json.WriteString(Names.SignedByName, c.SignedByName);
        Number(json, Names.PendingSignatureRequestId, c.PendingSignatureRequestId);
        json.WriteNumber(Names.Version, c.Version);
        json.WriteBoolean(Names.IsSigned, c.IsSigned);
        json.WriteBoolean(Names.IsPaid, c.IsPaid);
        json.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter json, EventView e)
    {
        json.WriteStartObject();
        json.WriteNumber(Names.Id, e.Id);
        json.WriteString(Names.Name, e.Name);
        json.WriteNumber(Names.ContractId, e.ContractId);
        json.WriteNumber(Names.ClientId, e.ClientId);
        json.WriteString(Names.ClientFullName, e.ClientFullName);
        json.WriteString(Names.ClientEmail, e.ClientEmail);
        json.WriteString(Names.ClientPhone, e.ClientPhone);
        json.WriteString(Names.CompanyName, e.CompanyName);
        Number(json, Names.SalesContactId, e.SalesContactId);
        json.WriteString(Names.SalesContactName, e.SalesContactName);
        json.WriteString(Names.StartsAt, e.StartsAt);
        json.WriteString(Names.EndsAt, e.EndsAt);
        json.WriteString(Names.Location, e.Location);
        json.WriteNumber(Names.ExpectedAttendees, e.ExpectedAttendees);
        Number(json, Names.ActualAttendees, e.ActualAttendees);
        json.WriteString(Names.Notes, e.Notes);
        Number(json, Names.SupportContactId, e.SupportContactId);
        json.WriteString(Names.SupportContactName, e.SupportContactName);
        Date(json, Names.SupportAcknowledgedAt, e.SupportAcknowledgedAt);
        json.WriteString(Names.CreatedAt, e.CreatedAt);
        json.WriteString(Names.UpdatedAt, e.UpdatedAt);
        json.WriteNumber(Names.Version, e.Version);
        json.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter json, ClientView c)
    {
        json.WriteStartObject();
        json.WriteNumber(Names.Id, c.Id);
        json.WriteString(Names.FullName, c.FullName);
        json.WriteString(Names.Email, c.Email);
        json.WriteString(Names.Phone, c.Phone);
        json.WriteString(Names.CompanyName, c.CompanyName);
        json.WriteString(Names.CreatedAt, c.CreatedAt);
        json.WriteString(Names.UpdatedAt, c.UpdatedAt);
        Number(json, Names.SalesContactId, c.SalesContactId);
        json.WriteString(Names.SalesContactName, c.SalesContactName);
        json.WriteBoolean(Names.SalesContactActive, c.SalesContactActive);
        json.WriteNumber(Names.Version, c.Version);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Date(Utf8JsonWriter json, JsonEncodedText name, DateTime? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The property names, encoded once; those of Crm.Core's fields are its <see cref="FieldNames"/>.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode(FieldNames.Name);
        public static readonly JsonEncodedText ClientId = JsonEncodedText.Encode(FieldNames.ClientId);
        public static readonly JsonEncodedText ClientName = JsonEncodedText.Encode("clientName");
        public static readonly JsonEncodedText ClientCompany = JsonEncodedText.Encode("clientCompany");
        public static readonly JsonEncodedText ClientFullName = JsonEncodedText.Encode("clientFullName");
        public static readonly JsonEncodedText ClientEmail = JsonEncodedText.Encode("clientEmail");
        public static readonly JsonEncodedText ClientPhone = JsonEncodedText.Encode("clientPhone");
        public static readonly JsonEncodedText CompanyName = JsonEncodedText.Encode(FieldNames.CompanyName);
        public static readonly JsonEncodedText ContractId = JsonEncodedText.Encode(FieldNames.ContractId);
        public static readonly JsonEncodedText FullName = JsonEncodedText.Encode(FieldNames.FullName);
        public static readonly JsonEncodedText Email = JsonEncodedText.Encode(FieldNames.Email);
        public static readonly JsonEncodedText Phone = JsonEncodedText.Encode(FieldNames.Phone);
        public static readonly JsonEncodedText SalesContactId = JsonEncodedText.Encode(FieldNames.SalesContactId);
        public static readonly JsonEncodedText SalesContactName = JsonEncodedText.Encode("salesContactName");
        public static readonly JsonEncodedText SalesContactActive = JsonEncodedText.Encode("salesContactActive");
        public static readonly JsonEncodedText TotalAmount = JsonEncodedText.Encode(FieldNames.TotalAmount);
        public static readonly JsonEncodedText AmountDue = JsonEncodedText.Encode(FieldNames.AmountDue);
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode(FieldNames.Status);
        public static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
        public static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updatedAt");
        public static readonly JsonEncodedText SignedAt = JsonEncodedText.Encode(FieldNames.SignedAt);
        public static readonly JsonEncodedText SignedById = JsonEncodedText.Encode(FieldNames.SignedById);
        public static readonly JsonEncodedText SignedByName = JsonEncodedText.Encode("signedByName");
        public static readonly JsonEncodedText PendingSignatureRequestId = JsonEncodedText.Encode("pendingSignatureRequestId");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText IsSigned = JsonEncodedText.Encode("isSigned");
        public static readonly JsonEncodedText IsPaid = JsonEncodedText.Encode("isPaid");
        public static readonly JsonEncodedText StartsAt = JsonEncodedText.Encode(FieldNames.StartsAt);
        public static readonly JsonEncodedText EndsAt = JsonEncodedText.Encode(FieldNames.EndsAt);
        public static readonly JsonEncodedText Location = JsonEncodedText.Encode(FieldNames.Location);
        public static readonly JsonEncodedText ExpectedAttendees = JsonEncodedText.Encode(FieldNames.ExpectedAttendees);
        public static readonly JsonEncodedText ActualAttendees = JsonEncodedText.Encode(FieldNames.ActualAttendees);
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode(FieldNames.Notes);
        public static readonly JsonEncodedText SupportContactId = JsonEncodedText.Encode(FieldNames.SupportContactId);
        public static readonly JsonEncodedText SupportContactName = JsonEncodedText.Encode("supportContactName");
        public static readonly JsonEncodedText SupportAcknowledgedAt = JsonEncodedText.Encode(FieldNames.SupportAcknowledgedAt);

        private static readonly JsonEncodedText Draft = JsonEncodedText.Encode(nameof(ContractStatus.Draft));
        private static readonly JsonEncodedText PendingSignature = JsonEncodedText.Encode(nameof(ContractStatus.PendingSignature));
        private static readonly JsonEncodedText Signed = JsonEncodedText.Encode(nameof(ContractStatus.Signed));
        private static readonly JsonEncodedText Cancelled = JsonEncodedText.Encode(nameof(ContractStatus.Cancelled));

        public static JsonEncodedText Of(ContractStatus status) => status switch
        {
            ContractStatus.Draft => Draft,
            ContractStatus.PendingSignature => PendingSignature,
            ContractStatus.Signed => Signed,
            ContractStatus.Cancelled => Cancelled,
            _ => JsonEncodedText.Encode(status.ToString()),
        };
    }
}
