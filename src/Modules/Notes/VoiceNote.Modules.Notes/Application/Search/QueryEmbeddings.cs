using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Embeddings;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Notes.Application.Common;

namespace VoiceNote.Modules.Notes.Application.Search;

/// <summary>
/// Query vectors for search by meaning: cached briefly per (user, model, text), so paging through
/// results or retyping a query costs nothing, and rate-limited per user, so nobody can turn the search
/// box into a free embedding service on the operator's key.
/// </summary>
internal sealed class QueryEmbeddings : IDisposable
{
    private readonly IMemoryCache _cache;
    private readonly NotesSearchOptions _options;
    private readonly PartitionedRateLimiter<Guid> _limiter;

    public QueryEmbeddings(IMemoryCache cache, IOptions<NotesSearchOptions> options)
    {
        _cache = cache;
        _options = options.Value;
        var perMinute = Math.Max(1, _options.QueryEmbeddingsPerMinute);
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <exception cref="EmbeddingUnavailableException">the provider failed</exception>
    public async Task<Result<float[]>> GetAsync(IEmbeddingGenerator generator, UserId user, string query, CancellationToken cancellationToken)
    {
        var key = (nameof(QueryEmbeddings), user.Value, generator.Model, query.Trim().ToLowerInvariant());
        if (_cache.TryGetValue(key, out float[]? cached) && cached is not null)
        {
            return cached;
        }

        using var lease = _limiter.AttemptAcquire(user.Value);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
            return NotesErrors.SearchRateLimited(retryAfter);
        }

        var vector = await generator.GenerateAsync(query, user, cancellationToken);
        _cache.Set(key, vector, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.QueryEmbeddingCacheTime, Size = 1 });
        return vector;
    }

    public void Dispose() => _limiter.Dispose();
}
