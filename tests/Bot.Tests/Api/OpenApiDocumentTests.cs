using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EpicEvents.Bot.Tests.Api;

/// <summary>
/// The API's contract, <c>/openapi/v1.json</c>, kept in step with <c>docs/api/openapi-v1.json</c> so that
/// every change of a route, a body or an answer shows in review. After a deliberate change, run the
/// tests once with <c>EPICEVENTS_UPDATE_OPENAPI=1</c> to rewrite the checked-in copy.
/// </summary>
public sealed class OpenApiDocumentTests : ApiTest
{
    private static readonly string CheckedIn = Path.Combine(
        typeof(OpenApiDocumentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "docs", "api", "openapi-v1.json");

    [Fact]
    public async Task The_served_document_is_the_checked_in_one()
    {
        var response = await Anonymous().GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var served = Normalised(await response.Content.ReadAsStringAsync());

        if (Environment.GetEnvironmentVariable("EPICEVENTS_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedIn)!);
            await File.WriteAllTextAsync(CheckedIn, served);
        }

        File.Exists(CheckedIn).Should().BeTrue($"{CheckedIn} is the reviewed contract");
        served.Should().Be(Normalised(await File.ReadAllTextAsync(CheckedIn)), "the API changed: review it, then rewrite docs/api/openapi-v1.json with EPICEVENTS_UPDATE_OPENAPI=1");
    }

    [Fact]
    public async Task Every_cli_resource_is_in_the_document_and_the_teams_endpoint_is_not()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        paths.Should().Contain(
        [
            "/api/v1/auth/login", "/api/v1/auth/whoami", "/api/v1/auth/password", "/api/v1/auth/logout-everywhere",
            "/api/v1/collaborators", "/api/v1/collaborators/{id}", "/api/v1/roles", "/api/v1/clients", "/api/v1/clients/{id}",
            "/api/v1/contracts", "/api/v1/contracts/{id}/sign", "/api/v1/contracts/{id}/approve", "/api/v1/contracts/{id}/reject",
            "/api/v1/contracts/{id}/signature-request", "/api/v1/events", "/api/v1/events/{id}/assign", "/api/v1/events/{id}/acknowledge",
            "/api/v1/audit", "/api/v1/notifications", "/api/v1/notifications/retry",
        ]);
        paths.Should().NotContain(p => p.StartsWith("/api/messages", StringComparison.Ordinal) || p.StartsWith("/healthz", StringComparison.Ordinal));
    }

    private static string Normalised(string json) =>
        JsonSerializer.Serialize(JsonNode.Parse(json), new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
}
