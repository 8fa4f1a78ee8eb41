namespace VoiceNote.Modules.Cases.Application.Recordings;

/// <summary>What a run of words did between two texts.</summary>
internal enum WordChange
{
    Equal,
    Removed,
    Added,
}

/// <summary>Consecutive words with the same change, joined by single spaces.</summary>
internal sealed record WordRun(WordChange Change, string Text);

/// <summary>A word diff and whether it is exact (false: too different to compare word by word, shown as all removed, all added).</summary>
internal sealed record WordDiffResult(IReadOnlyList<WordRun> Runs, bool Exact);

/// <summary>
/// A word diff of two transcripts (docs/decisions/0079): Myers' O((N+M)·D) shortest edit script over words split on
/// white space, words compared without case and surrounding punctuation (recognisers differ in both), shown as the
/// words were written. The common head and tail are taken off first; past <see cref="MaxEdits"/> edits the search
/// stops (its trace grows with D²) and the answer is the whole middle removed and added, marked not exact.
/// </summary>
internal static class WordDiff
{
    public const int MaxEdits = 2_000;

    public static WordDiffResult Compare(string from, string to, int maxEdits = MaxEdits)
    {
        var a = Words(from);
        var b = Words(to);
        var ka = a.Select(Key).ToArray();
        var kb = b.Select(Key).ToArray();

        var head = 0;
        while (head < ka.Length && head < kb.Length && ka[head] == kb[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < ka.Length - head && tail < kb.Length - head && ka[^(tail + 1)] == kb[^(tail + 1)])
        {
            tail++;
        }

        var ops = new List<(WordChange Change, string Word)>();
        ops.AddRange(b.Take(head).Select(w => (WordChange.Equal, w)));
        var middle = Middle(ka[head..^tail], kb[head..^tail], maxEdits);
        var exact = middle is not null;
        if (middle is null)
        {
            ops.AddRange(a[head..^tail].Select(w => (WordChange.Removed, w)));
            ops.AddRange(b[head..^tail].Select(w => (WordChange.Added, w)));
        }
        else
        {
            ops.AddRange(middle.Select(op => (op.Change, op.Change == WordChange.Removed ? a[head + op.Index] : b[head + op.Index])));
        }

        ops.AddRange(b[^tail..].Select(w => (WordChange.Equal, w)));
        return new WordDiffResult(Runs(ops), exact);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Key(string word) => word.Trim(".,;:!?\"'()[]…-—".ToCharArray()).ToLowerInvariant();

    /// <summary>The edit script of the middle parts (index into a for removals, into b for the rest); null past <paramref name="maxEdits"/>.</summary>
    private static List<(WordChange Change, int Index)>? Middle(string[] a, string[] b, int maxEdits)
    {
        int n = a.Length, m = b.Length, offset = n + m + 1;
        var limit = Math.Min(n + m, maxEdits);
        var v = new int[(2 * offset) + 1];
        var trace = new List<int[]>();
        for (var d = 0; d <= limit; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, offset, n, m, d);
                }
            }
        }

        return null;
    }

    private static List<(WordChange, int)> Backtrack(List<int[]> trace, int offset, int n, int m, int edits)
    {
        var script = new List<(WordChange, int)>();
        int x = n, y = m;
        for (var d = edits; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var prevX = v[offset + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                script.Add((WordChange.Equal, --y));
                x--;
            }

            if (prevK == k + 1)
            {
                script.Add((WordChange.Added, --y));
            }
            else
            {
                script.Add((WordChange.Removed, --x));
            }
        }

        while (x > 0 && y > 0)
        {
            script.Add((WordChange.Equal, --y));
            x--;
        }

        script.Reverse();
        return script;
    }

    private static List<WordRun> Runs(List<(WordChange Change, string Word)> ops)
    {
        var runs = new List<WordRun>();
        var i = 0;
        while (i < ops.Count)
        {
            var change = ops[i].Change;
            var j = i;
            while (j < ops.Count && ops[j].Change == change)
            {
                j++;
            }

            runs.Add(new WordRun(change, string.Join(' ', ops.Skip(i).Take(j - i).Select(o => o.Word))));
            i = j;
        }

        return runs;
    }
}
