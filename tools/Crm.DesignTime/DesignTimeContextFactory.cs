using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EpicEvents.Crm.DesignTime;

/// <summary>
/// The context with the model built from the entity configurations (not the compiled one), for the
/// provider named by <c>EPICEVENTS_MODEL_PROVIDER</c> (Sqlite or PostgreSql). No connection is opened.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>();
        if (Environment.GetEnvironmentVariable("EPICEVENTS_MODEL_PROVIDER") == "PostgreSql")
        {
            options.UseNpgsql("Host=127.0.0.1;Database=model;Username=model");
        }
        else
        {
            options.UseSqlite("Data Source=:memory:");
        }

        return new CrmDbContext(options.Options);
    }
}
