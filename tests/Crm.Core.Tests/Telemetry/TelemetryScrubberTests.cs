using EpicEvents.Crm.Access;
using EpicEvents.Crm.Telemetry;

namespace EpicEvents.Crm.Tests.Telemetry;

public sealed class TelemetryScrubberTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1xYzConv/activities/1700000000123", "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/1700000000123")]
    [InlineData("https://smba.trafficmanager.net/teams/v3/conversations/19:abc@thread.tacv2/members/29:1AbCdEf", "https://smba.trafficmanager.net/teams/v3/conversations/{id}/members/{id}")]
    [InlineData("https://login.microsoftonline.com/6b0cd0a4-2f5e-4c7b-9a3b-1f2e3d4c5b6a/oauth2/v2.0/token", "https://login.microsoftonline.com/{id}/oauth2/v2.0/token")]
    [InlineData("http://127.0.0.1:3978/api/v1/clients/42?search=Jane%20Doe&limit=25", "http://127.0.0.1:3978/api/v1/clients/42?search=Redacted&limit=Redacted")]
    [InlineData("/api/v1/contracts", "/api/v1/contracts")]
    public void Urls_lose_conversation_and_person_ids_and_query_values_but_keep_routes_and_record_numbers(string url, string expected) =>
        TelemetryScrubber.ScrubUrl(url).Should().Be(expected);

    [Fact]
    public async Task A_sentry_event_keeps_ids_and_loses_emails_phones_secrets_and_the_request()
    {
        var fault = new Sentry.SentryEvent(new InvalidOperationException("No client jane.doe@example.org at +33 6 12 34 56 78"))
        {
            Message = new Sentry.SentryMessage { Formatted = "Turn of collaborator 7 failed for jane.doe@example.org" },
            User = new Sentry.SentryUser { Id = "7", Email = "jane.doe@example.org", Username = "Jane Doe", IpAddress = "192.0.2.1" },
            ServerName = "janes-laptop",
        };
        fault.SetExtra("session_token", "abc.def.ghi");
        fault.Request = new Sentry.SentryRequest { Method = "POST", Url = "http://127.0.0.1/v3/conversations/a:secret-chat/activities", Data = "{\"text\":\"hello\"}", QueryString = "q=Jane", Cookies = "auth=1" };
        fault.Request.Headers["Authorization"] = "Bearer eyJabc";

        var sent = await Task.Run(() =>
        {
            new ReportingScope().Enter();
            CrmTelemetry.SignedIn(7);
            CrmTelemetry.Runs("bot Clients");
            return SentryReporting.Prepare(fault);
        });

        sent.Message!.Formatted.Should().Be("Turn of collaborator 7 failed for [email]");
        sent.User.Id.Should().Be("7");
        sent.User.Email.Should().BeNull();
        sent.User.Username.Should().BeNull();
        sent.User.IpAddress.Should().BeNull();
        sent.ServerName.Should().BeNull();
        sent.TransactionName.Should().Be("bot Clients");
        sent.Extra["session_token"].Should().Be(TelemetryScrubber.Redacted);
        sent.Request.Method.Should().Be("POST");
        sent.Request.Url.Should().Be("http://127.0.0.1/v3/conversations/{id}/activities");
        sent.Request.Data.Should().BeNull();
        sent.Request.QueryString.Should().BeNull();
        sent.Request.Cookies.Should().BeNull();
        sent.Request.Headers.Should().BeEmpty();
    }

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

    [Fact]
    public void A_teams_message_id_on_a_turn_span_is_kept_although_it_is_a_long_number() =>
        TelemetryScrubber.ScrubValue("bot.activity.id", "1733502324839").Should().Be("1733502324839");

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
