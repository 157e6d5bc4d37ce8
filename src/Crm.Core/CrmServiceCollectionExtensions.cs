using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Setup;
using EpicEvents.Crm.Signatures;
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
        // The queries written as SQL (session check, contract list) run on the scope's context.
        services.AddScoped<SqlSource>(provider => new ContextSqlSource(provider.GetRequiredService<CrmDbContext>()));
        services.AddScoped<ActorLoader>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<SessionTokens>();
        services.AddScoped<DatabaseSetup>();
        services.AddScoped<Sessions>();
        services.AddScoped<TeamsConversations>();
        services.AddScoped<DialogStore>();
        services.AddScoped<ActivityLedger>();
        services.AddSingleton<TeamsActivityIntake>();
        services.AddScoped<OutboxDelivery>();
        services.TryAddSingleton(_ => Digests.DigestSchedule.Default);
        services.AddScoped<Digests.DigestDispatch>();

        foreach (var type in UseCases)
        {
            services.AddScoped(type);
        }

        return services;
    }

    /// <summary>
    /// Every use case (<see cref="IUseCase"/>), listed rather than found by scanning the assembly: the
    /// scan loaded every type of Crm.Core (and OpenTelemetry's exporter, which some derive from) in
    /// every command-line process. <c>UseCaseRegistrationTests</c> fails while a use case is missing here.
    /// </summary>
    internal static readonly Type[] UseCases =
    [
        typeof(AcknowledgeSupport),
        typeof(AssignSupport),
        typeof(CancelContract),
        typeof(ChangeOwnPassword),
        typeof(ChangeSettings),
        typeof(ChooseLanguage),
        typeof(CreateClient),
        typeof(CreateCollaborator),
        typeof(CreateContract),
        typeof(CreateEvent),
        typeof(CreateRole),
        typeof(DeactivateCollaborator),
        typeof(DecideContractSignature),
        typeof(DecideSignatureRequest),
        typeof(DeleteClient),
        typeof(DeleteEvent),
        typeof(DeleteRole),
        typeof(GetClient),
        typeof(GetCollaborator),
        typeof(GetContract),
        typeof(GetEvent),
        typeof(GetSignatureRequest),
        typeof(IdentifyTeamsMember),
        typeof(LinkTeamsIdentity),
        typeof(ListAuditEntries),
        typeof(ListClients),
        typeof(ListCollaborators),
        typeof(ListContracts),
        typeof(ListEvents),
        typeof(ListNotifications),
        typeof(ListRoles),
        typeof(ListSignatureRequests),
        typeof(Login),
        typeof(LogoutEverywhere),
        typeof(PreviewDigest),
        typeof(ReactivateCollaborator),
        typeof(ReassignClient),
        typeof(RecordPayment),
        typeof(RenameRole),
        typeof(RequestSignature),
        typeof(ResetPassword),
        typeof(RetryNotifications),
        typeof(ShowSettings),
        typeof(SignContract),
        typeof(UnassignSupport),
        typeof(UnlinkTeamsIdentity),
        typeof(UpdateClient),
        typeof(UpdateCollaborator),
        typeof(UpdateContract),
        typeof(UpdateEvent),
    ];
}
