using EpicEvents.Bot.Protocol.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Bot.Protocol.Tests.Infrastructure;

/// <summary>The library wired as a host wires it, with the test's clock, token provider and log capture.</summary>
public static class ProtocolServices
{
    public static ServiceProvider Build(
        Action<BotProtocolOptions> configure,
        TimeProvider? timeProvider = null,
        IConnectorTokenProvider? tokens = null,
        CapturedLogs? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        if (tokens is not null)
        {
            services.AddSingleton(tokens);
        }

        services.AddBotProtocol(options =>
        {
            // Tests never wait for real back-off.
            options.ConnectorBaseDelay = TimeSpan.FromSeconds(1);
            configure(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

/// <summary>A fixed outbound token, standing in for MSAL.</summary>
public sealed class FixedConnectorTokenProvider(string token) : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
}
