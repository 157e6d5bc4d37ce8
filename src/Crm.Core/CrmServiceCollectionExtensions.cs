using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Setup;
using EpicEvents.Crm.Teams;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EpicEvents.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>Registers the database, every use case, the authentication core and the Teams bot's stores, from configuration.</summary>
    public static IServiceCollection AddCrmCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => Digests.DigestSchedule.FromConfiguration(configuration));
        return services.AddCrmCore(DatabaseSettings.FromConfiguration(configuration), AuthOptions.FromConfiguration(configuration));
    }

    public static IServiceCollection AddCrmCore(this IServiceCollection services, DatabaseSettings database, AuthOptions auth)
    {
        services.AddSingleton(database);
        services.AddSingleton(auth);
        services.TryAddSingleton<TimeProvider>(DatabaseClock.Instance);
        // A front end that configured logging (the bot's host, the CLI's exporter) keeps its own.
        services.AddLogging();
        services.AddSingleton<BusinessEventLog>();
        services.AddSingleton<NotificationsSaved>();
        // Pooled: a bot turn or a use case takes a context that is already set up instead of
        // building one (its options and EF Core's internal services) for every scope.
        services.AddDbContextPool<CrmDbContext>((provider, options) =>
        {
            database.Configure(options);
            options.AddInterceptors(provider.GetRequiredService<BusinessEventLog>(), provider.GetRequiredService<NotificationsSaved>(), DatabaseCommandSpans.Instance);
        });
        services.AddScoped<ActorLoader>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<SessionTokens>();
        services.AddScoped<DatabaseSetup>();
        services.AddScoped<Sessions>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<TeamsConversations>();
        services.AddScoped<DialogStore>();
        services.AddScoped<ActivityLedger>();
        services.AddSingleton<TeamsActivityIntake>();
        services.AddScoped<OutboxDelivery>();
        services.TryAddSingleton(_ => Digests.DigestSchedule.Default);
        services.AddScoped<Digests.DigestDispatch>();

        foreach (var type in typeof(IUseCase).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }

        return services;
    }
}
