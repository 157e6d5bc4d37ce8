using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Tests.Common;

public sealed class FieldRulesTests
{
    [Theory]
    [InlineData("a@b.co", true)]
    [InlineData("first.last+tag@sub.example.fr", true)]
    [InlineData("no-at-sign.com", false)]
    [InlineData("two@@signs.com", false)]
    [InlineData("spaces in@x.com", false)]
    [InlineData("a@-bad-.com", false)]
    [InlineData("a@nodot", false)]
    public void Emails_must_look_like_addresses(string email, bool valid) =>
        (FieldRules.EmailError(FieldRules.NormalizeEmail(email)) is null).Should().Be(valid);

    [Fact]
    public void An_email_longer_than_254_characters_is_refused() =>
        FieldRules.EmailError(new string('a', 250) + "@x.fr")!.ToString().Should().Contain("254");

    [Theory]
    [InlineData(0, null)]
    [InlineData(1_000_000_000, null)]
    [InlineData(1_000_000_000.01, "at most")]
    [InlineData(-0.01, "negative")]
    [InlineData(10.005, "2 decimals")]
    public void Amounts_are_non_negative_with_two_decimals_up_to_a_billion(double amount, string? error)
    {
        var message = FieldRules.AmountError((decimal)amount, new Text("fieldName.payment"))?.ToString();

        if (error is null)
        {
            message.Should().BeNull();
        }
        else
        {
            message.Should().Contain(error);
        }
    }

    [Theory]
    [InlineData("Élodie LEFÈVRE", "elodie lefevre")]
    [InlineData("Straße Œuvre", "strasse oeuvre")]
    [InlineData("  ÇA VA  ", "ca va")]
    public void Search_keys_fold_case_and_accents(string text, string expected) =>
        FieldRules.SearchKey(text).Should().Be(expected);

    [Fact]
    public void Control_characters_are_refused_in_single_line_text_but_line_breaks_are_fine_in_notes()
    {
        FieldRules.RequiredLineError("Evil\u0000Name", 100, new Text("fieldName.fullName"))!.ToString().Should().Contain("control characters");
        FieldRules.OptionalTextError("line one\nline two\ttabbed", 4000, new Text("fieldName.notes")).Should().BeNull();
    }
}
