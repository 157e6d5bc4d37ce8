using EpicEvents.Cli.Output;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;

namespace EpicEvents.Cli.Tests;

/// <summary>The hand-written JSON of the long lists is byte for byte what the serializer writes.</summary>
public sealed class ViewJsonTests
{
    private static readonly DateTime At = new(2026, 3, 7, 0, 47, 12, 345, DateTimeKind.Utc);

    public static TheoryData<string> Texts => ["Frédéric Thomas", "Café <script> & \"quotes\" \\ / 'x'", "tab\tnew\nline\u0001", "Zoë 😀 中文", ""];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_contract_is_written_as_the_serializer_writes_it(string text)
    {
        foreach (var contract in new[]
                 {
                     new ContractView(114894, 100000, text, text, 2251, text, 9254.55m, 9254.50m, ContractStatus.Signed, At, At.AddDays(1), At, 7, text, null, 3),
                     new ContractView(1, 2, text, text, null, null, 0m, 0m, ContractStatus.PendingSignature, At, At, null, null, null, 12, 0),
                     new ContractView(int.MaxValue, 2, text, text, null, null, 79228162514264337593543950335m, -1.10m, ContractStatus.Draft, DateTime.MinValue.ToUniversalTime(), DateTime.MaxValue, null, null, null, null, int.MinValue),
                     new ContractView(5, 6, text, text, 1, text, 100m, 100m, ContractStatus.Cancelled, At, At, null, null, null, null, 1),
                 })
        {
            Written(contract, ViewJson.Write).Should().Be(CliJson.Serialize(contract));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void An_event_is_written_as_the_serializer_writes_it(string text)
    {
        foreach (var view in new[]
                 {
                     new EventView(57110, text, 67886, 58933, text, text, text, text, 221, text, At, At.AddHours(4), text, 102, 96, text, 3434, text, At, At, At, 0),
                     new EventView(1, text, 2, 3, text, text, text, text, null, null, At, At, text, 0, null, text, null, null, null, At, At, 7),
                 })
        {
            Written(view, ViewJson.Write).Should().Be(CliJson.Serialize(view));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_client_is_written_as_the_serializer_writes_it(string text)
    {
        foreach (var view in new[]
                 {
                     new ClientView(100000, text, text, text, text, At, At, 2251, text, true, 0),
                     new ClientView(1, text, text, text, text, At, At, null, null, false, 9),
                 })
        {
            Written(view, ViewJson.Write).Should().Be(CliJson.Serialize(view));
        }
    }

    [Fact]
    public void Another_view_falls_back_to_the_serializer()
    {
        var role = new EpicEvents.Crm.Roles.RoleView(3, "Support", EpicEvents.Crm.Access.Department.Support, 2);

        Written(role, ViewJson.For<EpicEvents.Crm.Roles.RoleView>()).Should().Be(CliJson.Serialize(role));
    }

    private static string Written<T>(T value, Action<System.Text.Json.Utf8JsonWriter, T> write)
    {
        var output = new StringWriter();
        using (var rows = new JsonRows(output))
        {
            write(rows.Writer, value);
            rows.Complete();
        }

        return output.ToString().TrimEnd('\r', '\n');
    }
}
