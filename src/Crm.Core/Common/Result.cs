using EpicEvents.Crm.Presentation;


namespace EpicEvents.Crm.Common;

/// <summary>What a use case answers: success with a value, or one of the expected refusals.</summary>
public enum Outcome
{
    Ok,
    Forbidden,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>
/// The word for each refusal in machine-readable answers — the CLI's <c>--json</c> errors and the CRM
/// server's problem documents — written once so that both ends of the API read the same words.
/// </summary>
public static class OutcomeCodes
{
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Invalid = "invalid";
    public const string Conflict = "conflict";

    public static string Code(this Outcome outcome) => outcome switch
    {
        Outcome.Forbidden => Forbidden,
        Outcome.NotFound => NotFound,
        Outcome.Invalid => Invalid,
        Outcome.Conflict => Conflict,
        _ => "ok",
    };

    /// <summary>The refusal a code names; false for anything else (not logged in, too many requests…).</summary>
    public static bool TryParse(string? code, out Outcome outcome)
    {
        outcome = code switch
        {
            Forbidden => Outcome.Forbidden,
            NotFound => Outcome.NotFound,
            Invalid => Outcome.Invalid,
            Conflict => Outcome.Conflict,
            _ => Outcome.Ok,
        };
        return outcome != Outcome.Ok;
    }
}

/// <summary>One field's validation error, keyed by the request's field name; each front end words its message.</summary>
public sealed record FieldError(string Field, Text Message);

/// <summary>
/// The answer of every use case. Expected refusals are values, not exceptions; exceptions are kept
/// for bugs and infrastructure faults.
/// </summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(Outcome outcome, T? value, Text? message, IReadOnlyList<FieldError> errors)
    {
        Outcome = outcome;
        _value = value;
        Message = message;
        Errors = errors;
    }

    public Outcome Outcome { get; }

    /// <summary>What went wrong, as a key and its arguments: each front end words it in its reader's language.</summary>
    public Text? Message { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsOk => Outcome == Outcome.Ok;

    public T Value => Outcome == Outcome.Ok
        ? _value!
        : throw new InvalidOperationException($"The result is {Outcome}: {Message}");

    public static Result<T> Ok(T value) => new(Outcome.Ok, value, null, []);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Failure failure) =>
        new(failure.Outcome, default, failure.Message, failure.Errors);

    /// <summary>Carries a refusal into a result of another type.</summary>
    public Failure AsFailure() => IsOk
        ? throw new InvalidOperationException("An Ok result is not a failure.")
        : new Failure(Outcome, Message ?? new Text("failure.invalid"), Errors);

    public override string ToString() => IsOk ? $"Ok({_value})" : $"{Outcome}: {Message}";
}

/// <summary>A refusal that converts to any <see cref="Result{T}"/>.</summary>
public sealed record Failure(Outcome Outcome, Text Message, IReadOnlyList<FieldError> Errors)
{
    public static Failure Forbidden(Text message) => new(Outcome.Forbidden, message, []);

    /// <summary>A record that does not exist: <paramref name="message"/> is its kind's <c>*.notFound</c> sentence.</summary>
    public static Failure NotFound(Text message) => new(Outcome.NotFound, message, []);

    public static Failure Conflict(Text message) => new(Outcome.Conflict, message, []);

    public static Failure Invalid(IReadOnlyList<FieldError> errors) =>
        new(Outcome.Invalid, new Text("failure.invalid"), errors);

    public static Failure Invalid(string field, Text message) => Invalid([new FieldError(field, message)]);
}

/// <summary>The value of a use case that only changes something.</summary>
public readonly record struct Done;
