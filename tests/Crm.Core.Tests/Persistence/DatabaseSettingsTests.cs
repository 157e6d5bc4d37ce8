using EpicEvents.Crm.Persistence;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void With_no_configuration_the_database_is_a_sqlite_file_in_the_users_data_directory()
    {
        var settings = DatabaseSettings.FromConfiguration(new ConfigurationBuilder().Build());

        settings.IsPostgreSql.Should().BeFalse();
        settings.Describe().Should().Be($"SQLite file {DatabaseSettings.DefaultSqlitePath}");
    }

    [Fact]
    public void A_database_url_in_the_original_products_form_selects_postgresql()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = "postgresql://epic:s%40cret@db.internal:6543/epicevents?sslmode=require" })
            .Build();

        var settings = DatabaseSettings.FromConfiguration(configuration);

        settings.IsPostgreSql.Should().BeTrue();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        builder.Host.Should().Be("db.internal");
        builder.Port.Should().Be(6543);
        builder.Database.Should().Be("epicevents");
        builder.Username.Should().Be("epic");
        builder.Password.Should().Be("s@cret");
        builder.SslMode.Should().Be(Npgsql.SslMode.Require);
        settings.Describe().Should().NotContain("s@cret").And.Contain("db.internal");
    }

    [Fact]
    public void The_connection_string_setting_wins_over_database_url()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Crm"] = "Host=localhost;Database=crm;Username=u",
                ["DATABASE_URL"] = "postgresql://other@elsewhere/db",
            })
            .Build();

        new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.FromConfiguration(configuration).ConnectionString).Host.Should().Be("localhost");
    }

    [Fact]
    public void A_sqlite_url_names_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"epic-{Guid.NewGuid():N}", "crm.db");

        var settings = DatabaseSettings.Parse("sqlite://" + path);

        settings.IsPostgreSql.Should().BeFalse();
        settings.Describe().Should().Be($"SQLite file {path}");
    }
}
