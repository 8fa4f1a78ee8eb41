using Ardalis.Specification;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Modules.AudioProcessing.Application.Common;

/// <summary>A job by id, read only as the queue changes it in SQL; jobs have no owner, so users reach one only through their recording.</summary>
internal sealed class JobById : Specification<JobRecord>
{
    public JobById(Guid id) => Query.Where(j => j.Id == id).AsNoTracking();
}

/// <summary>A job by id while it is pending or processing: a recording with one is not queued again.</summary>
internal sealed class UnfinishedJobById : Specification<JobRecord>
{
    public UnfinishedJobById(Guid id) => Query.Where(j => j.Id == id && (j.Status == JobStatus.Pending || j.Status == JobStatus.Processing));
}
