using System.CommandLine;
using EpicEvents.Cli.Output;
using EpicEvents.Cli.Remote;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Configuration;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Persistence;
using Microsoft.Extensions.Configuration;
using EpicEvents.Crm.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace EpicEvents.Cli;

/// <summary>
/// One command's world: configuration, output, language, time zone, and the Crm.Core services,
/// built only when the command first needs them (so <c>--help</c> never opens a database).
/// </summary>
internal sealed class CliContext : IDisposable
{
    private readonly Lazy<ServiceProvider> _services;
    private readonly Lazy<IServiceScope> _scope;
    private readonly Lazy<TimeZoneInfo> _timeZone;

    public CliContext(CliEnvironment environment, IConfiguration configuration, ParseResult parseResult, GlobalOptions globals, Texts texts)
    {
        Environment = environment;
        ParseResult = parseResult;
        Configuration = configuration;
        Json = parseResult.GetValue(globals.Json);
        Texts = texts;
        var color = !parseResult.GetValue(globals.NoColor) && string.IsNullOrEmpty(Configuration["NO_COLOR"]);
        Terminal = new Terminal(environment, Json, color, Texts);
        ConfigDirectory = Configuration["EPICEVENTS_CONFIG_DIR"] is { Length: > 0 } configured ? configured : AuthOptions.ConfigDirectory;
        SessionFile = new SessionFile(Path.Combine(ConfigDirectory, "session"));
        ServerFile = new ServerFile(Path.Combine(ConfigDirectory, "server"));
        _timeZone = new(() => TimeZoneInfo.FindSystemTimeZoneById(Configuration["Crm:TimeZone"] is { Length: > 0 } zone ? zone : "Europe/Paris"));
        Telemetry = CliTelemetry.Start(Configuration, environment.Error);
        _services = new(BuildServices);
        _scope = new(() => _services.Value.CreateScope());
        _plainReads = new(() => PlainSqliteReads.For(Database, Auth, Telemetry.Loggers));
        _api = new(() => new CrmApiClient(Server ?? throw new InvalidOperationException("The CRM server's API is used in local mode."), Token, Texts));
    }

    private readonly Lazy<CrmApiClient> _api;

    private readonly Lazy<PlainSqliteReads?> _plainReads;

    public CliEnvironment Environment { get; }

    /// <summary>This command's exporter, or an inert one when nothing is configured; the runner disposes it.</summary>
    public CliTelemetry Telemetry { get; }

    public ILogger Logger => field ??= Telemetry.Loggers.CreateLogger("EpicEvents.Cli");

    /// <summary>The command path, e.g. <c>epicevents contract sign</c>.</summary>
    public string Command { get; set; } = "epicevents";

    /// <summary>The collaborator signed in for this command, once <see cref="SignInAsync"/> has found them.</summary>
    public Actor? Actor { get; private set; }

    public ParseResult ParseResult { get; }

    public IConfiguration Configuration { get; }

    public bool Json { get; }

    public Texts Texts { get; }

    public Terminal Terminal { get; }

    public string ConfigDirectory { get; }

    public SessionFile SessionFile { get; }

    public ServerFile ServerFile { get; }

    /// <summary>
    /// The CRM server every command goes to (<c>EPICEVENTS_SERVER</c>, else the one of the last
    /// <c>auth login --server</c>), or null in local mode, where commands open the local database.
    /// </summary>
    public Uri? Server
    {
        get => field ??= Configuration["EPICEVENTS_SERVER"] is { Length: > 0 } configured
        ? CrmServerAddress.TryParse(configured, Texts, out var address, out var error) ? address : throw new ServerFaultException($"EPICEVENTS_SERVER: {error}")
        : ServerFile.Read();
        private set;
    }

    public bool IsRemote => Server is not null;

    /// <summary>A developer's machine: <c>DOTNET_ENVIRONMENT</c> or <c>ASPNETCORE_ENVIRONMENT</c> is Development.</summary>
    public bool IsDevelopment =>
        string.Equals(FirstNonBlank(Configuration["DOTNET_ENVIRONMENT"], Configuration["ASPNETCORE_ENVIRONMENT"]), "Development", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends this command to <paramref name="server"/> (<c>auth login --server</c>).</summary>
    public void UseServer(Uri server) => Server = server;

    /// <summary>The server's API with this machine's session, in remote mode.</summary>
    public CrmApiClient Api => _api.Value;

    /// <summary>
    /// The bearer token: <c>EPICEVENTS_TOKEN</c>, else the session file's CRM session token, else the
    /// Microsoft Entra access token that <see cref="SignInAsync"/> renewed.
    /// </summary>
    public string? Token => Configuration["EPICEVENTS_TOKEN"] is { Length: > 0 } fromEnvironment ? fromEnvironment : SessionFile.Read() ?? _entraToken;

    private string? _entraToken;

    /// <summary>Runs a use case here (local mode) or on the CRM server (remote mode): same result either way.</summary>
    public Task<Result<T>> Crm<T>(Func<Task<Result<T>>> local, Func<CrmApiClient, Task<Result<T>>> remote) =>
        IsRemote ? remote(Api) : local();

    public TimeZoneInfo TimeZone => _timeZone.Value;

    public DatabaseSettings Database => field ??= DatabaseSettings.FromConfiguration(Configuration);

    /// <summary>
    /// A service the container does not hold, made from its services (the demo seeder: registering
    /// it would load its assembly in every command).
    /// </summary>
    public T Create<T>()
        where T : notnull => IsRemote
        ? throw new InvalidOperationException($"{typeof(T).Name} runs on the local database, but this command is in remote mode.")
        : ActivatorUtilities.CreateInstance<T>(_scope.Value.ServiceProvider);

    public T Get<T>()
        where T : notnull => IsRemote
        ? throw new InvalidOperationException($"{typeof(T).Name} runs on the local database, but this command is in remote mode.")
        : _scope.Value.ServiceProvider.GetRequiredService<T>();

    /// <summary>
    /// The session check and the contract list on a plain connection to the local SQLite file, so that
    /// a listing never builds the container nor loads EF Core (ADR 24); null in remote mode and on
    /// PostgreSQL, where they go through <see cref="Get{T}"/>.
    /// </summary>
    private PlainSqliteReads? PlainReads => IsRemote ? null : _plainReads.Value;

    /// <summary>The session check of a local command.</summary>
    private Sessions Sessions => PlainReads?.Sessions ?? Get<Sessions>();

    /// <summary>The contract list of a local command.</summary>
    public ListContracts ContractList => PlainReads?.Contracts ?? Get<ListContracts>();

    public T? Value<T>(Option<T> option) => ParseResult.GetValue(option);

    public T Value<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;

    /// <summary>When the session checked by <see cref="SignInAsync"/> ends.</summary>
    public DateTime SessionExpiresAt { get; private set; }

    /// <summary>One line of standard input (a password given with --password-stdin), without its line break.</summary>
    public string? ReadLine() => Environment.Input.ReadLine()?.TrimEnd('\r');

    /// <summary>Refuses a command line that cannot run as typed (exit code 2).</summary>
    public int Usage(string message)
    {
        Terminal.Error(ExitCodes.Usage, message, []);
        return ExitCodes.Usage;
    }

    /// <summary>The collaborator behind the session, reloaded now; null (after saying why) when there is none.</summary>
    public async Task<Actor?> SignInAsync(CancellationToken cancellationToken)
    {
        if (IsRemote && Token is null && SessionFile.ReadEntra() is { } entra && !await RenewEntraAsync(entra, cancellationToken))
        {
            return null;
        }

        var token = Token;
        if (token is null)
        {
            Terminal.Error(ExitCodes.NotLoggedIn, Texts.NotLoggedIn, []);
            return null;
        }

        if (IsRemote)
        {
            return SignInRemotely(token);
        }

        var session = await Sessions.ResolveAsync(token, ChangeSource.Cli, cancellationToken);
        if (session.State != SessionState.Active)
        {
            Terminal.Error(ExitCodes.NotLoggedIn, session.Message!, [], Texts.LogInAgain);
            return null;
        }

        SessionExpiresAt = session.ExpiresAt;
        Actor = session.Actor;
        CrmTelemetry.SignedIn(session.Actor!.Id);
        return session.Actor;
    }

    /// <summary>The Microsoft Entra access token of this command, from MSAL's cache; false (after saying why) when the sign-in is over.</summary>
    private async Task<bool> RenewEntraAsync(EntraSession entra, CancellationToken cancellationToken)
    {
        var login = await EntraLogin.OpenAsync(entra.Authority, entra.ClientId, entra.Scopes, ConfigDirectory, entra.InKeyring);
        try
        {
            _entraToken = (await login.RenewAsync(entra.Account, cancellationToken))?.AccessToken;
        }
        catch (MsalException exception)
        {
            throw new ServerFaultException(Texts.Phrase("cliContext.microsoftSignCouldNot", exception.Message), exception);
        }

        if (_entraToken is null)
        {
            Terminal.Error(ExitCodes.NotLoggedIn, Texts.Phrase("cliContext.yourMicrosoftSignHas"), []);
            return false;
        }

        return true;
    }

    /// <summary>
    /// In remote mode the server checks the session at every request, so the command goes straight to
    /// its call: the collaborator id and the end of the session are read from the token, unverified,
    /// for the command's own telemetry only (<c>auth whoami</c> asks the server).
    /// </summary>
    private Actor? SignInRemotely(string token)
    {
        var claims = SessionClaims.Read(token);
        SessionExpiresAt = claims.ExpiresAt;
        Actor = new Actor(claims.CollaboratorId, string.Empty, Department.Unknown, IsActive: true, MustChangePassword: false, ChangeSource.Api);
        CrmTelemetry.SignedIn(claims.CollaboratorId);
        return Actor;
    }

    /// <summary>Writes a use case's answer: the value on success, the refusal and its exit code otherwise.</summary>
    public int Complete<T>(Result<T> result, Action<T> human, Func<T, object>? json = null, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        if (!result.IsOk)
        {
            return Fail(result.AsFailure(), fieldNames);
        }

        if (Json)
        {
            Terminal.WriteJson(json is null ? result.Value! : json(result.Value));
        }
        else
        {
            human(result.Value);
        }

        return ExitCodes.Ok;
    }

    public int Fail(Failure failure, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        var exitCode = failure.Outcome switch
        {
            Outcome.Forbidden => ExitCodes.Forbidden,
            Outcome.NotFound => ExitCodes.NotFound,
            Outcome.Invalid => ExitCodes.Invalid,
            Outcome.Conflict => ExitCodes.Conflict,
            _ => ExitCodes.Unexpected,
        };
        if (failure.Outcome == Outcome.Forbidden && Actor is { } actor)
        {
            CrmLog.PermissionRefused(Logger, actor.Id, actor.Department, Command);
        }

        var fields = failure.Errors
            .Select(e => new FieldError(OptionNames.For(e.Field, fieldNames), e.Message))
            .ToList();
        Terminal.Error(exitCode, failure.Message, fields);
        return exitCode;
    }

    /// <summary>Refuses one malformed option value (exit code 6) before any use case runs.</summary>
    public int Invalid(string option, string message) => Fail(Failure.Invalid(option, Text.Worded(message)), OptionNames.Verbatim);

    public void Dispose()
    {
        if (_scope.IsValueCreated)
        {
            _scope.Value.Dispose();
        }

        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }

        if (_plainReads.IsValueCreated)
        {
            _plainReads.Value?.Dispose();
        }

        if (_api.IsValueCreated)
        {
            _api.Value.Dispose();
        }

        Telemetry.Dispose();
    }

    /// <summary>The program's configuration: the CRM's sources, then the environment's overrides.</summary>
    public static IConfiguration ConfigurationOf(CliEnvironment environment) => new ConfigurationBuilder()
        .AddCrmSources(environment.AppSettingsDirectory, environment.WorkingDirectory)
        .AddInMemoryCollection(environment.Overrides)
        .Build();

    /// <summary>
    /// The language of the messages when <c>--lang</c> is not given: <c>EPICEVENTS_LANG</c>, then
    /// <c>LANG</c>, as the configuration would say (overrides, then the environment, then <c>.env</c>)
    /// but read without building it: <c>--help</c> and usage errors need no configuration file read.
    /// Null when none of them says; the configuration files are then asked.
    /// </summary>
    public static string? LanguageOfEnvironment(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dotEnv = new Lazy<IReadOnlyDictionary<string, string?>>(() => EpicEvents.Crm.Configuration.CrmConfiguration.DotEnv(environment.WorkingDirectory));
        string? Value(string key) =>
            environment.Overrides.TryGetValue(key, out var value) ? value
            : FirstNonBlank(System.Environment.GetEnvironmentVariable(key), dotEnv.Value.GetValueOrDefault(key));
        return FirstNonBlank(Value("EPICEVENTS_LANG"), Value("LANG"));
    }

    /// <summary>The language of the messages when <c>--lang</c> is not given: <c>EPICEVENTS_LANG</c>, then <c>LANG</c>.</summary>
    public static string? ConfiguredLanguage(IConfiguration configuration) =>
        FirstNonBlank(configuration["EPICEVENTS_LANG"], configuration["LANG"]);

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>
    /// The signing key and token settings; on the embedded SQLite file, a single-user installation, the
    /// key lives with the user. The one token a run checks is checked without loading OpenSSL (ADR 24).
    /// </summary>
    private AuthOptions Auth => field ??= (Database.IsPostgreSql
        ? AuthOptions.FromConfiguration(Configuration)
        : AuthOptions.FromConfiguration(Configuration).WithLocalKeyIfMissing(Path.Combine(ConfigDirectory, "signing-key"))) with { CheckSignaturesInProcess = true };

    private ServiceProvider BuildServices()
    {
        var auth = Auth;
        var services = new ServiceCollection();
        services.AddSingleton(Telemetry.Loggers);
        services.AddSingleton(_ => EpicEvents.Crm.Digests.DigestSchedule.FromConfiguration(Configuration));
        services.AddCrmCore(Database, auth);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
