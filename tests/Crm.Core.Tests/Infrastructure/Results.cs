using EpicEvents.Crm.Common;

namespace EpicEvents.Crm.Tests.Infrastructure;

public static class ResultAssertions
{
    public static T ShouldBeOk<T>(this Result<T> result)
    {
        result.Outcome.Should().Be(Outcome.Ok, because: $"{result.Message} {string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        return result.Value;
    }

    public static void ShouldBe<T>(this Result<T> result, Outcome outcome) =>
        result.Outcome.Should().Be(outcome, because: result.IsOk ? "the use case succeeded" : result.Message?.ToString());

    public static void ShouldBeInvalidOn<T>(this Result<T> result, params string[] fields)
    {
        result.ShouldBe(Outcome.Invalid);
        result.Errors.Select(e => e.Field).Should().Contain(fields);
    }
}
