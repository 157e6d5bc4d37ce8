using Xunit.Abstractions;

namespace EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A test against the running product. <see cref="ScenarioAsync"/> runs its steps and, when one
/// fails, writes what the bot and the playgrounds printed meanwhile (and a screenshot of each open
/// chat) to the test output before rethrowing.
/// </summary>
[Collection(EndToEndCollection.Name)]
public abstract class EndToEndTest(EndToEndWorld world, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<PlaygroundChat> _chats = [];

    protected EndToEndWorld World { get; } = world;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var chat in _chats)
        {
            await chat.DisposeAsync();
        }
    }

    /// <summary>Keeps what the person sees as <paramref name="name"/> in EPICEVENTS_E2E_SCREENSHOTS, when set (the README's pictures come from there).</summary>
    protected static async Task KeepScreenshotAsync(PlaygroundChat chat, string name)
    {
        if (Environment.GetEnvironmentVariable("EPICEVENTS_E2E_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await chat.ScreenshotAsync(Path.Combine(folder, name));
        }
    }

    /// <summary>The web UI of <paramref name="person"/>'s playground, in a new browser page.</summary>
    protected async Task<PlaygroundChat> OpenChatAsync(MockPerson person)
    {
        var chat = await PlaygroundChat.OpenAsync(await World.BrowserAsync(), await World.PlaygroundAsync(person));
        _chats.Add(chat);
        return chat;
    }

    protected async Task ScenarioAsync(Func<Task> steps)
    {
        var marks = World.Processes.ToDictionary(p => p, p => p.Output.Length);
        try
        {
            await steps();
        }
        catch
        {
            foreach (var process in World.Processes)
            {
                var printed = process.Output;
                var from = marks.TryGetValue(process, out var mark) && mark <= printed.Length ? mark : 0;
                output.WriteLine($"----- {process.Name} printed during the test{(process.HasExited ? " (exited)" : string.Empty)} -----");
                output.WriteLine(printed[from..]);
            }

            foreach (var chat in _chats)
            {
                var path = Path.Combine(World.Root, "..", $"failure-{Guid.NewGuid():N}.png");
                try
                {
                    await chat.ScreenshotAsync(path);
                    output.WriteLine($"Screenshot of {chat.Playground.CurrentUser}'s chat: {Path.GetFullPath(path)}");
                }
                catch (Microsoft.Playwright.PlaywrightException screenshotFailure)
                {
                    output.WriteLine($"No screenshot of {chat.Playground.CurrentUser}'s chat: {screenshotFailure.Message}");
                }
            }

            throw;
        }
    }
}
