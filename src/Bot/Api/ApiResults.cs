using EpicEvents.Crm.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EpicEvents.Bot.Api;

/// <summary>
/// A use case's <see cref="Result{T}"/> as HTTP: the value as JSON on success, an RFC 9457 problem
/// otherwise, with the refusal's code, its message and the per-field errors. The one place where
/// outcomes become status codes.
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

    public static IResult Problem(int status, string code, string detail, IReadOnlyList<FieldError>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ProblemCodes.Title(code),
            Detail = detail,
            Type = ProblemCodes.TypeUri(code),
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        }

        return Results.Problem(problem);
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

    public static string Title(string code) => code switch
    {
        Invalid => "Some values are not valid.",
        Forbidden => "Your department may not do this.",
        NotFound => "Not found.",
        Conflict => "The change conflicts with the current state.",
        NotLoggedIn => "Not logged in.",
        TooManyRequests => "Too many attempts.",
        TooLarge => "The request is too large.",
        Unavailable => "The server cannot serve yet.",
        _ => "Something went wrong on the server.",
    };
}
