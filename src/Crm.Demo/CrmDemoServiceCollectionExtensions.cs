using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Crm.Demo;

public static class CrmDemoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the demo-company seeder, for the programs that make demo data (the CLI's
    /// <c>db seed --demo</c>, the tests, the benchmarks). Needs <c>AddCrmCore</c>'s registrations.
    /// </summary>
    public static IServiceCollection AddCrmDemo(this IServiceCollection services) => services.AddScoped<DemoDataSeeder>();
}
