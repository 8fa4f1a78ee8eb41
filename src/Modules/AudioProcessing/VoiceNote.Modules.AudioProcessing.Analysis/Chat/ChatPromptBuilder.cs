using System.Globalization;
using System.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Moments;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Chat;

/// <summary>
/// Writes the chat messages for one recording. The model resolves deadlines itself, so the system
/// message gives it what the local rules use (ADR 0030): the recording instant in the owner's zone,
/// their work hours and days, and the same defaults for a day without a time. The owner's role,
/// prompt and jargon steer wording; the transcript and a compact word-timing listing are the user
/// message, so key moments get real offsets.
/// </summary>
internal sealed class ChatPromptBuilder
{
    /// <summary>A timing line ends at a pause this long, or after this many seconds, so lines follow what was said.</summary>
    public const double LinePauseSeconds = 1.0;

    public const double MaxLineSeconds = 10.0;

    /// <summary>Bounds the listing for very long recordings; the transcript itself is always sent whole.</summary>
    public const int MaxTimingLines = 400;

    private static readonly Dictionary<string, string> RoleHints = new(StringComparer.Ordinal)
    {
        ["STUDENT"] = "a student: lectures, assignments, exams and study plans",
        ["TEACHER"] = "a teacher: lessons, classes, grading and parents",
        ["DEVELOPER"] = "a software developer: code, bugs, deployments, reviews and tickets",
        ["OFFICE_WORKER"] = "an office worker: meetings, reports, e-mails and deadlines",
        ["BUSINESS_MAN"] = "a business person: clients, deals, invoices and calls",
        ["PSYCHIATRIST"] = "a psychiatrist: patients, sessions, medication and follow-ups",
        ["PSYCHOLOGIST"] = "a psychologist: clients, sessions, assessments and follow-ups",
        ["GENERIC"] = "someone keeping everyday notes",
    };

    public ChatPrompt Build(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ChatPrompt(System(input), User(input));
    }

    /// <summary>The text the model is sent, as the local rules read it (<see cref="AnalysisInput.AnalysedText"/>).</summary>
    public static string TextOf(AnalysisInput input) => input.AnalysedText.Trim();

    private static string System(AnalysisInput input)
    {
        var owner = input.Owner;
        var zone = ZoneClock.Resolve(owner.TimeZone);
        var schedule = new WorkSchedule(owner.WorkStartHour, owner.WorkEndHour, owner.WorkDays);
        var local = TimeZoneInfo.ConvertTime(input.CreatedAt, zone);
        var text = new StringBuilder();
        text.AppendLine("You analyse the transcript of a voice note its owner recorded. Answer only with JSON in the given schema.");
        if (RoleLine(owner.Role) is { } role)
        {
            text.AppendLine(role);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Recorded at {local:yyyy-MM-dd'T'HH:mm:sszzz} ({local.DayOfWeek}) in the owner's time zone {(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"The owner works {schedule.StartHour:00}:00-{schedule.EndHour:00}:00 on {WorkDays(schedule)}.");
        if (owner.Jargon.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Terms the owner uses (spell them exactly like this; the recogniser may have misheard them): {string.Join(", ", owner.Jargon)}.");
        }

        text.AppendLine("Rules:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- summary: in the transcript's language ({Language(input)}), at most {input.SummaryMaxCharacters} characters; title: at most eight words.");
        text.AppendLine("- tasks: every action someone has to do; one task per action; a description that starts with a verb; never invent tasks.");
        text.AppendLine("- deadline: resolve what was said (\"tomorrow at five pm\", \"by Friday\", \"in two hours\") against the recording time in the owner's time zone and write it with that zone's UTC offset on that date. "
            + "A day without a time: \"by ...\" means the end of the work day, otherwise its start. \"Next week\" means its first work day. A bare hour from 1 to 6 means the afternoon. Null when no time was said.");
        text.AppendLine("- communication_type and assignee channels: whatsapp, sms, call (phone), meet (in person or video meeting) or slack, only when the note says or clearly implies it.");
        text.AppendLine(input.Words is { Count: > 0 }
            ? "- key_moments: up to 12 moments worth jumping back to (tasks, decisions, new topics); at_seconds from the word timings."
            : "- key_moments: an empty list (no word timings were given).");
        text.AppendLine("- sentiment: the tone of the whole note; task words like \"urgent\" are not negative.");
        if (!string.IsNullOrWhiteSpace(owner.SystemPrompt))
        {
            // Last, so the owner's own instructions win over the defaults above, but not over the schema.
            text.AppendLine("The owner's own instructions (follow them unless they conflict with the JSON schema):");
            text.AppendLine(owner.SystemPrompt.Trim());
        }

        return text.ToString().TrimEnd();
    }

    private static string? RoleLine(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return null;
        }

        var name = role.Trim();
        return RoleHints.TryGetValue(name.ToUpperInvariant(), out var hint)
            ? $"The owner's role is {name}, {hint}; summarise with what matters to them."
            : $"The owner's role is {name}; summarise with what matters to them.";
    }

    /// <summary>Listed from the owner's first day of the week (Sunday for a Sunday–Thursday week), as they would say it.</summary>
    private static string WorkDays(WorkSchedule schedule) =>
        string.Join(", ", Enumerable.Range(0, 7).Select(d => (DayOfWeek)(((int)schedule.FirstDayOfWeek + d) % 7)).Where(schedule.IsWorkDay));

    private static string Language(AnalysisInput input) => string.IsNullOrWhiteSpace(input.Language) ? "en" : input.Language.Trim();

    private static string User(AnalysisInput input)
    {
        var text = new StringBuilder();
        text.AppendLine("Transcript:");
        text.AppendLine(TextOf(input));
        var lines = TimingLines(input.Words);
        if (lines.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Word timings ([mm:ss] words from that offset):");
            foreach (var line in lines)
            {
                text.AppendLine(line);
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>"[mm:ss] words" lines, a new line at each pause or every ten seconds; recogniser markers dropped.</summary>
    public static IReadOnlyList<string> TimingLines(IReadOnlyList<TimedWord>? words)
    {
        var lines = new List<string>();
        var current = new List<string>();
        double lineStart = 0, lastEnd = 0;
        foreach (var word in WordTimeline.Clean(words))
        {
            if (current.Count > 0 && (word.Start - lastEnd >= LinePauseSeconds || word.Start - lineStart >= MaxLineSeconds))
            {
                lines.Add(Line(lineStart, current));
                current.Clear();
            }

            if (current.Count == 0)
            {
                lineStart = word.Start;
            }

            current.Add(word.Text);
            lastEnd = Math.Max(lastEnd, word.End);
        }

        if (current.Count > 0)
        {
            lines.Add(Line(lineStart, current));
        }

        return lines.Count <= MaxTimingLines ? lines : lines.Take(MaxTimingLines).ToList();
    }

    private static string Line(double start, List<string> words)
    {
        var seconds = (int)Math.Max(0, Math.Floor(start));
        return string.Create(CultureInfo.InvariantCulture, $"[{seconds / 60:00}:{seconds % 60:00}] {string.Join(" ", words)}");
    }
}
