using Ardalis.Specification;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Modules.AudioProcessing.Application.Admin.ListAudioJobs;

/// <summary>Every user's processing jobs, or those of one status: what the admin list's total counts.</summary>
internal sealed class AllAudioJobs : Specification<JobRecord>
{
    public AllAudioJobs(JobStatus? status) => Query.OfStatus(status);
}

/// <summary>One offset page of <see cref="AllAudioJobs"/>, most recently changed first.</summary>
internal sealed class AllAudioJobsPage : Specification<JobRecord>
{
    public AllAudioJobsPage(JobStatus? status, int skip, int take)
    {
        Query.OfStatus(status).OrderByDescending(j => j.UpdatedAt).ThenBy(j => j.Id);
        Query.Skip(skip).Take(take);
    }
}

internal static class AudioJobListing
{
    /// <summary>The jobs of one status, or all when none is given.</summary>
    public static ISpecificationBuilder<JobRecord> OfStatus(this ISpecificationBuilder<JobRecord> query, JobStatus? status)
    {
        if (status is { } wanted)
        {
            query.Where(j => j.Status == wanted);
        }

        return query;
    }
}
