#!/usr/bin/env python3
"""Moves inline `Say("english", "french")` pairs of C# files into a pair of resource files.

Each `X.Say(<english literal>, <french literal>)` becomes `X.Phrase("area.words", args...)` (the call
shape is --call) and its two sentences are appended to BASE.resx (English, neutral) and BASE.fr.resx
(French). Regular, verbatim and interpolated literals are understood: each interpolation hole becomes
{0}, {1}... in both languages and its expression an argument (the same expression twice is one
argument; alignment and format are kept, as in {0:N0}). A call whose languages use different
expressions, whose holes hold a conditional, or whose arguments are not two plain literals is left
as it is and listed for conversion by hand.

    scripts/texts-from-say.py --resx src/Cli/Resources/CliTexts src/Cli/Commands/ClientCommands.cs
    scripts/texts-from-say.py --resx src/Bot/Resources/BotTexts \\
        --call 'Phrase(BotTexts.Catalog, {key}{args})' src/Bot/Dialogs/*.cs
    scripts/texts-from-say.py --resx ... src/Cli/Output/Texts.cs=common   (area given for one file)

The key is the file's area (its name without Command(s), in kebab case, or the one given after '=')
then the first words of the English sentence; a key that already holds the same two sentences is
reused, another one gets a number. Python 3, standard library only.
"""

import argparse
import os
import re
import sys
from xml.sax.saxutils import escape

RESX_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""

STOP_WORDS = {"a", "an", "the", "of", "to", "is", "are", "be", "and", "or", "in", "on", "for", "with", "by", "it", "its", "this", "that"}


class HandConversion(Exception):
    """A call the script leaves for a person, with the reason."""


# --- Reading C# ---------------------------------------------------------------------------------

def skip_string(src, i):
    """The index after the string literal (or char literal) starting at i; holes of interpolated
    strings are skipped with their own nested literals."""
    j = i
    interpolated = verbatim = False
    while src[j] in "$@":
        interpolated |= src[j] == "$"
        verbatim |= src[j] == "@"
        j += 1
    if src[j] == "'":
        j += 1
        while src[j] != "'":
            j += 2 if src[j] == "\\" else 1
        return j + 1
    if src.startswith('"""', j):
        quotes = len(src[j:]) - len(src[j:].lstrip('"'))
        end = src.index('"' * quotes, j + quotes)
        return end + quotes
    j += 1
    while True:
        c = src[j]
        if c == '"':
            if verbatim and src.startswith('""', j):
                j += 2
                continue
            return j + 1
        if c == "\\" and not verbatim:
            j += 2
            continue
        if interpolated and c == "{":
            if src.startswith("{{", j):
                j += 2
                continue
            j = skip_code(src, j + 1, "}") + 1
            continue
        if interpolated and c == "}" and src.startswith("}}", j):
            j += 2
            continue
        j += 1


def is_string_start(src, i):
    m = re.match(r'(\$\$?@?|@\$?\$?)?"|\'', src[i:i + 4])
    return m is not None


def skip_code(src, i, closer):
    """The index of `closer` that ends the code starting at i, at nesting depth zero."""
    depth = 0
    while i < len(src):
        c = src[i]
        if src.startswith("//", i):
            i = src.index("\n", i)
            continue
        if src.startswith("/*", i):
            i = src.index("*/", i) + 2
            continue
        if is_string_start(src, i):
            i = skip_string(src, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0 and c == closer:
                return i
            depth -= 1
        i += 1
    raise HandConversion("unbalanced code")


def find_calls(src, method):
    """(start of the method name, index after its closing parenthesis) of each call in code,
    holes of interpolated strings included."""
    calls = []

    def scan(start, end):
        k = start
        while k < end:
            if src.startswith("//", k):
                k = src.index("\n", k)
                continue
            if src.startswith("/*", k):
                k = src.index("*/", k) + 2
                continue
            if is_string_start(src, k):
                after = skip_string(src, k)
                scan_holes(k, after)
                k = after
                continue
            m = re.match(method + r"\s*\(", src[k:k + len(method) + 8])
            if m and (k == 0 or not (src[k - 1].isalnum() or src[k - 1] == "_")):
                close = skip_code(src, k + m.end(), ")")
                calls.append((k, close + 1))
            k += 1

    def scan_holes(start, end):
        j = start
        interpolated = verbatim = False
        while src[j] in "$@":
            interpolated |= src[j] == "$"
            verbatim |= src[j] == "@"
            j += 1
        if not interpolated or src.startswith('"""', j):
            return
        j += 1
        while j < end - 1:
            c = src[j]
            if c == "\\" and not verbatim:
                j += 2
                continue
            if c == "{":
                if src.startswith("{{", j):
                    j += 2
                    continue
                close = skip_code(src, j + 1, "}")
                scan(j + 1, close)
                j = close + 1
                continue
            j += 1

    scan(0, len(src))
    return calls


def split_arguments(src, open_paren, close_paren):
    args = []
    i = open_paren + 1
    start = i
    depth = 0
    while i < close_paren:
        c = src[i]
        if is_string_start(src, i):
            i = skip_string(src, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            args.append(src[start:i])
            start = i + 1
        i += 1
    args.append(src[start:close_paren])
    return [a.strip() for a in args]


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def parse_literal(text):
    """A literal as [('text', str) | ('hole', expression, alignment_and_format)]."""
    m = re.match(r'^(\$?@?|@\$)"', text)
    if not m or skip_string(text, 0) != len(text):
        raise HandConversion("an argument is not one string literal")
    prefix = m.group(1)
    interpolated, verbatim = "$" in prefix, "@" in prefix
    parts = []
    buf = []
    j = len(prefix) + 1
    end = len(text) - 1
    while j < end:
        c = text[j]
        if verbatim and text.startswith('""', j):
            buf.append('"')
            j += 2
        elif c == "\\" and not verbatim:
            n = text[j + 1]
            if n == "u":
                buf.append(chr(int(text[j + 2:j + 6], 16)))
                j += 6
            else:
                buf.append(ESCAPES[n])
                j += 2
        elif interpolated and text.startswith("{{", j):
            buf.append("{")
            j += 2
        elif interpolated and text.startswith("}}", j):
            buf.append("}")
            j += 2
        elif interpolated and c == "{":
            close = skip_code(text, j + 1, "}")
            hole = text[j + 1:close]
            expression, spec = split_hole(hole)
            if buf:
                parts.append(("text", "".join(buf)))
                buf = []
            parts.append(("hole", expression, spec))
            j = close + 1
        else:
            buf.append(c)
            j += 1
    if buf:
        parts.append(("text", "".join(buf)))
    return parts


def split_hole(hole):
    """The expression of a hole and its ',alignment' and ':format', at nesting depth zero."""
    depth = 0
    i = 0
    while i < len(hole):
        c = hole[i]
        if is_string_start(hole, i):
            i = skip_string(hole, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and c in ",:":
            if c == ":" and i > 0 and hole[i - 1] == ":":
                i += 1
                continue
            return hole[:i].strip(), hole[i:]
        elif depth == 0 and c == "?" and not re.match(r"\?[?.\[]", hole[i:i + 2]) and not (i > 0 and hole[i - 1] == "?"):
            raise HandConversion("a hole holds a conditional expression")
        i += 1
    return hole.strip(), ""


# --- Writing the sentences ----------------------------------------------------------------------

def normalize(expression):
    return re.sub(r"\s+", "", expression)


def convert_pair(english, french):
    """(english value, french value, argument expressions)."""
    en_parts, fr_parts = parse_literal(english), parse_literal(french)
    arguments = []
    index = {}
    for part in en_parts:
        if part[0] == "hole" and normalize(part[1]) not in index:
            index[normalize(part[1])] = len(arguments)
            arguments.append(part[1])
    fr_holes = {normalize(p[1]) for p in fr_parts if p[0] == "hole"}
    if fr_holes != set(index):
        raise HandConversion("the two languages use different expressions")

    def value(parts):
        out = []
        for part in parts:
            if part[0] == "text":
                out.append(part[1].replace("{", "{{").replace("}", "}}") if arguments else part[1])
            else:
                out.append("{%d%s}" % (index[normalize(part[1])], part[2]))
        return "".join(out)

    return value(en_parts), value(fr_parts), arguments


def area_of(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    stem = re.sub(r"Commands?$", "", stem) or stem
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", stem).lower()


def key_for(area, english, catalog, french):
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", re.sub(r"\{\d+[^}]*\}", " ", english))]
    meaning = [w for w in words if w not in STOP_WORDS][:4] or words[:4] or ["text"]
    base = area + "." + "-".join(meaning)
    key = base
    number = 2
    while key in catalog and catalog[key] != (english, french):
        key = f"{base}-{number}"
        number += 1
    return key


def read_resx(path):
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        text = f.read()
    entries = {}
    for m in re.finditer(r'<data name="([^"]+)"[^>]*>\s*<value>(.*?)</value>', text, re.S):
        value = m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
        entries[m.group(1)] = value
    return entries


def append_resx(path, entries):
    if not entries:
        return
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else RESX_HEAD
    added = "".join(
        f'  <data name="{key}" xml:space="preserve">\n    <value>{escape(value)}</value>\n  </data>\n'
        for key, value in entries)
    text = text.replace("</root>", added + "</root>", 1)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --- One file ----------------------------------------------------------------------------------

def convert_file(path, area, catalog, call, method, added, left):
    with open(path, encoding="utf-8-sig") as f:
        src = f.read()
    failed = set()
    while True:
        calls = find_calls(src, method)
        todo = []
        for start, end in calls:
            if src[start:end] in failed:
                continue
            inner = [c for c in calls if c != (start, end) and start <= c[0] and c[1] <= end]
            if any(src[c[0]:c[1]] not in failed for c in inner):
                continue
            todo.append((start, end))
        if not todo:
            break
        replacements = []
        for start, end in todo:
            open_paren = src.index("(", start)
            try:
                args = split_arguments(src, open_paren, end - 1)
                if len(args) != 2:
                    raise HandConversion(f"{len(args)} arguments")
                english, french, arguments = convert_pair(args[0], args[1])
                key = key_for(area, english, catalog, french)
                if key not in catalog:
                    catalog[key] = (english, french)
                    added.append((key, english, french))
                rendered = call.format(key=f'"{key}"', args="".join(", " + a for a in arguments))
                replacements.append((start, end, rendered))
            except HandConversion as reason:
                failed.add(src[start:end])
                line = src.count("\n", 0, start) + 1
                left.append(f"{path}:{line}: {reason}: {' '.join(src[start:end].split())[:160]}")
        for start, end, rendered in sorted(replacements, reverse=True):
            src = src[:start] + rendered + src[end:]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(src)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resx", required=True, help="base of the resource files, without .resx (e.g. src/Cli/Resources/CliTexts)")
    parser.add_argument("--call", default="Phrase({key}{args})", help="what replaces Say(...); {key} and {args} (', a, b') are filled")
    parser.add_argument("--method", default="Say", help="the method whose calls are converted")
    parser.add_argument("files", nargs="+", help="C# files; FILE=area gives the area of the keys")
    options = parser.parse_args()

    english = read_resx(options.resx + ".resx")
    french = read_resx(options.resx + ".fr.resx")
    catalog = {k: (v, french.get(k)) for k, v in english.items()}
    added, left = [], []
    for spec in options.files:
        path, _, area = spec.partition("=")
        convert_file(path, area or area_of(path), catalog, options.call, options.method, added, left)
    append_resx(options.resx + ".resx", [(k, en) for k, en, _ in added])
    append_resx(options.resx + ".fr.resx", [(k, fr) for k, _, fr in added])
    print(f"{len(added)} keys added to {options.resx}.resx and {options.resx}.fr.resx.")
    if left:
        print(f"{len(left)} calls left for conversion by hand:")
        print("\n".join("  " + line for line in left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
