using System.Globalization;

namespace EpicEvents.Bot.Commands.Chat;

/// <summary>What the holes of a phrase matched: a record id (<c>{id}</c>), a count (<c>{n}</c>), free text (<c>{text}</c>, as typed).</summary>
public sealed record PhraseMatch(int? Id, int? Number, string? Text);

/// <summary>
/// A phrase of a command as its resource file writes it, read word by word: <c>assign [event] {id} [to {text}]</c>.
/// Words are compared without case or accents; <c>[…]</c> may be left out; <c>{id}</c> is a record id
/// (<c>7</c> or <c>#7</c>, 1 to 999 999 999); <c>{n}</c> a count of 1 to 4 digits; <c>{text}</c> the
/// rest of the message as typed, accents and case kept.
/// </summary>
public sealed class Phrase
{
    private readonly IReadOnlyList<Part> _parts;

    private Phrase(string pattern, IReadOnlyList<Part> parts)
    {
        Pattern = pattern;
        _parts = parts;
    }

    public string Pattern { get; }

    /// <summary>The phrases of one resource value: alternatives separated by <c>|</c>.</summary>
    public static IReadOnlyList<Phrase> ParseAll(string patterns) =>
        patterns.Split('|', StringSplitOptions.TrimEntries).Select(Parse).ToList();

    public static Phrase Parse(string pattern)
    {
        var position = 0;
        var parts = ReadParts(pattern, ref position, nested: false);
        return new Phrase(pattern, parts);
    }

    /// <summary>The holes' values when the whole message is this phrase; null otherwise.</summary>
    public PhraseMatch? Match(ChatWords message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var found = new Holes();
        return Match(_parts, 0, message, 0, found) ? new PhraseMatch(found.Id, found.Number, found.Text) : null;
    }

    private static bool Match(IReadOnlyList<Part> parts, int index, ChatWords message, int word, Holes holes)
    {
        if (index == parts.Count)
        {
            return word == message.Count;
        }

        switch (parts[index])
        {
            case Part.Word literal:
                return word < message.Count && message.Normalized[word] == literal.Text && Match(parts, index + 1, message, word + 1, holes);
            case Part.Id:
                if (word < message.Count && ReadId(message.Normalized[word]) is { } id)
                {
                    var before = holes.Id;
                    holes.Id = id;
                    if (Match(parts, index + 1, message, word + 1, holes))
                    {
                        return true;
                    }

                    holes.Id = before;
                }

                return false;
            case Part.Count:
                if (word < message.Count && message.Normalized[word] is { Length: >= 1 and <= 4 } digits && digits.All(char.IsAsciiDigit))
                {
                    var before = holes.Number;
                    var value = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
                    holes.Number = value > 0 ? value : null;
                    if (Match(parts, index + 1, message, word + 1, holes))
                    {
                        return true;
                    }

                    holes.Number = before;
                }

                return false;
            case Part.Rest:
                // The rest of the message, as typed: nothing may follow it in the phrase.
                if (word < message.Count && index == parts.Count - 1)
                {
                    holes.Text = message.TypedFrom(word);
                    return true;
                }

                return false;
            case Part.Optional optional:
                var with = optional.Parts.Concat(parts.Skip(index + 1)).ToList();
                return Match(with, 0, message, word, holes) || Match(parts, index + 1, message, word, holes);
            default:
                return false;
        }
    }

    private static int? ReadId(string word)
    {
        var digits = word.StartsWith('#') ? word[1..] : word;
        return digits.Length is >= 1 and <= 9 && digits.All(char.IsAsciiDigit)
            && int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) is var id and > 0 ? id : null;
    }

    private static List<Part> ReadParts(string pattern, ref int position, bool nested)
    {
        var parts = new List<Part>();
        while (position < pattern.Length)
        {
            var character = pattern[position];
            if (char.IsWhiteSpace(character))
            {
                position++;
            }
            else if (character == '[')
            {
                position++;
                parts.Add(new Part.Optional(ReadParts(pattern, ref position, nested: true)));
            }
            else if (character == ']')
            {
                if (!nested)
                {
                    throw new FormatException($"The phrase '{pattern}' closes a bracket it did not open.");
                }

                position++;
                return parts;
            }
            else
            {
                var start = position;
                while (position < pattern.Length && !char.IsWhiteSpace(pattern[position]) && pattern[position] is not ('[' or ']'))
                {
                    position++;
                }

                var token = pattern[start..position];
                Part? part = token switch
                {
                    "{id}" => new Part.Id(),
                    "{n}" => new Part.Count(),
                    "{text}" => new Part.Rest(),
                    _ when token.Contains('{', StringComparison.Ordinal) => throw new FormatException($"The phrase '{pattern}' has an unknown hole {token}."),
                    _ => ChatWords.Normalize(token) is { Length: > 0 } word ? new Part.Word(word) : null,
                };
                if (part is not null)
                {
                    parts.Add(part);
                }
            }
        }

        return nested ? throw new FormatException($"The phrase '{pattern}' leaves a bracket open.") : parts;
    }

    private sealed class Holes
    {
        public int? Id { get; set; }

        public int? Number { get; set; }

        public string? Text { get; set; }
    }

    private abstract record Part
    {
        public sealed record Word(string Text) : Part;

        public sealed record Id : Part;

        public sealed record Count : Part;

        public sealed record Rest : Part;

        public sealed record Optional(IReadOnlyList<Part> Parts) : Part;
    }
}
