using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EpicEvents.Cli.Output;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Cli.Remote;

/// <summary>The server refused the session (401): the command ends with exit code 3 and the server's reason.</summary>
internal sealed class SessionRefusedException(string message) : Exception(message);

/// <summary>The server could not be reached, or answered what no CRM server answers: exit code 1, one line.</summary>
internal sealed class ServerFaultException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The CRM server's <c>/api/v1</c> from the command line: JSON in and out with the same names as
/// <c>--json</c>, each problem document turned back into the <see cref="Failure"/> the use case answered
/// on the server, so that output and exit codes are those of the local mode.
/// </summary>
internal sealed class CrmApiClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);
    private readonly HttpClient _http;
    private readonly Uri _server;
    private readonly Texts _texts;

    public CrmApiClient(Uri server, string? token, Texts texts)
    {
        _server = server;
        _texts = texts;
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = new Uri(server, "api/v1/"),
            Timeout = Timeout,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("epicevents", typeof(CrmApiClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"));
        // The server words its refusals and field errors in the language asked for here.
        _http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(texts.IsFrench ? "fr" : "en"));
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Task<Result<T>> GetAsync<T>(string path, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<Result<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public Task<Result<T>> PatchAsync<T>(string path, object body, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Patch, path, body, cancellationToken);

    public Task<Result<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    public Task<Result<T>> DeleteAsync<T>(string path, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>
    /// One request; a refusal the use case answered comes back as its failure, a refused session as
    /// <see cref="SessionRefusedException"/>, anything else as <see cref="ServerFaultException"/>.
    /// </summary>
    public async Task<Result<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(CliJson.Serialize(body), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ServerFaultException(_texts.Phrase("crmApiClient.crmServerAtCannot", CrmServerAddress.Display(_server), exception.Message), exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerFaultException(_texts.Phrase("crmApiClient.crmServerAtDid", CrmServerAddress.Display(_server), Timeout.TotalSeconds), exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Read<T>(text);
            }

            var problem = ApiProblem.Read(text);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => throw new SessionRefusedException(problem?.Detail ?? _texts.Phrase("crmApiClient.serverRefusedSessionLog")),
                _ when problem?.Failure() is { } failure => failure,
                _ => throw new ServerFaultException(problem?.Detail is { } detail
                    ? _texts.Phrase("crmApiClient.serverAnsweredDetail", CrmServerAddress.Display(_server), (int)response.StatusCode, response.ReasonPhrase, detail)
                    : _texts.Phrase("crmApiClient.serverAnswered", CrmServerAddress.Display(_server), (int)response.StatusCode, response.ReasonPhrase)),
            };
        }
    }

    public void Dispose() => _http.Dispose();

    private T Read<T>(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, CliJson.Options)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException exception)
        {
            throw new ServerFaultException(_texts.Phrase("crmApiClient.serverAtAnsweredSomething", CrmServerAddress.Display(_server), exception.Message), exception);
        }
    }
}

/// <summary>An RFC 9457 problem document of the CRM server.</summary>
internal sealed record ApiProblem(string? Code, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static ApiProblem? Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiProblem>(text, CliJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The use case's refusal, when the problem is one; null for anything else. The server worded it
    /// in the language the request asked for (<c>Accept-Language</c>), so it is shown as it came.
    /// </summary>
    public Failure? Failure() =>
        OutcomeCodes.TryParse(Code, out var outcome)
            ? new Failure(outcome, Text.Worded(Detail ?? string.Empty), [.. (Errors ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value.Select(message => new FieldError(e.Key, Text.Worded(message))))])
            : null;
}
