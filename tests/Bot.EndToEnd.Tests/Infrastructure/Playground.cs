using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One Microsoft 365 Agents Playground process (npm <c>@microsoft/m365agentsplayground</c>, pinned in
/// e2e/package.json) pointed at the bot, with <see cref="CurrentUser"/> at the keyboard. Besides the
/// web UI it has an internal HTTP API (version-specific, 0.2.28): messages, installation events and
/// card actions go in through it, and everything shown in the chats comes out on a WebSocket, which
/// <see cref="Conversation"/> records from the start.
/// </summary>
public sealed class Playground : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private Playground(MockPerson currentUser, int port, ChildProcess process, ConversationStream conversation, HttpClient http)
    {
        CurrentUser = currentUser;
        BaseUrl = new Uri($"http://localhost:{port}/");
        _process = process;
        Conversation = conversation;
        _http = http;
    }

    public MockPerson CurrentUser { get; }

    /// <summary>The web UI, and the root of the internal API.</summary>
    public Uri BaseUrl { get; }

    public ConversationStream Conversation { get; }

    public ChildProcess Process => _process;

    public static async Task<Playground> StartAsync(MockPerson currentUser, Uri botEndpoint, string directory)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, ".m365agentsplayground.yml");
        await File.WriteAllTextAsync(config, MockTenant.ConfigurationFor(currentUser));
        var port = FreePort.Next();
        var process = ChildProcess.Start(
            $"playground ({currentUser.Name})",
            Prerequisites.Node(),
            [Prerequisites.PlaygroundCli, "start", "-e", botEndpoint.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry"],
            directory,
            new Dictionary<string, string?>
            {
                // Without a desktop it would try to open a browser and exit.
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = config,
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(directory, "playground.log"),
            });
        var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await process.WaitUntilAsync("answer on /_debug/ping", async () => (await http.GetAsync("_debug/ping")).StatusCode == HttpStatusCode.OK, StartTimeout);
            var conversation = await ConversationStream.ConnectAsync(new Uri($"ws://localhost:{port}/_ws_conversation/v1/conversations/stream"));
            return new Playground(currentUser, port, process, conversation, http);
        }
        catch
        {
            http.Dispose();
            process.Dispose();
            throw;
        }
    }

    /// <summary><c>GET /_internal/v1/config</c>: the mock tenant, bot, users and chats as the playground loaded them.</summary>
    public async Task<JsonElement> ConfigAsync() =>
        (await _http.GetFromJsonAsync<JsonElement>("_internal/v1/config")).GetProperty("config");

    /// <summary>Types <paramref name="text"/> in a chat as the current user; returns the message id.</summary>
    public async Task<string> SendAsync(string text, string conversationId = MockTenant.PersonalChatId)
    {
        var body = new { from = new { id = CurrentUser.TeamsId }, text, textFormat = "plain" };
        var response = await EnsureAsync(await _http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body));
        return response.GetProperty("messageId").ToString();
    }

    /// <summary>
    /// Writes <paramref name="text"/> to the bot in a group chat or a channel, where (as in Teams) it
    /// gets only the messages that @mention it; returns the message id.
    /// </summary>
    public async Task<string> MentionBotAsync(string text, string conversationId)
    {
        var mention = $"<at>{MockTenant.BotName}</at>";
        var body = new
        {
            from = new { id = CurrentUser.TeamsId },
            text = $"{mention} {text}",
            textFormat = "plain",
            mentions = new[] { new { mentioned = new { id = MockTenant.BotId, name = MockTenant.BotName }, text = mention } },
        };
        var response = await EnsureAsync(await _http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body));
        return response.GetProperty("messageId").ToString();
    }

    /// <summary>Installs the app in a chat: the bot gets <c>installationUpdate</c> and <c>conversationUpdate</c> (members added).</summary>
    public async Task InstallAsync(string conversationId = MockTenant.PersonalChatId) =>
        await EnsureAsync(await _http.PostAsJsonAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new { }));

    /// <summary>Clicks an <c>Action.Execute</c> of the card in message <paramref name="messageId"/>; returns the invoke response.</summary>
    public async Task<JsonElement> ExecuteAsync(string messageId, string verb, object data, string conversationId = MockTenant.PersonalChatId)
    {
        var body = new
        {
            name = "adaptiveCard/action",
            value = new { action = new { type = "Action.Execute", verb, data } },
            from = new { id = CurrentUser.TeamsId },
            conversation = new { id = conversationId },
            replyToId = messageId,
        };
        return await EnsureAsync(await _http.PostAsJsonAsync("_conversation/v1/invoke", body));
    }

    /// <summary>Clicks an <c>Action.Submit</c> of the card in message <paramref name="messageId"/> (inputs and data merged in <paramref name="value"/>).</summary>
    public async Task SubmitAsync(string messageId, JsonObject value, string conversationId = MockTenant.PersonalChatId)
    {
        var body = new
        {
            conversation = new { id = conversationId },
            from = new { id = CurrentUser.TeamsId },
            replyToId = messageId,
            value,
        };
        await EnsureAsync(await _http.PostAsJsonAsync("_conversation/v1/submit", body));
    }

    public async ValueTask DisposeAsync()
    {
        await Conversation.DisposeAsync();
        _http.Dispose();
        _process.Dispose();
    }

    private static async Task<JsonElement> EnsureAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>
/// The playground's conversation WebSocket, recorded: every message created or updated in the chats
/// the current user is in, bot or user. (The playground buffers frames while no client is connected
/// and sends each frame to every connected client, the web UI included.)
/// </summary>
public sealed class ConversationStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<BotMessage> _messages = [];
    private readonly Lock _lock = new();
    private readonly Task _receiving;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConversationStream(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>How many messages were recorded so far: pass it to <see cref="NextFromBotAsync"/> to wait for what comes after.</summary>
    public int Mark
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count;
            }
        }
    }

    public IReadOnlyList<BotMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public static async Task<ConversationStream> ConnectAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, CancellationToken.None);
        return new ConversationStream(socket);
    }

    /// <summary>The first bot message after <paramref name="mark"/> that matches <paramref name="predicate"/> (any bot message if null).</summary>
    public async Task<BotMessage> NextFromBotAsync(int mark, Func<BotMessage, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _messages.Skip(mark).FirstOrDefault(m => m.IsFromBot && (predicate?.Invoke(m) ?? true));
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
            {
                throw new TimeoutException($"No such message from the bot within {(timeout ?? TimeSpan.FromSeconds(20)).TotalSeconds:0} s. Messages after the mark:\n{string.Join("\n", Messages.Skip(mark))}");
            }
        }
    }

    /// <summary>Bot messages after <paramref name="mark"/>, once the bot has been quiet for <paramref name="quiet"/>.</summary>
    public async Task<IReadOnlyList<BotMessage>> FromBotSettledAsync(int mark, TimeSpan quiet)
    {
        var count = -1;
        while (Mark != count)
        {
            count = Mark;
            await Task.Delay(quiet);
        }

        return [.. Messages.Skip(mark).Where(m => m.IsFromBot)];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var message = BotMessage.FromFrame(Encoding.UTF8.GetString(frame.ToArray()));
                frame.SetLength(0);
                if (message is not null)
                {
                    lock (_lock)
                    {
                        _messages.Add(message);
                        _changed.TrySetResult();
                        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }
        }
        catch (WebSocketException)
        {
            // The playground went away.
        }
    }
}

/// <summary>A TCP port nobody listens on right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
