using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Tests.Common;

/// <summary>
/// The use cases are registered from a list (<see cref="CrmServiceCollectionExtensions.UseCases"/>),
/// not found by scanning at start: a new use case must be added to it.
/// </summary>
public sealed class UseCaseRegistrationTests
{
    [Fact]
    public void Every_use_case_of_the_assembly_is_listed_once()
    {
        var declared = typeof(IUseCase).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t));

        CrmServiceCollectionExtensions.UseCases.Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(declared);
    }

    [Fact]
    public void Every_listed_use_case_is_registered_as_scoped()
    {
        var services = new ServiceCollection();
        services.AddCrmCore(DatabaseSettings.SqliteFile(":memory:"), new AuthOptions());

        foreach (var useCase in CrmServiceCollectionExtensions.UseCases)
        {
            services.Should().ContainSingle(d => d.ServiceType == useCase && d.Lifetime == ServiceLifetime.Scoped, useCase.Name);
        }
    }
}
