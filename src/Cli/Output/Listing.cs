using System.CommandLine;
using EpicEvents.Crm.Common;

namespace EpicEvents.Cli.Output;

/// <summary>The paging options every <c>list</c> command takes.</summary>
internal sealed class ListOptions
{
    public Option<int?> Limit { get; } = new("--limit") { Description = $"Rows per page, 1 to {PageRequest.MaxLimit} (default {PageRequest.DefaultLimit})." };

    public Option<string?> After { get; } = new("--after") { Description = "Continue after this cursor (printed under the previous page).", HelpName = "CURSOR" };

    public Option<bool> All { get; } = new("--all") { Description = "Every row, streamed page by page." };

    public ListOptions AddTo(Command command, bool withAll = true)
    {
        command.Options.Add(Limit);
        command.Options.Add(After);
        if (withAll)
        {
            command.Options.Add(All);
        }

        return this;
    }
}

/// <summary>
/// Runs a list: one page by default, or every row with <c>--all</c>, streamed page by page so that
/// memory stays flat however many rows there are.
/// </summary>
internal static class Listing
{
    private const int StreamPageSize = PageRequest.MaxLimit;

    public static async Task<int> RunAsync<T>(
        CliContext context,
        ListOptions options,
        Func<PageRequest, CancellationToken, Task<Result<Page<T>>>> fetch,
        IReadOnlyList<Column<T>> columns,
        CancellationToken cancellationToken)
        where T : notnull
    {
        var all = context.ParseResult.GetValue(options.All);
        var limit = context.ParseResult.GetValue(options.Limit);
        var after = context.ParseResult.GetValue(options.After);
        var request = new PageRequest(limit ?? (all ? StreamPageSize : PageRequest.DefaultLimit), after);
        var first = await fetch(request, cancellationToken);
        if (!first.IsOk)
        {
            return context.Fail(first.AsFailure(), OptionNames.Verbatim);
        }

        var page = first.Value;
        if (!all)
        {
            Write(context, page, columns, pageIndex: 0, streaming: false);
            return ExitCodes.Ok;
        }

        var index = 0;
        var total = 0;
        if (context.Json)
        {
            await context.Terminal.Output.WriteAsync("{\"items\":[");
        }

        while (true)
        {
            Write(context, page, columns, index, streaming: true);
            total += page.Items.Count;
            await context.Terminal.Output.FlushAsync(cancellationToken);
            if (page.Next is null)
            {
                break;
            }

            var next = await fetch(request with { After = page.Next }, cancellationToken);
            if (!next.IsOk)
            {
                return context.Fail(next.AsFailure(), OptionNames.Verbatim);
            }

            page = next.Value;
            index++;
        }

        if (context.Json)
        {
            await context.Terminal.Output.WriteLineAsync("],\"next\":null}");
        }
        else
        {
            context.Terminal.Note(total == 0 ? context.Texts.NoRows : context.Texts.Rows(total));
        }

        return ExitCodes.Ok;
    }

    private static void Write<T>(CliContext context, Page<T> page, IReadOnlyList<Column<T>> columns, int pageIndex, bool streaming)
        where T : notnull
    {
        if (context.Json)
        {
            if (!streaming)
            {
                context.Terminal.WriteJson(new ListDocument<T>(page.Items, page.Next));
                return;
            }

            var output = context.Terminal.Output;
            for (var i = 0; i < page.Items.Count; i++)
            {
                if (pageIndex > 0 || i > 0)
                {
                    output.Write(',');
                }

                output.Write(CliJson.Serialize(page.Items[i]));
            }

            return;
        }

        if (page.IsEmpty && pageIndex == 0)
        {
            if (!streaming)
            {
                context.Terminal.Note(context.Texts.NoRows);
            }

            return;
        }

        if (!page.IsEmpty)
        {
            // Streamed pages share fixed column widths so that they line up as one table.
            var shown = streaming
                ? columns.Select(c => c with { Width = c.Width ?? 18 }).ToList()
                : columns.Select(c => c with { Width = null }).ToList();
            context.Terminal.Render(Tables.Build(shown, page.Items, showHeaders: pageIndex == 0));
        }

        if (!streaming)
        {
            context.Terminal.Note(page.Next is null ? context.Texts.Rows(page.Items.Count) : context.Texts.NextPage(page.Next));
        }
    }
}

/// <summary><c>{"items":[…],"next":CURSOR|null}</c>.</summary>
internal sealed record ListDocument<T>(IReadOnlyList<T> Items, string? Next);
