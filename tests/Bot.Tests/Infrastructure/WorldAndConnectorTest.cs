using EpicEvents.Tests.Connector;

namespace EpicEvents.Bot.Tests.Infrastructure;

/// <summary>
/// Base of the tests where the bot talks to a Bot Connector over HTTP: a demo company on its own
/// SQLite file, and a loopback connector that reads what the bot sends as Teams would.
/// </summary>
public abstract class WorldAndConnectorTest : IAsyncLifetime
{
    protected BotWorld World { get; private set; } = null!;

    protected LoopbackConnector Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await BotWorld.CreateAsync();
        Connector = new LoopbackConnector();
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
