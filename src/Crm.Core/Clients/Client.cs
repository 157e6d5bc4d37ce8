using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;

namespace EpicEvents.Crm.Clients;

/// <summary>A client company's contact person, followed by one Sales collaborator.</summary>
public sealed class Client : IVersioned
{
    private Client()
    {
        FullName = Email = Phone = CompanyName = SearchKey = string.Empty;
    }

    internal Client(string fullName, string email, string phone, string companyName, Collaborator salesContact, DateTime now)
    {
        FullName = fullName;
        Email = email;
        Phone = phone;
        CompanyName = companyName;
        SalesContact = salesContact;
        SalesContactId = salesContact.Id;
        CreatedAt = UpdatedAt = now;
        SearchKey = string.Empty;
        RefreshSearchKey();
    }

    public int Id { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    /// <summary>Normalised: an optional '+' then digits.</summary>
    public string Phone { get; private set; }

    public string CompanyName { get; private set; }

    /// <summary>First contact.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>Last contact or update.</summary>
    public DateTime UpdatedAt { get; private set; }

    public int? SalesContactId { get; private set; }

    public Collaborator? SalesContact { get; private set; }

    /// <summary>Name, email and company folded for case- and accent-insensitive search.</summary>
    public string SearchKey { get; private set; }

    public int Version { get; private set; }

    void IVersioned.NextVersion() => Version++;

    internal void Update(string fullName, string email, string phone, string companyName, DateTime now)
    {
        FullName = fullName;
        Email = email;
        Phone = phone;
        CompanyName = companyName;
        UpdatedAt = now;
        RefreshSearchKey();
    }

    internal void Reassign(Collaborator salesContact, DateTime now)
    {
        SalesContact = salesContact;
        SalesContactId = salesContact.Id;
        UpdatedAt = now;
    }

    internal static string BuildSearchKey(string fullName, string email, string companyName) =>
        FieldRules.SearchKey($"{fullName} {email} {companyName}");

    private void RefreshSearchKey() => SearchKey = BuildSearchKey(FullName, Email, CompanyName);
}
