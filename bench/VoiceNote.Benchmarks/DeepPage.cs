namespace VoiceNote.Benchmarks;

/// <summary>
/// The page that "list, page N (keyset cursor)" measures, in the measured user's default list (neither
/// archived nor deleted, 20 a page). By default page 500, the figure, or the last full page when
/// the data has fewer, so a quick run measures a page near the end. An explicit <c>--deep-page</c> past
/// the data is refused before anything is seeded.
/// </summary>
internal static class DeepPage
{
    public const int PageSize = 20;
    public const int Default = 500;

    /// <summary>How many of the measured user's notes a seeding of this size lists: <see cref="Seeder"/> archives every 13th note and deletes every 50th.</summary>
    public static long ListedAfterSeeding(int userNotes, int totalNotes)
    {
        long notes = Math.Min(userNotes, totalNotes);
        return notes - Multiples(notes, 13) - Multiples(notes, 50) + Multiples(notes, 13 * 50);
    }

    /// <summary>The page to measure in a list of <paramref name="listed"/> notes, or why there is none.</summary>
    public static (int Page, string? Error) Choose(int? requested, long listed)
    {
        var fullPages = (int)(listed / PageSize);
        var data = $"the measured user lists {listed:N0} notes ({fullPages:N0} full pages of {PageSize})";
        if (requested is { } page)
        {
            if (page < 2)
            {
                return (0, $"--deep-page {page}: give 2 or more (page 1 is the first-page scenario).");
            }

            return page <= fullPages ? (page, null) : (0, $"--deep-page {page} is past the data: {data}. Give --deep-page {fullPages} or less, or more --user-notes.");
        }

        return fullPages >= 2 ? (Math.Min(Default, fullPages), null) : (0, $"No deep page to measure: {data}. Give more --user-notes.");
    }

    /// <summary>How many i in [0, n) are multiples of k.</summary>
    private static long Multiples(long n, long k) => n <= 0 ? 0 : ((n - 1) / k) + 1;
}
