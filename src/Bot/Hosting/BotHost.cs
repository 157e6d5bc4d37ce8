using EpicEvents.Bot.Conversations;
using EpicEvents.Bot.Api;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Bot.Protocol;
using EpicEvents.Bot.Protocol.Schema;
using EpicEvents.Crm;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Configuration;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EpicEvents.Bot.Hosting;

/// <summary>
/// The ASP.NET Core host: <c>POST /api/messages</c> through the protocol layer, <c>GET /healthz</c>,
/// configuration from the shared <c>appsettings.json</c> (ecosystem keys <c>MicrosoftAppId</c>…),
/// <c>.env</c> and the environment.
/// </summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // The shared appsettings.json and .env, under the command line (which stays the strongest).
        builder.Configuration
            .AddCrmSources(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            .AddCommandLine(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        configure?.Invoke(builder);

        var configuration = builder.Configuration;
        var environment = builder.Environment;
        var appId = configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(appId) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "MicrosoftAppId is not configured. Outside Development the bot only accepts requests signed by the Bot Framework for its app id: "
                + "set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (see README), or run with ASPNETCORE_ENVIRONMENT=Development for local mode.");
        }

        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:3978");
        }

        var services = builder.Services;
        var database = DatabaseSettings.FromConfiguration(configuration).ForLongRunningProcess();
        // The server signs the sessions of its API with a key only it has, the same on every instance.
        var auth = AuthOptions.FromConfiguration(configuration);
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Auth:SigningKey is not configured. The CRM server signs the sessions of its API with it: set Auth:SigningKey or EPICEVENTS_SIGNING_KEY "
                    + "(at least 32 random bytes, e.g. `openssl rand -base64 48`), the same on every instance of the server.");
            }

            // Development: sessions last as long as the process.
            auth = auth with { SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)) };
        }

        var reportTelemetry = builder.AddBotTelemetry();
        services.AddSingleton(Crm.Digests.DigestSchedule.FromConfiguration(configuration));
        services.AddCrmCore(database, auth);
        services.AddBotProtocol(options =>
        {
            options.MicrosoftAppId = appId;
            options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"];
            options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"];
            options.MicrosoftAppType = configuration["MicrosoftAppType"] is { Length: > 0 } type ? type : BotProtocolOptions.AppTypes.SingleTenant;
            // Development serves the emulators whatever channel they name; a deployed bot serves Teams only.
            options.AllowedChannels = environment.IsDevelopment() ? null : [Channels.MsTeams];
            configuration.GetSection("Bot:Credential").Bind(options.Credential);
            if (configuration["Bot:AuthorityInstance"] is { Length: > 0 } instance)
            {
                options.AuthorityInstance = instance;
            }

            options.EnforceSendRateLimits = !bool.TryParse(configuration["Bot:EnforceSendRateLimits"], out var enforce) || enforce;
            if (configuration["Bot:OpenIdMetadataUrl"] is { Length: > 0 } metadata)
            {
                options.OpenIdMetadataUrl = metadata;
            }

            // Another cloud (or a test) names its issuers: Bot:TrustedIssuers:N:Issuer and :Metadata.
            var issuers = configuration.GetSection("Bot:TrustedIssuers").GetChildren()
                .Select(entry => new Protocol.Authentication.TrustedIssuer(entry["Issuer"] ?? string.Empty, entry["Metadata"] ?? string.Empty))
                .ToList();
            if (issuers.Count > 0)
            {
                options.TrustedIssuers = issuers.Any(i => i.Issuer.Length == 0 || !Uri.TryCreate(i.MetadataUrl, UriKind.Absolute, out _))
                    ? throw new InvalidOperationException("Each Bot:TrustedIssuers entry needs an Issuer and an absolute Metadata URL.")
                    : issuers;
            }
        });
        services.AddSingleton<IActivityDeduplicator, DatabaseActivityDeduplicator>();
        services.AddSingleton(TeamsSettings.FromConfiguration(configuration));
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById(configuration["Crm:TimeZone"] is { Length: > 0 } zone ? zone : "Europe/Paris"));
        services.AddSingleton<Readiness>();
        services.AddScoped<TeamsCaller>();
        services.AddScoped<TurnSummary>();
        services.AddScoped<DialogRunner>();
        services.AddScoped<FormDialog, NewClientDialog>();
        services.AddScoped<FormDialog, UpdateClientDialog>();
        services.AddScoped<FormDialog, NewContractDialog>();
        services.AddScoped<FormDialog, UpdateContractDialog>();
        services.AddScoped<FormDialog, NewEventDialog>();
        services.AddScoped<FormDialog, UpdateEventDialog>();
        // The chat commands' table is read now, so that a phrase of the resource files that cannot be read stops the bot at start (ADR 29).
        services.AddSingleton(Commands.Chat.CommandTable.Default);
        services.AddScoped<CrmBot>();
        services.AddScoped<Notifications.NotificationRenderer>();
        services.AddScoped<Notifications.NotificationActions>();
        services.AddSingleton(Notifications.OutboxSenderOptions.FromConfiguration(configuration));
        services.AddSingleton<Notifications.OutboxSignal>();
        services.AddScoped<Notifications.NotificationDelivery>();
        services.AddSingleton<Notifications.OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<Notifications.OutboxSender>());
        services.AddSingleton(Notifications.DigestSenderOptions.FromConfiguration(configuration));
        services.AddSingleton<Notifications.DigestSender>();
        services.AddHostedService(provider => provider.GetRequiredService<Notifications.DigestSender>());
        services.AddHostedService<HousekeepingService>();
        services.AddCrmApi(configuration);

        var app = builder.Build();
        reportTelemetry(app);
        app.UseCrmApi();
        app.MapBotEndpoints();
        return app;
    }
}
