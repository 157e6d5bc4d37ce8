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
        settings.Describe().ToString().Should().Be($"SQLite file {DatabaseSettings.DefaultSqlitePath}");
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
        settings.Describe().ToString().Should().NotContain("s@cret").And.Contain("db.internal");
    }

    [Theory]
    [InlineData("Host=db.internal;Database=crm", 8)]
    [InlineData("postgresql://epic@db.internal/crm", 8)]
    [InlineData("Host=db.internal;Database=crm;Maximum Pool Size=50", 50)]
    [InlineData("Host=db.internal;Database=crm;MaxPoolSize=100", 100)]
    public void The_bot_keeps_few_connections_to_postgresql_unless_told_how_many(string configured, int expected)
    {
        var settings = DatabaseSettings.Parse(configured).ForLongRunningProcess();

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        builder.MaxPoolSize.Should().Be(expected);
        builder.MaxAutoPrepare.Should().BeGreaterThan(0, "a long-running process prepares the statements it repeats");
        new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.Parse(configured).ConnectionString).MaxPoolSize
            .Should().Be(configured.Contains("Pool", StringComparison.Ordinal) ? expected : 100, "a command-line process keeps Npgsql's default");
    }

    [Fact]
    public void A_sqlite_database_is_the_same_for_a_long_running_process()
    {
        var settings = DatabaseSettings.SqliteFile(Path.Combine(Path.GetTempPath(), "epicevents-settings-test.db"));

        settings.ForLongRunningProcess().Should().Be(settings);
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
        settings.Describe().ToString().Should().Be($"SQLite file {path}");
    }
}
