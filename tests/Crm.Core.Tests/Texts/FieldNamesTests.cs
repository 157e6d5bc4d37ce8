using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Tests.Texts;

/// <summary>
/// The fields Crm.Core names, declared once in <see cref="FieldNames"/>: its code names them through
/// the constants, and a field a use case reports an error on has a worded name in both languages.
/// </summary>
public sealed partial class FieldNamesTests
{
    private static readonly string RepositoryRoot = EpicEvents.Tests.Texts.ResourceTextsCheck.RepositoryRoot;

    private static readonly IReadOnlyDictionary<string, string> Declared = typeof(FieldNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Each_field_name_is_declared_once()
    {
        Declared.Should().NotBeEmpty();
        Declared.GroupBy(d => d.Value).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(d => d.Key)))
            .Should().BeEmpty("two constants for one name would let them drift apart");
    }

    [Fact]
    public void Every_field_a_use_case_reports_an_error_on_has_a_worded_name_in_english_and_french()
    {
        var reported = CoreSources()
            .SelectMany(code => ReportedField().Matches(code).Select(m => m.Groups["constant"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var english = CoreTexts.Catalog.Sentences(CultureInfo.InvariantCulture);
        var french = CoreTexts.Catalog.Sentences(CultureInfo.GetCultureInfo("fr"));

        reported.Should().Contain([nameof(FieldNames.FullName), nameof(FieldNames.TotalAmount), nameof(FieldNames.StartsAt)]);
        var unworded = reported.Order(StringComparer.Ordinal).Where(constant =>
        {
            var key = WordedKey(Declared[constant]);
            return key is null || string.IsNullOrWhiteSpace(english.GetValueOrDefault(key)) || string.IsNullOrWhiteSpace(french.GetValueOrDefault(key));
        });
        unworded.Should().BeEmpty("a sentence about a field names it in the reader's language");
    }

    [Fact]
    public void Crm_core_names_the_fields_of_its_errors_and_audit_entries_through_the_constants()
    {
        var literal = CoreSources()
            .SelectMany(code => FieldAsLiteral().Matches(code).Select(m => m.Value))
            .ToList();

        literal.Should().BeEmpty("a field's name is written once, in FieldNames");
    }

    private static string? WordedKey(string field)
    {
        try
        {
            return FieldNames.WordedName(field).Key;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static IEnumerable<string> CoreSources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src/Crm.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    // The first argument of a field error: Validation.Check(field, …), Failure.Invalid(field, …), new FieldError(field, …).
    [GeneratedRegex(@"(?:\.Check\(|Failure\.Invalid\(|new FieldError\()FieldNames\.(?<constant>\w+)")]
    private static partial Regex ReportedField();

    [GeneratedRegex(@"(?:\.Check\(|Failure\.Invalid\(|new FieldError\(|new FieldChange\(|\.Add(?:<[\w?]+>)?\(|\.Secret\(|\.Has\()""[a-zA-Z]+""")]
    private static partial Regex FieldAsLiteral();
}
