using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Tests.Telemetry;

public sealed class SentryDsnTests
{
    [Fact]
    public void A_dsn_gives_the_public_key_host_port_project_and_the_otlp_endpoints_and_header()
    {
        SentryDsn.TryParse("https://abc123def@o42.ingest.sentry.io/4507", out var dsn, out _).Should().BeTrue();

        dsn.PublicKey.Should().Be("abc123def");
        dsn.Host.Should().Be("o42.ingest.sentry.io");
        dsn.Port.Should().Be(443);
        dsn.ProjectId.Should().Be("4507");
        dsn.TracesEndpoint.ToString().Should().Be("https://o42.ingest.sentry.io/api/4507/integration/otlp/v1/traces");
        dsn.LogsEndpoint.ToString().Should().Be("https://o42.ingest.sentry.io/api/4507/integration/otlp/v1/logs");
        dsn.AuthValue.Should().Be("sentry sentry_key=abc123def");
    }

    [Fact]
    public void A_self_hosted_dsn_keeps_its_scheme_port_and_path_prefix()
    {
        SentryDsn.TryParse("http://key@sentry.internal:9000/errors/7", out var dsn, out _).Should().BeTrue();

        dsn.TracesEndpoint.ToString().Should().Be("http://sentry.internal:9000/errors/api/7/integration/otlp/v1/traces");
        dsn.ToString().Should().NotContain("key");
    }

    [Theory]
    [InlineData("", "not an http(s) URL")]
    [InlineData("not a url", "not an http(s) URL")]
    [InlineData("ftp://key@host/1", "not an http(s) URL")]
    [InlineData("https://sentry.io/1", "no public key")]
    [InlineData("https://secretkey@sentry.io/", "no numeric project id")]
    [InlineData("https://secretkey@sentry.io/project", "no numeric project id")]
    public void An_invalid_dsn_is_refused_with_a_message_that_does_not_repeat_the_key(string text, string expected)
    {
        SentryDsn.TryParse(text, out _, out var problem).Should().BeFalse();

        problem.Should().Contain(expected).And.NotContain("secretkey");
    }

    [Fact]
    public void Without_a_dsn_or_an_endpoint_nothing_is_exported_and_nothing_is_built()
    {
        var settings = TelemetrySettings.FromConfiguration(Configuration([]));

        settings.Enabled.Should().BeFalse();
        settings.Problems.Should().BeEmpty();
        TelemetryPipeline.Start(settings, "epicevents-test", [], _ => { }).Should().BeNull();
    }

    [Fact]
    public void A_dsn_in_sentry_dsn_sends_both_signals_to_sentry_with_its_header_and_environment()
    {
        var settings = TelemetrySettings.FromConfiguration(Configuration(new()
        {
            ["SENTRY_DSN"] = "https://k1@sentry.example/12",
            ["SENTRY_ENVIRONMENT"] = "staging",
        }));

        var destination = settings.Destinations.Should().ContainSingle().Subject;
        destination.TracesEndpoint.AbsolutePath.Should().Be("/api/12/integration/otlp/v1/traces");
        destination.LogsEndpoint.AbsolutePath.Should().Be("/api/12/integration/otlp/v1/logs");
        destination.Headers.Should().Be("x-sentry-auth=sentry sentry_key=k1");
        settings.Environment.Should().Be("staging");
    }

    [Fact]
    public void An_otlp_base_endpoint_gets_the_standard_signal_paths_and_can_be_used_with_sentry()
    {
        var settings = TelemetrySettings.FromConfiguration(Configuration(new()
        {
            ["Sentry:Dsn"] = "https://k1@sentry.example/12",
            ["Otlp:Endpoint"] = "http://127.0.0.1:4318/",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "api-key=abc",
        }));

        settings.Destinations.Should().HaveCount(2);
        var otlp = settings.Destinations.Single(d => d.Name == "otlp");
        otlp.TracesEndpoint.ToString().Should().Be("http://127.0.0.1:4318/v1/traces");
        otlp.LogsEndpoint.ToString().Should().Be("http://127.0.0.1:4318/v1/logs");
        otlp.Headers.Should().Be("api-key=abc");
    }

    [Fact]
    public void An_invalid_dsn_is_a_warning_and_exports_nothing_rather_than_failing()
    {
        var settings = TelemetrySettings.FromConfiguration(Configuration(new() { ["Sentry:Dsn"] = "https://sentry.example/12" }));
        var warnings = new List<string>();

        var pipeline = TelemetryPipeline.Start(settings, "epicevents-test", [], warnings.Add);

        pipeline.Should().BeNull();
        warnings.Should().ContainSingle().Which.Should().Contain("no public key").And.Contain("Nothing is sent to Sentry");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
