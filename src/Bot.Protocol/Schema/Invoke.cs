using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpicEvents.Bot.Protocol.Schema;

/// <summary>The invoke names this library dispatches.</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string MessagingExtensionQuery = "composeExtension/query";
    public const string TaskFetch = "task/fetch";
    public const string TaskSubmit = "task/submit";

    /// <summary>An <c>Input.ChoiceSet</c> with <c>choices.data</c> (<c>Data.Query</c>) asks for the choices matching what the person typed.</summary>
    public const string Search = "application/search";
}

/// <summary>The answer to an invoke activity: the HTTP status and the JSON body of the response.</summary>
public sealed record InvokeResponse(int Status, object? Body = null)
{
    public static InvokeResponse Ok(object? body) => new(200, body);

    public static InvokeResponse NotImplemented() => new(501);

    public static InvokeResponse BadRequest(object? body = null) => new(400, body);
}

/// <summary>Thrown by an invoke handler to answer with a given status instead of a result.</summary>
public sealed class InvokeResponseException(int status, object? body = null, string? message = null)
    : Exception(message ?? $"The invoke is answered with status {status}.")
{
    public int Status { get; } = status;

    public object? Body { get; } = body;

    public InvokeResponse ToInvokeResponse() => new(Status, Body);
}

/// <summary>The <c>value</c> of an <c>application/search</c> invoke (typeahead of an Adaptive Card choice set).</summary>
public sealed record SearchInvokeValue
{
    /// <summary>The <c>dataset</c> of the card's <c>Data.Query</c>.</summary>
    public string? Dataset { get; init; }

    /// <summary>What the person has typed so far.</summary>
    public string? QueryText { get; init; }

    public SearchQueryOptions? QueryOptions { get; init; }
}

/// <summary>Which page of choices is asked for.</summary>
public sealed record SearchQueryOptions
{
    public int Skip { get; init; }

    public int Top { get; init; }
}

/// <summary>The body answering an <c>application/search</c> invoke: the choices, each its display text and submitted value.</summary>
public sealed record SearchInvokeResponse(int StatusCode, string Type, SearchResults Value)
{
    public const string SearchResponseType = "application/vnd.microsoft.search.searchResponse";

    public static SearchInvokeResponse Of(IEnumerable<SearchResult> results) => new(200, SearchResponseType, new SearchResults([.. results]));
}

public sealed record SearchResults(IReadOnlyList<SearchResult> Results);

public sealed record SearchResult(string Title, string Value);

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke (Universal Actions).</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; init; }

    /// <summary><c>manual</c> for a click, <c>automatic</c> for a refresh.</summary>
    public string? Trigger { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

/// <summary>The <c>Action.Execute</c> that was triggered: its verb and its data merged with the card's inputs.</summary>
public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Verb { get; init; }

    public JsonElement? Data { get; init; }
}

/// <summary>The body answering an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object? Value)
{
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>Replaces the card, for the user who clicked, with <paramref name="card"/>.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new(200, AdaptiveCards.ContentType, card);

    /// <summary>Shows <paramref name="text"/> to the user who clicked; the card stays as it is.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, text);

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new ConnectorError(code, message));
}

/// <summary>The <c>value</c> of a <c>composeExtension/query</c> invoke.</summary>
public sealed record MessagingExtensionQuery
{
    public string? CommandId { get; init; }

    public IReadOnlyList<MessagingExtensionParameter>? Parameters { get; init; }

    public MessagingExtensionQueryOptions? QueryOptions { get; init; }

    public string? State { get; init; }

    /// <summary>The value of the named parameter as text, or null when absent or not text.</summary>
    public string? GetParameter(string name) =>
        Parameters?.FirstOrDefault(parameter => parameter.Name == name)?.Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;

    /// <summary>True when Teams asks for the initial results, as the extension opens.</summary>
    public bool IsInitialRun() =>
        Parameters?.Any(parameter => parameter.Name == "initialRun") == true;
}

public sealed record MessagingExtensionParameter(string? Name, JsonElement? Value);

public sealed record MessagingExtensionQueryOptions(int? Skip, int? Count);

/// <summary>The body answering a <c>composeExtension/query</c> invoke.</summary>
public sealed record MessagingExtensionResponse(MessagingExtensionResult ComposeExtension)
{
    /// <summary>A list of results, each an attachment with its preview.</summary>
    public static MessagingExtensionResponse Results(IReadOnlyList<MessagingExtensionAttachment> attachments) =>
        new(new MessagingExtensionResult("result", "list", attachments, null));

    /// <summary>A plain message in place of results.</summary>
    public static MessagingExtensionResponse Message(string text) =>
        new(new MessagingExtensionResult("message", null, null, text));
}

public sealed record MessagingExtensionResult(
    string Type,
    string? AttachmentLayout,
    IReadOnlyList<MessagingExtensionAttachment>? Attachments,
    string? Text);

/// <summary>A result of a message extension: the card shared when picked, and its preview in the list.</summary>
public sealed class MessagingExtensionAttachment : Attachment
{
    public Attachment? Preview { get; set; }
}

/// <summary>The <c>value</c> of a <c>task/fetch</c> or <c>task/submit</c> invoke.</summary>
public sealed record TaskModuleRequest
{
    public JsonElement? Data { get; init; }

    public JsonElement? Context { get; init; }
}

/// <summary>The body answering a <c>task/fetch</c> or <c>task/submit</c> invoke.</summary>
public sealed record TaskModuleResponse(TaskModuleResponseBody Task)
{
    /// <summary>Opens (or keeps open) a dialog showing <paramref name="card"/>.</summary>
    public static TaskModuleResponse Continue(string title, JsonElement card, object? height = null, object? width = null) =>
        new(new TaskModuleResponseBody("continue", new TaskModuleTaskInfo(title, AdaptiveCards.ToAttachment(card), height, width)));

    /// <summary>Closes the dialog showing <paramref name="text"/>.</summary>
    public static TaskModuleResponse Message(string text) => new(new TaskModuleResponseBody("message", text));
}

public sealed record TaskModuleResponseBody(string Type, object? Value);

/// <summary>A dialog's content: its title, card and size (<c>small</c>/<c>medium</c>/<c>large</c> or pixels).</summary>
public sealed record TaskModuleTaskInfo(string? Title, Attachment? Card, object? Height, object? Width);
