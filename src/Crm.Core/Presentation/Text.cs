using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;

namespace EpicEvents.Crm.Presentation;

/// <summary>
/// A sentence of Crm.Core as a key of its resource files and the values of its holes: a refusal, a
/// field error, a conflict. Crm.Core says what happened; each front end words it in its reader's
/// language with <see cref="Wording.Render(Text)"/>. An argument may itself be a <see cref="Text"/>
/// (the name of a field inside a field error) and is then worded in the same language.
/// </summary>
public sealed record Text(string Key, params object?[] Args)
{
    /// <summary>The key of <see cref="Worded"/>: a sentence with no key of its own.</summary>
    public const string WordedKey = "worded";

    /// <summary>
    /// A sentence already worded in its reader's language by someone else — the CRM server's answer
    /// to a remote command, a front end's own check — carried where a <see cref="Text"/> goes.
    /// </summary>
    public static Text Worded(string sentence) => new(WordedKey, sentence);

    /// <summary>The resource files of <see cref="Key"/>: Crm.Core's, unless a front end words one of its own sentences as a text.</summary>
    public TextCatalog Catalog { get; init; } = CoreTexts.Catalog;

    /// <summary>The English sentence: what logs, exceptions and tests read.</summary>
    public override string ToString() => Wording.English.Render(this);

    /// <summary>Two texts are the same sentence when their keys and arguments are (a record compares arrays by reference).</summary>
    public bool Equals(Text? other) =>
        other is not null && Key == other.Key && ReferenceEquals(Catalog, other.Catalog) && Args.SequenceEqual(other.Args);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Key, StringComparer.Ordinal);
        foreach (var arg in Args)
        {
            hash.Add(arg);
        }

        return hash.ToHashCode();
    }
}

/// <summary>Crm.Core's own sentences (<c>Resources/CoreTexts.resx</c>).</summary>
public static class CoreTexts
{
    public static TextCatalog Catalog { get; } =
        new(new System.Resources.ResourceManager("EpicEvents.Crm.Resources.CoreTexts", typeof(CoreTexts).Assembly));

    /// <summary>A department's name, as sentences and cards say it: "Sales", "Commercial".</summary>
    public static Text Department(Department department) => new(department switch
    {
        Access.Department.Management => "department.management",
        Access.Department.Sales => "department.sales",
        Access.Department.Support => "department.support",
        _ => "department.none",
    });

    /// <summary>A contract's status, as sentences and cards say it: "awaiting signature".</summary>
    public static Text Status(ContractStatus status) => new(status switch
    {
        ContractStatus.Draft => "status.draft",
        ContractStatus.PendingSignature => "status.pendingSignature",
        ContractStatus.Signed => "status.signed",
        ContractStatus.Cancelled => "status.cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No such contract status."),
    });
}
