namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>A test with its own copy of the logged-in company.</summary>
public abstract class CliTest : IAsyncLifetime
{
    private CliWorld? _world;

    protected CliWorld World => _world ?? throw new InvalidOperationException("The world is created before each test.");

    protected CliUser Manager => World.Manager;

    protected CliUser Sales => World.Sales;

    protected CliUser Sales2 => World.Sales2;

    protected CliUser Support => World.Support;

    protected CliUser Support2 => World.Support2;

    /// <summary>How this class's commands reach the CRM; every test class runs in each mode.</summary>
    protected virtual CliMode Mode => CliMode.Local;

    public async Task InitializeAsync() => _world = await CliWorld.CreateAsync(Mode);

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    /// <summary>A client of <paramref name="owner"/> (a Sales user), created through the CLI.</summary>
    protected async Task<int> ClientOfAsync(CliUser owner, string name = "Kevin Casey")
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        return (await owner.RunAsync(["client", "create", "--name", name, "--email", $"{slug}@startup.io", "--phone", "+33 6 12 34 56 78", "--company", $"Startup {slug}", "--json"]))
            .Succeeds().Id;
    }

    /// <summary>A contract of a client of <paramref name="owner"/>, signed by the manager when asked.</summary>
    protected async Task<int> ContractOfAsync(CliUser owner, bool signed = false, string total = "10000", string due = "10000")
    {
        var client = await ClientOfAsync(owner);
        var contract = (await Manager.RunAsync(["contract", "create", "--client", $"{client}", "--total", total, "--due", due, "--json"])).Succeeds().Id;
        if (signed)
        {
            (await Manager.RunAsync($"contract sign {contract}")).Succeeds();
        }

        return contract;
    }

    /// <summary>An upcoming event of a signed contract of a client of <paramref name="owner"/>.</summary>
    protected async Task<int> EventOfAsync(CliUser owner, CliUser? support = null)
    {
        var contract = await ContractOfAsync(owner, signed: true);
        var start = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-ddTHH:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTime.UtcNow.AddDays(10).AddHours(5).ToString("yyyy-MM-ddTHH:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var id = (await owner.RunAsync(["event", "create", "--contract", $"{contract}", "--name", "Annual gala", "--start", start, "--end", end, "--location", "Lyon", "--attendees", "120", "--json"]))
            .Succeeds().Id;
        if (support is not null)
        {
            (await Manager.RunAsync($"event assign {id} --support {support.Id}")).Succeeds();
        }

        return id;
    }
}
