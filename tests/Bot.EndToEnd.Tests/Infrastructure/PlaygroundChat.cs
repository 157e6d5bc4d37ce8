using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EpicEvents.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The playground's web UI as a person uses it: the personal chat of the playground's current user
/// with the bot. The UI has no way to switch users (the current user comes from the configuration),
/// so talking as someone else means opening their playground.
/// </summary>
/// <remarks>
/// What the DOM of 0.2.28 looks like: the compose box is a Lexical editor
/// (<c>[data-lexical-editor=true]</c>, Enter sends); each Adaptive Card is rendered by the reference
/// renderer under <c>.ac-preview-panel &gt; .ac-adaptiveCard</c>; an input's DOM id is generated
/// (<c>__ac-…</c>), not the card's id, but its <c>&lt;label for&gt;</c> holds the card's label (a
/// required input's label ends with " *"); buttons carry the action title in <c>title</c>. The
/// card of an <c>Action.Execute</c> response replaces the clicked card in place; other replies
/// arrive as new messages. Opening the page sends the bot installation events.
/// </remarks>
public sealed class PlaygroundChat : IAsyncDisposable
{
    private const string CardSelector = ".ac-preview-panel > .ac-adaptiveCard";
    private static readonly float Timeout = 20_000;

    /// <summary>How long a notification may take: the bot's sender polls its outbox every second and retries after back-off.</summary>
    private static readonly float NotificationTimeout = 30_000;
    private readonly List<JsonElement> _cardsSeen = [];
    private readonly Lock _lock = new();

    private PlaygroundChat(IPage page, Playground playground)
    {
        Page = page;
        Playground = playground;
    }

    public IPage Page { get; }

    public Playground Playground { get; }

    /// <summary>
    /// The card the bot shows last now (the newest message, or the one an action replaced in place),
    /// held by its place in the chat: a notification arriving after it (another test's, delivered
    /// late) does not make the test read or click that one instead.
    /// </summary>
    private async Task<ChatCard> NewestCardAsync()
    {
        var cards = Page.Locator(CardSelector);
        return new ChatCard(this, cards.Nth(await cards.CountAsync() - 1));
    }

    /// <summary>
    /// The newest card whose text contains every one of <paramref name="texts"/>, once the page shows
    /// one — a card that arrived unasked (a notification), or one updated in place.
    /// </summary>
    public async Task<ChatCard> CardContainingAsync(params string[] texts)
    {
        var cards = Page.Locator(CardSelector);
        foreach (var text in texts)
        {
            cards = cards.Filter(new LocatorFilterOptions { HasText = text });
        }

        var card = cards.Last;
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = NotificationTimeout });
        return new ChatCard(this, card);
    }

    public static async Task<PlaygroundChat> OpenAsync(IBrowser browser, Playground playground, bool awaitGreeting = true)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(Timeout);
        var chat = new PlaygroundChat(page, playground);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => chat.Remember(frame.Text ?? string.Empty, fromInvoke: false);
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/_conversation/v1/invoke", StringComparison.Ordinal))
            {
                chat.Remember(await response.TextAsync(), fromInvoke: true);
            }
        };
        var mark = playground.Conversation.Mark;
        await page.GotoAsync(playground.BaseUrl.ToString());
        await page.Locator("[data-lexical-editor=true]").WaitForAsync();
        if (awaitGreeting)
        {
            // Opening the page installs the app, and the bot greets with a card: wait for it, so
            // that it cannot be taken for the answer to what the test types next.
            await playground.Conversation.NextFromBotAsync(mark, m => m.HasCard, TimeSpan.FromSeconds(30));
            await chat.SettleAsync();
        }

        return chat;
    }

    /// <summary>Types <paramref name="text"/> in the compose box and sends it; returns the next card the bot shows.</summary>
    public async Task<ChatCard> SendAsync(string text)
    {
        var before = await SnapshotAsync();
        var compose = Page.Locator("[data-lexical-editor=true]");
        await compose.ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
        return await NextCardAsync(before);
    }

    /// <summary>Waits until a new card appears, or the last card changes (an action's card replaces it in place).</summary>
    public async Task<ChatCard> NextCardAsync(CardSnapshot before)
    {
        await Page.WaitForFunctionAsync(
            """
            ([selector, count, text]) => {
                const cards = document.querySelectorAll(selector);
                if (cards.length > count) return true;
                return cards.length > 0 && cards[cards.length - 1].innerText !== text;
            }
            """,
            new object[] { CardSelector, before.Count, before.LastText },
            new PageWaitForFunctionOptions { Timeout = Timeout });

        // Let the renderer finish the card (inputs get their values after the text).
        await Page.WaitForTimeoutAsync(300);
        return await NewestCardAsync();
    }

    /// <summary>Waits until the cards on the page stop changing for a moment.</summary>
    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Timeout);
        var previous = await SnapshotAsync();
        while (DateTime.UtcNow < deadline)
        {
            await Page.WaitForTimeoutAsync(500);
            var current = await SnapshotAsync();
            if (current == previous && current.Count > 0)
            {
                return;
            }

            previous = current;
        }
    }

    public async Task<CardSnapshot> SnapshotAsync()
    {
        var cards = Page.Locator(CardSelector);
        var count = await cards.CountAsync();
        return new CardSnapshot(count, count == 0 ? string.Empty : await cards.Last.InnerTextAsync());
    }

    public async Task ScreenshotAsync(string path) => await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    /// <summary>The label the newest card seen gives to the input with id <paramref name="id"/>, if any.</summary>
    internal string? LabelOf(string id)
    {
        lock (_lock)
        {
            return Enumerable.Reverse(_cardsSeen).Select(card => CardJson.LabelOf(card, id)).FirstOrDefault(label => label is not null);
        }
    }

    private void Remember(string payload, bool fromInvoke)
    {
        if (payload.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var cards = new List<JsonElement>();
            if (fromInvoke && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
            {
                cards.Add(value.Clone());
            }
            else if (!fromInvoke && BotMessage.FromFrame(payload) is { } message)
            {
                cards.AddRange(message.Cards);
            }

            lock (_lock)
            {
                _cardsSeen.AddRange(cards);
            }
        }
        catch (JsonException)
        {
            // Not a card.
        }
    }
}

/// <summary>How many cards the chat showed and the text of the last one, to wait for the next.</summary>
public sealed record CardSnapshot(int Count, string LastText);

/// <summary>One Adaptive Card as rendered in the chat.</summary>
public sealed class ChatCard(PlaygroundChat chat, ILocator root)
{
    public ILocator Root { get; } = root;

    public Task<string> TextAsync() => Root.InnerTextAsync();

    /// <summary>The card's heading: its first text block.</summary>
    public Task<string> TitleAsync() => Root.Locator(".ac-textBlock").First.InnerTextAsync();

    /// <summary>The input labelled <paramref name="labelOrId"/> (a card input id is turned into its label).</summary>
    public async Task<ILocator> InputAsync(string labelOrId)
    {
        var label = chat.LabelOf(labelOrId) ?? labelOrId;
        var element = Root.Locator("label").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(label)}\\s*\\*?\\s*$") }).First;
        var inputId = await element.GetAttributeAsync("for") ?? throw new InvalidOperationException($"The label \"{label}\" is not tied to an input.");
        return Root.Locator($"[id='{inputId}']");
    }

    public async Task FillAsync(string labelOrId, string value) => await (await InputAsync(labelOrId)).FillAsync(value);

    public async Task<string> ValueAsync(string labelOrId) => await (await InputAsync(labelOrId)).InputValueAsync();

    /// <summary>Whether the card shows a button titled <paramref name="title"/>.</summary>
    public async Task<bool> HasButtonAsync(string title) =>
        await Root.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true }).CountAsync() > 0;

    /// <summary>Clicks the button titled <paramref name="title"/> without waiting for an answer (e.g. one that opens a part of the card).</summary>
    public async Task PressAsync(string title) =>
        await Root.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true }).ClickAsync();

    /// <summary>Clicks the button titled <paramref name="title"/>; returns the card the bot answers with.</summary>
    public async Task<ChatCard> ClickAsync(string title)
    {
        var before = await chat.SnapshotAsync();
        await Root.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true }).ClickAsync();
        return await chat.NextCardAsync(before);
    }

    /// <summary>
    /// The error text shown under an input: the renderer's own validation message and the text
    /// blocks between the input and the next input or button.
    /// </summary>
    public async Task<string> ErrorUnderAsync(string labelOrId)
    {
        var input = await InputAsync(labelOrId);
        return await input.EvaluateAsync<string>(
            """
            input => {
                const texts = [];
                const label = document.querySelector(`label[for='${input.id}']`);
                for (const id of (input.getAttribute('aria-labelledby') || '').split(' ')) {
                    const element = id && (!label || id !== label.id) ? document.getElementById(id) : null;
                    if (element && element.innerText.trim()) texts.push(element.innerText.trim());
                }
                const wrapper = label ? label.parentElement : input.closest('.ac-input-container');
                for (let next = wrapper.nextElementSibling; next; next = next.nextElementSibling) {
                    if (next.querySelector('input, textarea, select, label, button')) break;
                    const text = next.innerText.trim();
                    if (text) texts.push(text);
                }
                return texts.join('\n');
            }
            """);
    }
}
