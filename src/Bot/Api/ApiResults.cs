using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EpicEvents.Bot.Api;

/// <summary>
/// A use case's <see cref="Result{T}"/> as HTTP: the value as JSON on success, an RFC 9457 problem
/// otherwise, with the refusal's code, its message and the per-field errors in the request's language.
/// The one place where outcomes become status codes.
/// </summary>
internal static class ApiResults
{
    public static IResult From<T>(Result<T> result, int successStatus = StatusCodes.Status200OK) =>
        result.IsOk ? Results.Json(result.Value, statusCode: successStatus) : Problem(result.AsFailure());

    public static IResult From<T>(Result<T> result, Func<T, object> shape) =>
        result.IsOk ? Results.Json(shape(result.Value)) : Problem(result.AsFailure());

    public static IResult Problem(Failure failure)
    {
        var status = failure.Outcome switch
        {
            Outcome.Forbidden => StatusCodes.Status403Forbidden,
            Outcome.NotFound => StatusCodes.Status404NotFound,
            Outcome.Invalid => StatusCodes.Status422UnprocessableEntity,
            Outcome.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        };
        return Problem(status, status == StatusCodes.Status500InternalServerError ? ProblemCodes.Unexpected : failure.Outcome.Code(), failure.Message, failure.Errors);
    }

    /// <summary>
    /// A problem whose detail and field errors are worded, when it is written, in the language the
    /// request asks for (<c>Accept-Language</c>, English by default); the <c>code</c> and the sentences'
    /// keys (<c>textKey</c>, <c>errorKeys</c>) stay the same in every language, for programs to read.
    /// </summary>
    public static IResult Problem(int status, string code, Text detail, IReadOnlyList<FieldError>? errors = null) =>
        new WordedProblem(status, code, detail, errors ?? []);

    private sealed record WordedProblem(int Status, string Code, Text Detail, IReadOnlyList<FieldError> Errors) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var words = ApiLanguage.Of(httpContext.Request);
            var problem = new ProblemDetails
            {
                Status = Status,
                Title = words.Render(ProblemCodes.Title(Code)),
                Detail = words.Render(Detail),
                Type = ProblemCodes.TypeUri(Code),
            };
            problem.Extensions["code"] = Code;
            if (Detail.Key != Text.WordedKey)
            {
                problem.Extensions["textKey"] = Detail.Key;
            }

            if (Errors.Count > 0)
            {
                var byField = Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToList();
                problem.Extensions["errors"] = byField.ToDictionary(g => g.Key, g => g.Select(e => words.Render(e.Message)).ToArray(), StringComparer.Ordinal);
                problem.Extensions["errorKeys"] = byField.ToDictionary(g => g.Key, g => g.Select(e => e.Message.Key).ToArray(), StringComparer.Ordinal);
            }

            httpContext.Response.Headers.ContentLanguage = words.IsFrench ? "fr" : "en";
            return Results.Problem(problem).ExecuteAsync(httpContext);
        }
    }

    /// <summary>Declares, for the OpenAPI document, the value of success and the problems a use case can answer.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder endpoint, int successStatus = StatusCodes.Status200OK) =>
        endpoint.Produces<T>(successStatus)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>The <c>code</c> of every problem the API answers, the same words as the CLI's <c>--json</c> errors.</summary>
public static class ProblemCodes
{
    public const string Invalid = OutcomeCodes.Invalid;
    public const string Forbidden = OutcomeCodes.Forbidden;
    public const string NotFound = OutcomeCodes.NotFound;
    public const string Conflict = OutcomeCodes.Conflict;
    public const string NotLoggedIn = "not_logged_in";
    public const string TooManyRequests = "too_many_requests";
    public const string TooLarge = "too_large";
    public const string Unexpected = "unexpected";
    public const string Unavailable = "unavailable";

    public static string TypeUri(string code) => $"https://epicevents.example/problems/{code.Replace('_', '-')}";

    /// <summary>The problem's title, the same for every occurrence of its code (in the reader's language).</summary>
    public static Text Title(string code) => BotTexts.Sentence(code switch
    {
        Invalid => "api.title.invalid",
        Forbidden => "api.title.forbidden",
        NotFound => "api.title.notFound",
        Conflict => "api.title.conflict",
        NotLoggedIn => "api.title.notLoggedIn",
        TooManyRequests => "api.title.tooManyRequests",
        TooLarge => "api.title.tooLarge",
        Unavailable => "api.title.unavailable",
        _ => "api.title.unexpected",
    });
}
