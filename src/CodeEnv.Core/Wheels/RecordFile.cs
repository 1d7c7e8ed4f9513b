using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// RECORD as Python's csv module reads and writes it (the excel dialect pip uses): fields separated by commas, a field
    /// that holds a comma, a quote or a line break quoted with doubled quotes inside, lines ended by CR LF on writing. Rows
    /// are written sorted as pip sorts them (by path, then digest, then size, comparing code points), so an installed RECORD
    /// reads the same whoever wrote it.
    /// </summary>
    public static class RecordFile
    {
        /// <summary>The rows of a RECORD's text; blank lines are skipped.</summary>
        public static IReadOnlyList<RecordRow> Parse(string text)
        {
            var rows = new List<RecordRow>();
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.EndsWith("\r", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line;
                if (trimmed.Length == 0)
                {
                    continue;
                }

                var fields = Fields(trimmed);
                rows.Add(new RecordRow(fields[0], fields.Count > 1 ? fields[1] : "", fields.Count > 2 ? fields[2] : ""));
            }

            return rows;
        }

        /// <summary>The text pip writes for <paramref name="rows"/>: sorted, CR LF after each row.</summary>
        public static string Write(IEnumerable<RecordRow> rows)
        {
            var text = new StringBuilder();
            foreach (var row in rows.OrderBy(r => r.Path, CodePointOrder.Instance).ThenBy(r => r.Hash, CodePointOrder.Instance).ThenBy(r => r.Size, CodePointOrder.Instance))
            {
                text.Append(Quoted(row.Path)).Append(',').Append(Quoted(row.Hash)).Append(',').Append(Quoted(row.Size)).Append("\r\n");
            }

            return text.ToString();
        }

        private static List<string> Fields(string line)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var atStart = true;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    atStart = true;
                    continue;
                }
                else if (c == '"' && atStart)
                {
                    quoted = true;
                }
                else
                {
                    field.Append(c);
                }

                atStart = false;
            }

            fields.Add(field.ToString());
            return fields;
        }

        private static string Quoted(string field) =>
            field.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

        /// <summary>Python's order of str: by code point, where .NET's ordinal order compares UTF-16 units (and so puts 😀 before ｡).</summary>
        private sealed class CodePointOrder : IComparer<string>
        {
            public static readonly CodePointOrder Instance = new CodePointOrder();

            private const char HighSurrogateStart = '\uD800';

            public int Compare(string? x, string? y)
            {
                if (x == null || y == null)
                {
                    return x == null ? (y == null ? 0 : -1) : 1;
                }

                // Below the surrogates, UTF-16 units order as code points do: compare from the first unit that differs, and
                // only where a surrogate or a unit above them is involved walk the code points (RECORD paths seldom have any).
                var length = Math.Min(x.Length, y.Length);
                var first = 0;
                while (first < length && x[first] == y[first])
                {
                    first++;
                }

                if (first == length)
                {
                    return x.Length.CompareTo(y.Length);
                }

                if (x[first] < HighSurrogateStart && y[first] < HighSurrogateStart)
                {
                    return x[first] < y[first] ? -1 : 1;
                }

                int i = 0, j = 0;
                while (i < x.Length && j < y.Length)
                {
                    var a = Next(x, ref i);
                    var b = Next(y, ref j);
                    if (a != b)
                    {
                        return a < b ? -1 : 1;
                    }
                }

                return (x.Length - i).CompareTo(y.Length - j);
            }

            // The code point at text[index], moving past it; a lone surrogate counts as itself, as Python's surrogateescape keeps it.
            private static int Next(string text, ref int index)
            {
                var c = text[index++];
                if (char.IsHighSurrogate(c) && index < text.Length && char.IsLowSurrogate(text[index]))
                {
                    return char.ConvertToUtf32(c, text[index++]);
                }

                return c;
            }
        }
    }
}
