using System.Reflection;
using EpicEvents.Crm.Common;

namespace EpicEvents.Cli.Tests;

/// <summary>The CLI's option maps go from fields Crm.Core declares, so that a renamed field cannot leave an option behind.</summary>
public sealed class OptionNamesTests
{
    public static TheoryData<string> Maps()
    {
        var maps = new TheoryData<string>();
        foreach (var field in typeof(OptionNames).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            maps.Add(field.Name);
        }

        return maps;
    }

    [Theory]
    [MemberData(nameof(Maps))]
    public void Every_option_map_names_a_field_crm_core_declares(string map)
    {
        var declared = typeof(FieldNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        var fields = (IReadOnlyDictionary<string, string>)typeof(OptionNames).GetField(map)!.GetValue(null)!;

        fields.Keys.Where(field => !declared.Contains(field)).Should().BeEmpty();
    }

    [Fact]
    public void A_field_is_named_by_its_option_and_an_unmapped_field_by_its_own_name()
    {
        OptionNames.For(FieldNames.FullName, null).Should().Be("name");
        OptionNames.For(FieldNames.SalesContactId, OptionNames.Reassign).Should().Be("to");
        OptionNames.For(FieldNames.Email, null).Should().Be("email");
    }
}
