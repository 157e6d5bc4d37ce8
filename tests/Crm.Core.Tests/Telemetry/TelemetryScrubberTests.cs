using EpicEvents.Crm.Access;
using EpicEvents.Crm.Telemetry;

namespace EpicEvents.Crm.Tests.Telemetry;

public sealed class TelemetryScrubberTests
{
    [Theory]
    [InlineData("Contact jane.doe+crm@example.co.uk now", "Contact [email] now")]
    [InlineData("Call +33 6 12 34 56 78 or 06.12.34.56.78", "Call [phone] or [phone]")]
    [InlineData("Phone 0612345678.", "Phone [phone].")]
    [InlineData("Authorization: Bearer eyJhbGciOi.abc.def", "Authorization: Bearer [redacted]")]
    [InlineData("retry with password=Hunter2! please", "retry with password=[redacted] please")]
    [InlineData("token: abc123", "token: [redacted]")]
    public void Emails_phone_numbers_and_credentials_inside_text_are_masked(string text, string expected) =>
        TelemetryScrubber.Scrub(text).Should().Be(expected);

    [Theory]
    [InlineData("Contract 42 signed by 7 (signature request 3)")]
    [InlineData("Total 12500.00 EUR on 2025-12-01 10:00 UTC")]
    [InlineData("Connecting to 127.0.0.1:4318")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    public void Ids_amounts_dates_addresses_and_trace_ids_are_kept(string text) =>
        TelemetryScrubber.Scrub(text).Should().Be(text);

    [Theory]
    [InlineData("password")]
    [InlineData("PasswordHash")]
    [InlineData("session_token")]
    [InlineData("http.request.header.authorization")]
    [InlineData("ClientSecret")]
    [InlineData("Sentry:Dsn")]
    public void Values_under_secret_sounding_keys_are_replaced_whole(string key) =>
        TelemetryScrubber.ScrubValue(key, "anything at all").Should().Be(TelemetryScrubber.Redacted);

    [Fact]
    public void Numbers_and_enums_pass_unchanged_and_other_values_are_scrubbed_as_text()
    {
        TelemetryScrubber.ScrubValue("ContractId", 42).Should().Be(42);
        TelemetryScrubber.ScrubValue("Source", ChangeSource.Bot).Should().Be(ChangeSource.Bot);
        TelemetryScrubber.ScrubValue("Who", new Uri("mailto:a.b@example.com")).Should().Be("mailto:[email]");
    }
}
