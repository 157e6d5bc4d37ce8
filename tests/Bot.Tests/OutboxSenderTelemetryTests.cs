using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Events;
using EpicEvents.Tests.Connector;
using EpicEvents.Tests.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Tests;

/// <summary>
/// Tests that read everything a host exports. Span listeners are process-wide, so these run alone:
/// the database spans of tests running beside them would be exported too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportsEverything
{
    public const string Name = "Reads every exported span";
}

/// <summary>The outbox sender's traces, exported over OTLP to a loopback receiver.</summary>
[Collection(ExportsEverything.Name)]
public sealed class OutboxSenderTelemetryTests : WorldAndConnectorTest
{
    [Fact]
    public async Task An_idle_sender_exports_no_traces_of_its_polling_and_a_delivery_is_exported()
    {
        using var receiver = new OtlpReceiver();
        await World.ConnectEveryoneAsync(Connector);
        WebApplicationFactory<Program> Traced() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Crm", World.ConnectionString);
            builder.UseSetting("Teams:AllowedTenants:0", BotWorld.Tenant.ToString());
            builder.UseSetting("Bot:Outbox:PollInterval", "00:00:00.100");
            builder.WithoutDigests();
            builder.UseSetting("SENTRY_DSN", null);
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", null);
            builder.UseSetting("Otlp:Endpoint", receiver.BaseUrl);
            builder.UseSetting("Telemetry:FlushTimeout", "00:00:20");
        });

        using (var idle = Traced())
        {
            idle.CreateClient();

            // About twenty looks at an empty outbox.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        // Housekeeping's hourly clean-up (DELETE) runs at start and is traced; the outbox's claims (UPDATE) and looks (SELECT) are not.
        receiver.To("/v1/traces").Should().NotContain(r => r.Contains("UPDATE") || r.Contains("SELECT"), "looking at the outbox every poll interval is not worth a trace");
        await AssignSupportAsync();
        using (var busy = Traced())
        {
            busy.CreateClient();
            (await World.WaitUntilDeliveredAsync()).Should().BeTrue();
        }

        (await receiver.WaitUntilAsync(r => r.AnyContains("outbox deliver"))).Should().BeTrue("each delivery is traced");
    }

    private async Task AssignSupportAsync()
    {
        var support = World.Support.CollaboratorId;
        var manager = await World.ActorAsync(World.Manager.CollaboratorId);
        var eventId = await World.QueryAsync(db => db.Events.Where(e => e.SupportContactId != support).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        await using var scope = World.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AssignSupport>().ExecuteAsync(manager, new AssignSupportRequest(eventId, support))).IsOk.Should().BeTrue();
    }
}
