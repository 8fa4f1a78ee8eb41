using System.Security.Cryptography;
using System.Text;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Notes.Domain;

/// <summary>
/// A note (docs/product.md, Notes; ADR 0020): what was said or written, what it means, and how
/// its owner keeps it. The searchable text (title, summary, transcripts) is tracked here so that every
/// change to it is noticed: <see cref="RefreshText"/> says when the note must be re-embedded.
/// </summary>
internal sealed class Note : IOwnedByUser, ICreatedOnce
{
    private Note()
    {
    }

    public Guid Id { get; private set; }

    public UserId OwnerId { get; private set; }

    /// <summary>The recording this note was made from; (owner, audio id) is unique, so pipeline events find their note.</summary>
    public Guid? AudioId { get; private set; }

    /// <summary>The Idempotency-Key the create was sent with; (owner, key) is unique, so a retry finds this note (ADR 0067).</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of that create's body, to tell a retry from another request under the same key.</summary>
    public string? IdempotencyHash { get; private set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<NoteTranscript> Transcripts { get; private set; } = [];

    /// <summary>Which engine's transcript the owner (or the pipeline) prefers; null means "the best one there is".</summary>
    public TranscriptEngine? PreferredEngine { get; set; }

    public string? AudioUrl { get; set; }

    public string? RawAudioUrl { get; set; }

    /// <summary>When the note was recorded or written.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public NotePriority Priority { get; set; } = NotePriority.Medium;

    public NoteStatus Status { get; set; } = NoteStatus.Pending;

    public bool IsPinned { get; set; }

    public bool IsLiked { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>The client encrypted the content before sending it; the server stores it as given.</summary>
    public bool IsEncrypted { get; set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public List<string> DocumentUrls { get; set; } = [];

    public List<string> Links { get; set; } = [];

    public List<KeyMoment> KeyMoments { get; set; } = [];

    /// <summary>The processing settings used: a JSON object, kept as text.</summary>
    public string? ProcessingOptions { get; set; }

    public double? DurationSeconds { get; set; }

    public long? SizeBytes { get; set; }

    public ModerationStatus ModerationStatus { get; private set; }

    public DateTimeOffset? ModeratedAt { get; private set; }

    public Guid? ModeratedBy { get; private set; }

    public string? ModerationNote { get; private set; }

    /// <summary>The analysis's reading of the recording's tone: positive, neutral, negative or mixed.</summary>
    public string? SentimentLabel { get; private set; }

    /// <summary>From -1 (negative) to 1 (positive).</summary>
    public double? SentimentScore { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every transcript's text, one after the other: the generated tsvector reads it (docs/decisions/0021).</summary>
    public string SearchTranscripts { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the text the embedding is made from; the embedding is current when <see cref="EmbeddedTextHash"/> equals it.</summary>
    public string ContentHash { get; private set; } = string.Empty;

    /// <summary>The model that made the note's passages (NotePassage); only vectors of one model are ever compared.</summary>
    public string? EmbeddingModel { get; private set; }

    public string? EmbeddedTextHash { get; private set; }

    public DateTimeOffset? EmbeddedAt { get; private set; }

    public List<NoteTask> Tasks { get; private set; } = [];

    /// <summary>The owner wrote the title (not the analysis): analysis never replaces it (docs/decisions/0075).</summary>
    public bool TitleSetByOwner { get; set; }

    /// <summary>The owner wrote the summary: analysis never replaces it.</summary>
    public bool SummarySetByOwner { get; set; }

    /// <summary>The owner chose the priority.</summary>
    public bool PrioritySetByOwner { get; set; }

    /// <summary>SHA-256 of the text last sent to analysis (or analysed by the recording's pipeline): the same text is never sent twice.</summary>
    public string? AnalysisTextHash { get; private set; }

    /// <summary>Null until text was sent to analysis; pending until its result arrived.</summary>
    public NoteAnalysisState? AnalysisState { get; private set; }

    /// <summary>The analyser that made the applied analysis ("local-rules-1", "openai-chat:gpt-4o-mini").</summary>
    public string? AnalysisEngine { get; private set; }

    /// <summary>The owner's language model the analysis was meant for, when AUTO gave way to the local rules.</summary>
    public string? AnalysisFallbackFrom { get; private set; }

    public DateTimeOffset? AnalysedAt { get; private set; }

    /// <summary>
    /// What analysis reads: the preferred transcript, else the summary or the title the owner typed. Never what
    /// the analysis itself wrote, so applying an analysis cannot ask for another one.
    /// </summary>
    public string AnalysisText()
    {
        if (PreferredTranscript is { } transcript && !string.IsNullOrWhiteSpace(transcript.Text))
        {
            return transcript.Text.Trim();
        }

        return SummarySetByOwner && !string.IsNullOrWhiteSpace(Summary) ? Summary.Trim()
            : TitleSetByOwner && !string.IsNullOrWhiteSpace(Title) ? Title.Trim()
            : string.Empty;
    }

    /// <summary>Marks <paramref name="textHash"/> as sent to analysis; false when it already was (nothing to do).</summary>
    public bool RequestAnalysis(string textHash)
    {
        if (textHash == AnalysisTextHash)
        {
            return false;
        }

        AnalysisTextHash = textHash;
        AnalysisState = NoteAnalysisState.Pending;
        return true;
    }

    /// <summary>Text analysed elsewhere (a recording's pipeline): an owner's edit that keeps it sends nothing.</summary>
    public void RememberAnalysedText(string textHash) => AnalysisTextHash = textHash;

    /// <summary>The pipeline analyses a recording's transcript itself: remember its text so an edit elsewhere does not send it again.</summary>
    public void AnalysedByPipeline(string textHash, string? engine, DateTimeOffset now)
    {
        AnalysisTextHash = textHash;
        AnalysisState = NoteAnalysisState.Analysed;
        AnalysisEngine = engine ?? AnalysisEngine;
        AnalysisFallbackFrom = null;
        AnalysedAt = now;
    }

    public void Analysed(string engine, string? fallbackFrom, DateTimeOffset now)
    {
        AnalysisState = NoteAnalysisState.Analysed;
        AnalysisEngine = engine;
        AnalysisFallbackFrom = fallbackFrom;
        AnalysedAt = now;
    }

    public void RememberCreate(string idempotencyKey, string bodyHash)
    {
        IdempotencyKey = idempotencyKey;
        IdempotencyHash = bodyHash;
    }

    public static Note Create(UserId owner, DateTimeOffset now, DateTimeOffset? recordedAt = null, Guid? audioId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        OwnerId = owner,
        AudioId = audioId,
        RecordedAt = recordedAt ?? now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public NoteTranscript? PreferredTranscript =>
        (PreferredEngine is { } engine ? Transcripts.FirstOrDefault(t => t.Engine == engine) : null)
        ?? Transcripts.OrderBy(t => EngineRank(t.Engine)).FirstOrDefault();

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    public void SetTranscript(TranscriptEngine engine, string text, string? language, DateTimeOffset now)
    {
        var existing = Transcripts.FirstOrDefault(t => t.Engine == engine);
        if (existing is null)
        {
            Transcripts.Add(new NoteTranscript(Id, OwnerId, engine, text, language, now));
        }
        else if (existing.Text != text || existing.Language != language)
        {
            existing.Update(text, language, now);
        }
    }

    public void RemoveTranscript(TranscriptEngine engine)
    {
        Transcripts.RemoveAll(t => t.Engine == engine);
        if (PreferredEngine == engine)
        {
            PreferredEngine = null;
        }
    }

    public void SoftDelete(DateTimeOffset now)
    {
        if (!IsDeleted)
        {
            IsDeleted = true;
            DeletedAt = now;
            UpdatedAt = now;
        }
    }

    public void Restore(DateTimeOffset now)
    {
        if (IsDeleted)
        {
            IsDeleted = false;
            DeletedAt = null;
            UpdatedAt = now;
        }
    }

    public void SetSentiment(string? label, double? score)
    {
        SentimentLabel = label;
        SentimentScore = score;
    }

    public void Moderate(ModerationStatus status, string? note, Guid moderator, DateTimeOffset now)
    {
        ModerationStatus = status;
        ModerationNote = note;
        ModeratedBy = moderator;
        ModeratedAt = now;
    }

    /// <summary>
    /// Recomputes the denormalised search text and the content hash after any change to title,
    /// summary or transcripts. Returns true when the embedded text changed, i.e. the note needs a new embedding.
    /// </summary>
    public bool RefreshText()
    {
        SearchTranscripts = string.Join("\n\n", Transcripts.OrderBy(t => EngineRank(t.Engine)).Select(t => t.Text));
        var hash = Hash(EmbeddingText());
        if (hash == ContentHash)
        {
            return false;
        }

        ContentHash = hash;
        return true;
    }

    /// <summary>The text an embedding of this note is made from: title, summary and the preferred transcript.</summary>
    public string EmbeddingText() =>
        string.Join("\n", new[] { Title, Summary, PreferredTranscript?.Text }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Without a stated preference: the engines most likely to be accurate first.</summary>
    private static int EngineRank(TranscriptEngine engine) => engine switch
    {
        TranscriptEngine.Deepgram => 0,
        TranscriptEngine.OpenAi => 1,
        TranscriptEngine.Groq => 2,
        TranscriptEngine.Local => 3,
        TranscriptEngine.Android => 4,
        _ => 9,
    };
}

/// <summary>One engine's transcript of a note (one row per engine, not a column per engine: ADR 0020).</summary>
internal sealed class NoteTranscript : IOwnedByUser
{
    private NoteTranscript()
    {
    }

    public NoteTranscript(Guid noteId, UserId ownerId, TranscriptEngine engine, string text, string? language, DateTimeOffset now)
    {
        NoteId = noteId;
        OwnerId = ownerId;
        Engine = engine;
        Text = text;
        Language = language;
        UpdatedAt = now;
    }

    public Guid NoteId { get; private set; }

    public UserId OwnerId { get; private set; }

    public TranscriptEngine Engine { get; private set; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>A BCP 47 tag such as "en" or "pt-BR".</summary>
    public string? Language { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(string text, string? language, DateTimeOffset now)
    {
        Text = text;
        Language = language;
        UpdatedAt = now;
    }
}
