using Tasks.Domain.Tasks;

namespace Tasks.Infrastructure.Persistence;

public static class JobTaskMapping
{
    public static JobTask? ToDomain(JobTaskDocument? d)
    {
        if (d is null || d.Removed) return null;
        if (!JobTaskStatusWords.TryParseWord(d.Status, out var status)) throw new InvalidOperationException($"Task {d.Id} has an unknown status '{d.Status}'.");
        return JobTask.Restore(new JobTaskRecord(
            d.Id,
            new TaskJob(d.JobId, d.EmployerId, d.JobTitle, d.Pay),
            new TaskWorker(d.WorkerId, d.WorkerName, d.CountryCode, d.WorkerIp),
            d.PlannedTaskId,
            d.RemoteDeviceId,
            status,
            d.Added,
            d.Updated,
            d.Proof,
            d.Comment,
            d.ProofFiles.Select(f => new ProofFile(f.Field, f.FileName, f.MediaType, f.Size, f.StoredName)).ToList(),
            d.FailureReason,
            d.Version,
            d.DeviceOwnerShare,
            d.IsDataDump));
    }

    public static JobTaskDocument ToDocument(JobTask t) => new()
    {
        Id = t.Id,
        Version = t.Version,
        JobId = t.JobId,
        EmployerId = t.EmployerId,
        JobTitle = t.Job.Title,
        Pay = t.Pay,
        WorkerId = t.WorkerId,
        WorkerName = t.Worker.Name,
        CountryCode = t.Worker.Country,
        WorkerIp = t.Worker.Ip,
        PlannedTaskId = t.PlannedTaskId,
        RemoteDeviceId = t.RemoteDeviceId,
        Status = t.Status.ToWord(),
        // A device's task gets its proof from its agent (route 52), never from its owner's submission.
        AwaitingProofKey = t.AwaitsProof && !t.IsRemoved && t.RemoteDeviceId is null ? AwaitingProofKeyOf(t.JobId, t.WorkerId) : null,
        Added = t.Added,
        Updated = t.Updated,
        Proof = t.Proof,
        Comment = t.Comment,
        ProofFiles = t.ProofFiles.Select(f => new ProofFileDocument
        {
            Field = f.Field, FileName = f.FileName, MediaType = f.MediaType, Size = f.Size, StoredName = f.StoredName,
        }).ToList(),
        FailureReason = t.FailureReason,
        DeviceOwnerShare = t.DeviceOwnerShare,
        IsDataDump = t.IsDataDump,
        Removed = t.IsRemoved,
    };

    public static string AwaitingProofKeyOf(string jobId, string workerId) => $"{jobId}:{workerId}";

}
