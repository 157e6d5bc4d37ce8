using System.CommandLine;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Cli.Output;

/// <summary>The paging options every <c>list</c> command takes.</summary>
internal sealed class ListOptions(Texts texts)
{
    public Option<int?> Limit { get; } = new("--limit") { Description = texts.Phrase("list.limit.help", PageRequest.MaxLimit, PageRequest.DefaultLimit) };

    public Option<string?> After { get; } = new("--after") { Description = texts.Phrase("list.after.help"), HelpName = texts.Phrase("list.after.name") };

    public Option<bool> All { get; } = new("--all") { Description = texts.Phrase("list.all.help") };

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
/// Runs a list: one page by default, or every row with <c>--all</c>, streamed so that memory stays
/// flat however many rows there are: from one query, row by row, where the use case offers it in
/// local mode (<paramref name="stream"/>), else page by page.
/// </summary>
internal static class Listing
{
    private const int StreamPageSize = PageRequest.MaxLimit;

    public static async Task<int> RunAsync<T>(
        CliContext context,
        ListOptions options,
        Func<PageRequest, CancellationToken, Task<Result<Page<T>>>> fetch,
        IReadOnlyList<Column<T>> columns,
        CancellationToken cancellationToken,
        Func<string?, Result<IAsyncEnumerable<T>>>? stream = null)
        where T : notnull
    {
        var all = context.ParseResult.GetValue(options.All);
        var limit = context.ParseResult.GetValue(options.Limit);
        var after = context.ParseResult.GetValue(options.After);
        if (all && stream is not null && !context.IsRemote)
        {
            if (limit is < 1 or > PageRequest.MaxLimit)
            {
                return context.Fail(Failure.Invalid("limit", new Text("paging.limit", PageRequest.MaxLimit)), OptionNames.Verbatim);
            }

            return await StreamAsync(context, stream(after), columns, cancellationToken);
        }

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

    /// <summary>
    /// Every row of one query: as JSON, each row goes from the data reader to standard output's
    /// buffer; as a table, in blocks of <see cref="StreamPageSize"/> rows laid out like the pages.
    /// </summary>
    private static async Task<int> StreamAsync<T>(CliContext context, Result<IAsyncEnumerable<T>> rows, IReadOnlyList<Column<T>> columns, CancellationToken cancellationToken)
        where T : notnull
    {
        if (!rows.IsOk)
        {
            return context.Fail(rows.AsFailure(), OptionNames.Verbatim);
        }

        if (context.Json)
        {
            var write = ViewJson.For<T>();
            using var json = new JsonRows(context.Terminal.Output);
            json.Writer.WriteStartObject();
            json.Writer.WriteStartArray(ItemsName);
            await foreach (var row in rows.Value.WithCancellation(cancellationToken))
            {
                write(json.Writer, row);
                json.FlushIfFull();
            }

            json.Writer.WriteEndArray();
            json.Writer.WriteNull(NextName);
            json.Writer.WriteEndObject();
            json.Complete();
            return ExitCodes.Ok;
        }

        var block = new List<T>(StreamPageSize);
        var index = 0;
        var total = 0;
        await foreach (var row in rows.Value.WithCancellation(cancellationToken))
        {
            block.Add(row);
            if (block.Count == StreamPageSize)
            {
                Write(context, new Page<T>(block, null), columns, index++, streaming: true);
                total += block.Count;
                block.Clear();
                await context.Terminal.Output.FlushAsync(cancellationToken);
            }
        }

        if (block.Count > 0 || index == 0)
        {
            Write(context, new Page<T>(block, null), columns, index, streaming: true);
            total += block.Count;
        }

        context.Terminal.Note(total == 0 ? context.Texts.NoRows : context.Texts.Rows(total));
        return ExitCodes.Ok;
    }

    private static readonly System.Text.Json.JsonEncodedText ItemsName = System.Text.Json.JsonEncodedText.Encode("items");
    private static readonly System.Text.Json.JsonEncodedText NextName = System.Text.Json.JsonEncodedText.Encode("next");

    private static void Write<T>(CliContext context, Page<T> page, IReadOnlyList<Column<T>> columns, int pageIndex, bool streaming)
        where T : notnull
    {
        if (context.Json)
        {
            var write = ViewJson.For<T>();
            if (!streaming)
            {
                using var document = new JsonRows(context.Terminal.Output);
                document.Writer.WriteStartObject();
                document.Writer.WriteStartArray(ItemsName);
                foreach (var item in page.Items)
                {
                    write(document.Writer, item);
                }

                document.Writer.WriteEndArray();
                document.Writer.WriteString(NextName, page.Next);
                document.Writer.WriteEndObject();
                document.Complete();
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
            if (streaming && pageIndex > 0)
            {
                context.Terminal.RenderMoreRows(shown, page.Items);
            }
            else
            {
                context.Terminal.Render(Tables.Build(shown, page.Items, showHeaders: pageIndex == 0));
            }
        }

        if (!streaming)
        {
            context.Terminal.Note(page.Next is null ? context.Texts.Rows(page.Items.Count) : context.Texts.NextPage(page.Next));
        }
    }
}

/// <summary><c>{"items":[…],"next":CURSOR|null}</c>.</summary>
internal sealed record ListDocument<T>(IReadOnlyList<T> Items, string? Next);
