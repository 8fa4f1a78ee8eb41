namespace VoiceNote.Modules.Exports.Domain;

/// <summary>What an export is made of: one note, one recording's note, a case, or everything the requester owns.</summary>
internal enum ExportSource
{
    Note,
    Recording,
    Case,
    Account,
}

/// <summary>How an export ended.</summary>
internal enum ExportOutcome
{
    Completed,
    Failed,
    Cancelled,
}

/// <summary>
/// A file written for its requester (docs/product.md, Exports; docs/decisions/0083). Its status, stage, progress and
/// error are its job's (<c>exports.jobs</c>, the same id), so the queue's leases, retries, cancellation and change
/// notifications serve it as they serve recordings. The row says what to write and, once written, where the file is
/// and until when it is kept.
/// </summary>
internal sealed class Export
{
    private Export()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    /// <summary>The format's API name (<c>pdf_summary</c>, <c>srt</c>, <c>account</c>, …).</summary>
    public string Format { get; private set; } = string.Empty;

    public ExportSource Source { get; private set; }

    /// <summary>The note, recording or case; null for an account export.</summary>
    public Guid? SourceId { get; private set; }

    /// <summary>The download's file name, chosen when the file is written (the source's title, sanitised).</summary>
    public string? FileName { get; private set; }

    /// <summary>The file's key under the storage root; null until it is written.</summary>
    public string? StorageKey { get; private set; }

    public long? SizeBytes { get; private set; }

    /// <summary>SHA-256 of the file (lower-case hex), as written.</summary>
    public string? Sha256 { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>
    /// How it ended (completed, failed or cancelled); null while its job may still run. Kept here because the queue
    /// forgets finished jobs after 12 hours and an export is kept for 24.
    /// </summary>
    public ExportOutcome? Outcome { get; private set; }

    /// <summary>Why it failed, in words for its requester.</summary>
    public string? Error { get; private set; }

    /// <summary>When the sweep removes the file and the row: retention after completion or failure.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public static Export Request(Guid id, Guid ownerId, string format, ExportSource source, Guid? sourceId, DateTimeOffset now, TimeSpan retention) => new()
    {
        Id = id,
        OwnerId = ownerId,
        Format = format,
        Source = source,
        SourceId = sourceId,
        CreatedAt = now,
        ExpiresAt = now + retention,
    };

    public void Written(string fileName, string storageKey, long sizeBytes, string sha256, DateTimeOffset now, TimeSpan retention)
    {
        FileName = fileName;
        StorageKey = storageKey;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        CompletedAt = now;
        Outcome = ExportOutcome.Completed;
        ExpiresAt = now + retention;
    }

    /// <summary>A failed or cancelled export is kept as long as a written one, so its requester can read why.</summary>
    public void Ended(ExportOutcome outcome, string? error, DateTimeOffset now, TimeSpan retention)
    {
        Outcome = outcome;
        Error = error;
        ExpiresAt = now + retention;
    }
}
