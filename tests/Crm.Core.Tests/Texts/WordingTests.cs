using EpicEvents.Crm.Access;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Tests.Texts;

public sealed class WordingTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void A_long_date_is_worded_in_the_readers_language_and_time_zone()
    {
        var at = new DateTime(2025, 12, 1, 9, 0, 0, DateTimeKind.Utc);

        Wording.French.LongDate(at, Paris).Should().Be("lundi 1 décembre 2025 10:00");
        Wording.English.LongDate(at, Paris).Should().Be("Monday 1 December 2025 10:00");
        Wording.French.Date(at, Paris).Should().Be("2025-12-01 10:00", "tables keep the sortable form in every language");
    }

    [Fact]
    public void The_glossary_reads_from_the_resource_files()
    {
        Wording.French.Department(Department.Sales).Should().Be("Commercial");
        Wording.English.Department(Department.Sales).Should().Be("Sales");
        Wording.French.Status(ContractStatus.PendingSignature).Should().Be("en attente de signature");
        Wording.French.More(1).Should().Be("et 1 autre");
        Wording.English.More(3).Should().Be("and 3 more");
        Wording.French.Waited(TimeSpan.FromHours(76)).Should().Be("3 j 4 h");
        Wording.French.YesNo(true).Should().Be("oui");
    }

    [Fact]
    public void A_text_inside_a_text_is_worded_in_the_same_language()
    {
        var error = new Text("field.tooLong", new Text("fieldName.location"), 200);

        Wording.English.Render(error).Should().Be("The location has at most 200 characters.");
        Wording.French.Render(error).Should().Be("Lieu : 200 caractères au maximum.");
        error.ToString().Should().Be("The location has at most 200 characters.");
    }
}
