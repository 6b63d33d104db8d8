using Jobs.Application.Jobs;
using Jobs.Domain.Jobs;

namespace Jobs.Infrastructure.Persistence;

internal static class JobMapping
{
    public static JobDocument ToDocument(Job job)
    {
        var t = job.Terms;
        return new JobDocument
        {
            Id = job.Id,
            Version = job.Version,
            OwnerId = job.Owner.UserId,
            OwnerName = job.Owner.Name,
            OwnerCountry = job.Owner.Country,
            Title = t.Title,
            Categories = [.. t.Categories],
            Description = t.Description,
            Proof = t.Proof,
            IsProofFile = t.IsProofFile,
            AutoRate = t.AutoRate,
            Vcode = t.Vcode,
            TargetWorkers = [.. t.TargetWorkers],
            FewTimes = t.FewTimes,
            Premium = t.Premium,
            Featured = t.Featured,
            DurationDays = t.DurationDays,
            Positions = t.Positions,
            DailyLimit = t.DailyLimit,
            JobPrice = t.JobPrice,
            JobType = t.JobType,
            PaymentType = t.PaymentType,
            AutomationId = t.AutomationId,
            AutomationParameters = t.AutomationParameters,
            MinRating = t.Gates.MinRating,
            AllowedWorkers = [.. t.Gates.AllowedWorkers],
            WorkerInvites = [.. t.Gates.WorkerInvites],
            TaskLimit = t.Gates.TaskLimit,
            Files = t.Gates.Files.Select(f => new ProofFileDocument { Name = f.Name, Required = f.Required, Types = [.. f.Types] }).ToList(),
            Status = job.Status.ToWire(),
            Added = job.Added,
            ExpiresAt = job.ExpiresAt,
            TotalTasks = job.Counters.TotalTasks,
            TasksDone = job.Counters.TasksDone,
            TasksConfirmed = job.Counters.TasksConfirmed,
            TasksRunning = job.Counters.TasksRunning,
            TasksPending = job.Counters.TasksPending,
            // A job not posted is seen by nobody: no viewer finds it in their list.
            Viewers = job.IsPosted ? [job.Owner.UserId, .. job.Shares.Select(s => s.UserId)] : [],
            Charged = job.Charged,
            ReopenId = job.Reopening?.ReopenId,
            ReopeningSince = job.Reopening?.Since,
            Shares = job.Shares.Select(s => new JobShareDocument { UserId = s.UserId, Permission = s.Permission.ToWire() }).ToList(),
        };
    }

    public static Job? ToDomain(JobDocument? d)
    {
        if (d is null) return null;
        var status = JobWireNames.ParseStored(d.Status);
        var terms = new JobTerms(d.Title, d.Categories, d.Description, d.Proof, d.IsProofFile, d.AutoRate, d.Vcode, d.TargetWorkers,
            d.FewTimes, d.Premium, d.Featured, d.DurationDays, d.Positions, d.DailyLimit, d.JobPrice, d.JobType, d.PaymentType, d.AutomationId)
        {
            Gates = new JobGates(d.MinRating, d.AllowedWorkers, d.WorkerInvites, d.TaskLimit,
                d.Files.Select(f => new ProofFileField(f.Name, f.Required, f.Types)).ToList()),
            AutomationParameters = d.AutomationParameters,
        };
        return Job.Restore(d.Id, new JobOwner(d.OwnerId, d.OwnerName, d.OwnerCountry), terms, status, d.Added,
            new JobCounters(d.TotalTasks, d.TasksDone, d.TasksConfirmed, d.TasksRunning, d.TasksPending),
            d.Shares.Select(s => new JobShare(s.UserId, JobWireNames.ParsePermission(s.Permission))),
            d.Version, d.Charged, d.ReopenId is { } reopenId ? new JobReopening(reopenId, d.ReopeningSince ?? DateTime.MinValue) : null);
    }
}
