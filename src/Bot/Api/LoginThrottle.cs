using System.Globalization;
using System.Threading.RateLimiting;
using EpicEvents.Crm.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Api;

/// <summary>
/// Slows password guessing at the door, before any hash is computed: per client address through
/// ASP.NET Core's rate limiter (policy <see cref="Policy"/>), and per account inside the endpoint,
/// where the email is known. The account lockout of Crm.Core still applies behind it; the per-address
/// limit keeps one noisy address from locking other people's accounts.
/// </summary>
internal sealed class LoginThrottle : IDisposable
{
    public const string Policy = "login";
    public const string RetryAfterSeconds = "60";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _accounts;

    public LoginThrottle(LoginLimits limits)
    {
        _accounts = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetSlidingWindowLimiter(account, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limits.PerAccountPerMinute,
            Window = Window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
    }

    public RateLimitLease TryAccount(string? email) => _accounts.AttemptAcquire(FieldRules.NormalizeEmail(email));

    public void Dispose() => _accounts.Dispose();

    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        var limits = LoginLimits.FromConfiguration(configuration);
        services.AddSingleton(limits);
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, http => RateLimitPartition.GetSlidingWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = limits.PerAddressPerMinute, Window = Window, SegmentsPerWindow = 6, QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
                await ApiResults.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyRequests, BotTexts.Sentence("api.tooManyLogins"))
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }
}

/// <summary>Login attempts a minute: <c>Api:Login:PerAddressPerMinute</c> and <c>Api:Login:PerAccountPerMinute</c>.</summary>
internal sealed record LoginLimits(int PerAddressPerMinute, int PerAccountPerMinute)
{
    public static LoginLimits FromConfiguration(IConfiguration configuration) => new(
        Read(configuration, "Api:Login:PerAddressPerMinute", 30),
        Read(configuration, "Api:Login:PerAccountPerMinute", 3));

    private static int Read(IConfiguration configuration, string key, int fallback) =>
        configuration[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100_000
                ? value
                : throw new InvalidOperationException($"{key} must be a whole number from 1 to 100000.")
            : fallback;
}
