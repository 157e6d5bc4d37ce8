using System.Globalization;
using System.Text;
using EpicEvents.Crm.Common;

namespace EpicEvents.Cli.Remote;

/// <summary>A path with its query string: only the parameters that were given, escaped.</summary>
internal sealed class ApiQuery(string path)
{
    private readonly StringBuilder _query = new();

    public static ApiQuery For(string path, PageRequest page) => new ApiQuery(path).With("limit", page.Limit).With("after", page.After);

    public ApiQuery With(string name, string? value)
    {
        if (value is not null)
        {
            _query.Append(_query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public ApiQuery With(string name, bool value) => value ? With(name, "true") : this;

    public ApiQuery With(string name, int? value) => With(name, value?.ToString(CultureInfo.InvariantCulture));

    public ApiQuery With(string name, DateTime? value) => With(name, value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    public ApiQuery With<TEnum>(string name, TEnum? value)
        where TEnum : struct, Enum => With(name, value?.ToString());

    public override string ToString() => path + _query;
}

/// <summary>Reshapes a server's answer into the value the local use case answers.</summary>
internal static class ApiResultExtensions
{
    public static async Task<Result<TOut>> Then<TIn, TOut>(this Task<Result<TIn>> answer, Func<TIn, TOut> map)
    {
        var result = await answer;
        return result.IsOk ? map(result.Value) : result.AsFailure();
    }
}

/// <summary>How many notifications were queued again (<c>POST /api/v1/notifications/retry</c>).</summary>
internal sealed record QueuedDocument(int Queued);
