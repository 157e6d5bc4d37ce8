using EpicEvents.Crm.Presentation;


namespace EpicEvents.Crm.Common;

/// <summary>The text typed into a list's search, checked and folded the same way for every list.</summary>
internal static class SearchText
{
    /// <summary>
    /// Folds <paramref name="typed"/> into <paramref name="key"/> (case and accents removed; empty
    /// when nothing was typed), or says why the text cannot be searched for.
    /// </summary>
    public static Failure? Read(string? typed, out string key)
    {
        key = string.Empty;
        if (typed is not null && typed.Any(char.IsControl))
        {
            return Failure.Invalid(FieldNames.Search, new Text("search.controlCharacters"));
        }

        var folded = FieldRules.SearchKey(typed);
        if (folded.Length > Limits.SearchText)
        {
            return Failure.Invalid(FieldNames.Search, new Text("search.tooLong", Limits.SearchText));
        }

        key = folded;
        return null;
    }

    /// <summary>A LIKE pattern matching <paramref name="key"/> anywhere, its wildcards taken literally.</summary>
    public static string Contains(string key) => "%" + Paging.EscapeLike(key) + "%";

    /// <summary>An FTS5 phrase query for <paramref name="key"/> (the trigram index of SQLite).</summary>
    public static string Phrase(string key) => "\"" + key.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The trigram index can narrow a search only from three characters on.</summary>
    public const int TrigramLength = 3;
}
