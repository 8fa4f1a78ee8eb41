using System.Linq.Expressions;
using System.Text.Json;
using FluentValidation;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>The rules for note and task fields, shared by create, update and the pipeline's events.</summary>
internal static class FieldRules
{
    /// <summary>An absolute http(s) URL of bounded length.</summary>
    public static bool IsWebUrl(string? value) =>
        value is { Length: > 0 and <= NoteLimits.UrlLength }
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>An audio reference: a web URL, or a path on this server ("/api/v1/audio/…") as the pipeline stores it.</summary>
    public static bool IsAudioReference(string? value) =>
        IsWebUrl(value)
        || (value is { Length: > 1 and <= NoteLimits.UrlLength } && value[0] == '/' && value[1] != '/'
            && !value.Contains("..", StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace)
            && Uri.IsWellFormedUriString(value, UriKind.Relative));

    public static bool IsJsonObjectOfBoundedSize(JsonElement? value) =>
        value is null
        || (value.Value.ValueKind == JsonValueKind.Object && value.Value.GetRawText().Length <= NoteLimits.ProcessingOptionsBytes);

    public static bool IsLanguageTag(string? value) =>
        value is null || (value.Length is > 0 and <= NoteLimits.LanguageLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}

internal sealed class KeyMomentValidator : AbstractValidator<KeyMoment>
{
    public KeyMomentValidator()
    {
        RuleFor(m => m.Timestamp).GreaterThanOrEqualTo(TimeSpan.Zero).LessThan(TimeSpan.FromDays(1));
        RuleFor(m => m.Description).NotEmpty().MaximumLength(NoteLimits.KeyMomentDescriptionLength);
        RuleFor(m => m.Confidence).InclusiveBetween(0, 1);
    }
}

internal sealed class AssignedEntityValidator : AbstractValidator<AssignedEntity>
{
    public AssignedEntityValidator()
    {
        RuleFor(a => a.Name).NotEmpty().MaximumLength(NoteLimits.AssigneeNameLength);
        RuleFor(a => a.Contact).MaximumLength(NoteLimits.AssigneeContactLength);
        RuleFor(a => a.Channel).MaximumLength(NoteLimits.AssigneeChannelLength)
            .Matches("^[A-Za-z][A-Za-z0-9_ -]*$").When(a => a.Channel is not null)
            .WithMessage("Name the channel with letters, digits, spaces, '_' or '-' (e.g. WHATSAPP, email).");
        RuleFor(a => a.Role).IsInEnum();
    }
}

/// <summary>A command that carries note fields as sent.</summary>
internal interface INoteFieldsCommand
{
    Sent<NoteFields> Body { get; }
}

/// <summary>A command that carries task fields as sent.</summary>
internal interface ITaskFieldsCommand
{
    Sent<TaskFields> Body { get; }
}

/// <summary>Shared helpers for validators whose errors must name fields as the client sent them.</summary>
internal abstract class FieldsValidator<T> : AbstractValidator<T>
{
    /// <summary>Stands in for a list that was not sent.</summary>
    protected static readonly IReadOnlyList<string> NoUrls = [];

    protected void UrlList(Expression<Func<T, IEnumerable<string>>> list, string name)
    {
        RuleFor(list).Must(l => l.Count() <= NoteLimits.UrlCount).OverridePropertyName(name)
            .WithMessage($"At most {NoteLimits.UrlCount} URLs.");
        RuleForEach(list).Must(FieldRules.IsWebUrl).OverridePropertyName(name)
            .WithMessage($"Use an absolute http or https URL of at most {NoteLimits.UrlLength} characters.");
    }

    protected void NotNullWhenSent<TFields>(Func<T, Sent<TFields>> body, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            var property = typeof(TFields).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!;
            RuleFor(c => body(c)).Must(s => !s.Has(field) || property.GetValue(s.Value) is not null)
                .OverridePropertyName(field).WithMessage("This field cannot be null.");
        }
    }
}

/// <summary>The note field rules, for create (<c>creating</c>) and update alike.</summary>
internal abstract class NoteFieldsValidator<T> : FieldsValidator<T>
    where T : INoteFieldsCommand
{
    protected NoteFieldsValidator(bool creating)
    {
        NotNullWhenSent(c => c.Body, NoteFields.NotNullable);
        RuleFor(c => c.Body.Value.Title).MaximumLength(NoteLimits.TitleLength).OverridePropertyName("title");
        RuleFor(c => c.Body.Value.Summary).MaximumLength(NoteLimits.SummaryLength).OverridePropertyName("summary");
        RuleFor(c => c.Body.Value.AudioUrl).Must(u => u is null || FieldRules.IsAudioReference(u)).OverridePropertyName("audioUrl")
            .WithMessage("Use an absolute http(s) URL or a path on this server.");
        RuleFor(c => c.Body.Value.RawAudioUrl).Must(u => u is null || FieldRules.IsAudioReference(u)).OverridePropertyName("rawAudioUrl")
            .WithMessage("Use an absolute http(s) URL or a path on this server.");
        RuleFor(c => c.Body.Value.Priority).IsInEnum().OverridePropertyName("priority");
        RuleFor(c => c.Body.Value.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(c => c.Body.Value.PreferredEngine).IsInEnum().OverridePropertyName("preferredEngine");
        UrlList(c => c.Body.Value.DocumentUrls ?? NoUrls, "documentUrls");
        UrlList(c => c.Body.Value.Links ?? NoUrls, "links");
        RuleFor(c => c.Body.Value.KeyMoments).Must(m => m is null || m.Count <= NoteLimits.KeyMomentCount).OverridePropertyName("keyMoments")
            .WithMessage($"At most {NoteLimits.KeyMomentCount} key moments.");
        RuleForEach(c => c.Body.Value.KeyMoments).SetValidator(new KeyMomentValidator()).OverridePropertyName("keyMoments");
        RuleFor(c => c.Body.Value.ProcessingOptions).Must(FieldRules.IsJsonObjectOfBoundedSize).OverridePropertyName("processingOptions")
            .WithMessage($"Send a JSON object of at most {NoteLimits.ProcessingOptionsBytes} bytes.");
        RuleFor(c => c.Body.Value.DurationSeconds).InclusiveBetween(0, 7 * 24 * 3600).OverridePropertyName("durationSeconds");
        RuleFor(c => c.Body.Value.SizeBytes).GreaterThanOrEqualTo(0).OverridePropertyName("sizeBytes");
        RuleFor(c => c.Body.Value.Transcripts).Must(t => t is null || t.Select(x => x.Engine).Distinct().Count() == t.Count)
            .OverridePropertyName("transcripts").WithMessage("Send at most one transcript per engine.");
        RuleForEach(c => c.Body.Value.Transcripts).SetValidator(new TranscriptInputValidator()).OverridePropertyName("transcripts");
        if (creating)
        {
            RuleForEach(c => c.Body.Value.Transcripts).Must(t => t.Text is not null).OverridePropertyName("transcripts")
                .WithMessage("A new note's transcript needs its text.");
        }
    }
}

internal sealed class TranscriptInputValidator : AbstractValidator<TranscriptInput>
{
    public TranscriptInputValidator()
    {
        RuleFor(t => t.Engine).IsInEnum();
        RuleFor(t => t.Text).MaximumLength(NoteLimits.TranscriptLength);

        RuleFor(t => t.Language).Must(FieldRules.IsLanguageTag).WithMessage("Use a language tag such as 'en' or 'pt-BR'.");
    }
}

/// <summary>The task field rules, for create (<c>creating</c>) and update alike.</summary>
internal abstract class TaskFieldsValidator<T> : FieldsValidator<T>
    where T : ITaskFieldsCommand
{
    protected TaskFieldsValidator(bool creating)
    {
        NotNullWhenSent(c => c.Body, TaskFields.NotNullable);
        if (creating)
        {
            RuleFor(c => c.Body.Value.Description).NotEmpty().OverridePropertyName("description");
        }

        RuleFor(c => c.Body.Value.Description).Must(d => d is null || d.Trim().Length > 0).MaximumLength(NoteLimits.TaskDescriptionLength)
            .OverridePropertyName("description").WithMessage($"Describe the task in 1 to {NoteLimits.TaskDescriptionLength} characters.");
        RuleFor(c => c.Body.Value.Priority).IsInEnum().OverridePropertyName("priority");
        RuleFor(c => c.Body.Value.CommunicationType).IsInEnum().OverridePropertyName("communicationType");
        RuleFor(c => c.Body.Value.ReminderCount).InclusiveBetween(0, 10_000).OverridePropertyName("reminderCount");
        RuleFor(c => c.Body.Value.Position).InclusiveBetween(0, 1_000_000).OverridePropertyName("position");
        RuleFor(c => c.Body.Value.AssignedEntities).Must(a => a is null || a.Count <= NoteLimits.AssignedEntityCount)
            .OverridePropertyName("assignedEntities").WithMessage($"At most {NoteLimits.AssignedEntityCount} assignees.");
        RuleForEach(c => c.Body.Value.AssignedEntities).SetValidator(new AssignedEntityValidator()).OverridePropertyName("assignedEntities");
        UrlList(c => c.Body.Value.ImageUrls ?? NoUrls, "imageUrls");
        UrlList(c => c.Body.Value.DocumentUrls ?? NoUrls, "documentUrls");
        UrlList(c => c.Body.Value.ExternalLinks ?? NoUrls, "externalLinks");
    }
}
