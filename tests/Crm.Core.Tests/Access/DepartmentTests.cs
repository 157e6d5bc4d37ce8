using EpicEvents.Crm.Access;

namespace EpicEvents.Crm.Tests.Access;

public sealed class DepartmentTests
{
    [Theory]
    [InlineData("management", Department.Management)]
    [InlineData("Gestion", Department.Management)]
    [InlineData("SALES", Department.Sales)]
    [InlineData("commercial", Department.Sales)]
    [InlineData(" support ", Department.Support)]
    [InlineData("administrateur", Department.Unknown)]
    [InlineData("", Department.Unknown)]
    [InlineData(null, Department.Unknown)]
    public void Departments_are_read_in_english_or_french_and_anything_else_is_unknown(string? text, Department expected) =>
        DepartmentNames.ParseOrUnknown(text).Should().Be(expected);
}
