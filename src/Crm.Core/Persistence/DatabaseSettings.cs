using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// Which database the CRM uses. SQLite in a file of the user's data directory unless
/// <c>ConnectionStrings:Crm</c> or <c>DATABASE_URL</c> names another one; a PostgreSQL URL
/// (<c>postgresql://user:pass@host:5432/db</c>) or key-value string (<c>Host=…</c>) selects PostgreSQL.
/// </summary>
public sealed record DatabaseSettings
{
    private DatabaseSettings(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    internal DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>A description safe to print: the provider and where, never the password.</summary>
    public Presentation.Text Describe() => Provider == DatabaseProvider.Sqlite
        ? new Presentation.Text("database.sqliteFile", new SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : DescribePostgres(new NpgsqlConnectionStringBuilder(ConnectionString));

    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "epicevents", "crm.db");

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Crm");
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["DATABASE_URL"];
        }

        return string.IsNullOrWhiteSpace(configured) ? SqliteFile(DefaultSqlitePath) : Parse(configured.Trim());
    }

    public static DatabaseSettings SqliteFile(string path) =>
        Sqlite(new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString);

    public static DatabaseSettings PostgreSql(string connectionString) =>
        new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(connectionString).ConnectionString);

    /// <summary>
    /// The most connections a long-running process (the bot) opens to PostgreSQL per pool, unless its
    /// connection string says otherwise (<c>Maximum Pool Size=</c>).
    /// </summary>
    public const int LongRunningMaxPoolSize = 8;

    /// <summary>
    /// The same database for a long-running process (the bot), on PostgreSQL:
    /// <list type="bullet">
    /// <item>a statement run a few times is prepared on each pooled connection, so PostgreSQL plans it
    /// once instead of at every execution (planning a list's joins costs more than running them);</item>
    /// <item>at most <see cref="LongRunningMaxPoolSize"/> connections per pool rather than Npgsql's 100:
    /// a turn holds a connection for about a millisecond, and 32 turns at once each on a backend of
    /// their own only make the backends fight for the server's cores (the bot's 99th percentile under
    /// load was three to five times higher with them; ADR 17).</item>
    /// </list>
    /// A command-line process runs each statement once on one connection, so it gains nothing from this.
    /// </summary>
    public DatabaseSettings ForLongRunningProcess()
    {
        if (Provider != DatabaseProvider.PostgreSql)
        {
            return this;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 3;
        }

        if (!SetsPoolSize(ConnectionString))
        {
            builder.MaxPoolSize = LongRunningMaxPoolSize;
            builder.MinPoolSize = Math.Min(builder.MinPoolSize, LongRunningMaxPoolSize);
        }

        // The CRM leaves no session state behind (its advisory locks end with their transaction), so
        // a connection going back to the pool needs no reset statement.
        builder.NoResetOnClose = true;
        return new(Provider, builder.ConnectionString);
    }

    /// <summary>Reads a PostgreSQL URL, a PostgreSQL key-value string, a <c>sqlite:</c> path or a SQLite connection string.</summary>
    public static DatabaseSettings Parse(string text)
    {
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return PostgreSql(FromUrl(new Uri(text)));
        }

        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            // sqlite:///var/lib/crm.db is an absolute path, sqlite:crm.db a relative one.
            var path = text["sqlite:".Length..];
            return SqliteFile(path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path);
        }

        var keys = text.ToLowerInvariant();
        return keys.Contains("host=", StringComparison.Ordinal) || keys.Contains("server=", StringComparison.Ordinal)
            ? PostgreSql(text)
            : Sqlite(text);
    }

    internal void Configure(DbContextOptionsBuilder options)
    {
        // The compiled models (Persistence/Compiled, generated by scripts/compile-model.sh) save the
        // half second of model building that every CLI command would otherwise pay at start.
        if (Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(ConnectionString).UseModel(Compiled.Sqlite.CrmDbContextModel.Instance);
        }
        else
        {
            options.UseNpgsql(ConnectionString).UseModel(Compiled.PostgreSql.CrmDbContextModel.Instance);
        }
    }

    private static DatabaseSettings Sqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        if (builder.Mode is not SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } path && path != ":memory:")
        {
            PrepareOwnerOnlyFile(path);
        }

        return new(DatabaseProvider.Sqlite, builder.ConnectionString);
    }

    /// <summary>
    /// The whole CRM is in a SQLite file, passwords' hashes included: a folder that this program
    /// creates is for its owner only (0700), and so is the file (0600), which SQLite would otherwise
    /// create readable by everyone; its journal files take the file's permissions.
    /// </summary>
    private static void PrepareOwnerOnlyFile(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            return;
        }

        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(full))
        {
            try
            {
                using var created = new FileStream(full, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another process created it meanwhile.
            }
        }
    }

    private static string FromUrl(Uri url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<SslMode>(Uri.UnescapeDataString(kv[1]).Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode))
            {
                builder.SslMode = mode;
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether a PostgreSQL connection string names its pool size, under any of Npgsql's spellings.</summary>
    private static bool SetsPoolSize(string connectionString)
    {
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        return keys.Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() is "maximumpoolsize" or "maxpoolsize");
    }

    private static Presentation.Text DescribePostgres(NpgsqlConnectionStringBuilder builder) =>
        new("database.postgres", builder.Database, builder.Host, builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
