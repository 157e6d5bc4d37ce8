using Microsoft.AspNetCore.Hosting;

namespace EpicEvents.Bot.Tests.Infrastructure;

/// <summary>Settings the bot's test hosts share.</summary>
internal static class TestHosts
{
    /// <summary>
    /// Turns the digest sender off in a host that does not test digests: at their hour (Support's is
    /// 17:00 in Paris, every day; Management's 8:30 on working days) they would be queued and sent
    /// there, with the events, traces and deliveries that go with them.
    /// </summary>
    public static IWebHostBuilder WithoutDigests(this IWebHostBuilder builder) =>
        builder.UseSetting("Bot:Digests:Enabled", "false");
}
