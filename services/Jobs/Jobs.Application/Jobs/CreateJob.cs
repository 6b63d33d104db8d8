using FluentValidation;
using Jobs.Application.Ports;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application;
using Platform.Application.Countries;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>
/// An employer posts a job. A devices_automation job links an existing automation. The job is paid for up front:
/// it is saved waiting for its funding (seen by nobody), Payments holds positions × (job price + the platform's fee)
/// from the employer's available balance, and only then is the job active and announced (JobCreated). A balance that
/// does not cover it refuses the post (400) and the job is deleted. Should Payments give no answer, the job is
/// abandoned (Payments hears of it and gives back anything it held) and the post fails with 503; a post that stops
/// half way is abandoned the same way by <see cref="AbandonUnfundedJobs"/>.
/// </summary>
public sealed record CreateJob(Caller Caller, JobTerms Terms) : ICommand<Result<string>>;

public sealed class CreateJobValidator : AbstractValidator<CreateJob>
{
    public CreateJobValidator()
    {
        RuleFor(x => x.Terms.Title).NotEmpty().WithMessage("title is required")
            .MaximumLength(JobRules.MaxTitleLength).WithMessage($"title must be at most {JobRules.MaxTitleLength} characters");
        RuleFor(x => x.Terms.Description).NotEmpty().WithMessage("description is required")
            .MaximumLength(JobRules.MaxTextLength).WithMessage($"description must be at most {JobRules.MaxTextLength} characters");
        RuleFor(x => x.Terms.Proof).NotEmpty().WithMessage("proof is required")
            .MaximumLength(JobRules.MaxTextLength).WithMessage($"proof must be at most {JobRules.MaxTextLength} characters");
        RuleFor(x => x.Terms.Categories).NotEmpty().WithMessage("category is required");
        RuleForEach(x => x.Terms.Categories).Must(c => JobRules.CanonicalCategory(c) is not null)
            .WithMessage((_, c) => $"category '{c}' is not one of: {string.Join(", ", JobRules.Categories)}");
        RuleFor(x => x.Terms.Positions).InclusiveBetween(JobRules.MinPositions, JobRules.MaxPositions)
            .WithMessage($"positions must be from {JobRules.MinPositions} to {JobRules.MaxPositions}");
        RuleFor(x => x.Terms.DurationDays).InclusiveBetween(JobRules.MinDurationDays, JobRules.MaxDurationDays)
            .WithMessage($"duration must be from {JobRules.MinDurationDays} to {JobRules.MaxDurationDays} days");
        RuleFor(x => x.Terms.DailyLimit).GreaterThanOrEqualTo(0).WithMessage("daily_limit must be 0 or more");
        RuleFor(x => x.Terms.JobPrice).GreaterThan(0).WithMessage("job_price must be greater than 0")
            .LessThanOrEqualTo(JobRules.MaxJobPrice).WithMessage($"job_price must be at most {JobRules.MaxJobPrice}")
            .Must(p => JobRules.HasAtMostDecimals(p, JobRules.MaxPriceDecimals)).WithMessage($"job_price must have at most {JobRules.MaxPriceDecimals} decimals");
        RuleFor(x => x.Terms.TargetWorkers).NotEmpty().WithMessage("Target_Workers must not be empty");
        RuleForEach(x => x.Terms.TargetWorkers).Must(t => t == JobRules.Worldwide || CountryCodes.IsValid(t))
            .WithMessage((_, t) => $"Target_Workers: '{t}' is neither an ISO 3166 alpha-2 country code nor 'worldwide'");
        RuleFor(x => x.Terms.JobType).Must(JobRules.JobTypes.Contains).WithMessage($"job_type must be one of: {string.Join(", ", JobRules.JobTypes)}");
        RuleFor(x => x.Terms.PaymentType).Must(JobRules.PaymentTypes.Contains).WithMessage($"payment_type must be one of: {string.Join(", ", JobRules.PaymentTypes)}");
        RuleFor(x => x.Terms.AutomationId).Must(id => Guid.TryParse(id, out _)).WithMessage("automation_id must be a UUID")
            .When(x => !string.IsNullOrEmpty(x.Terms.AutomationId));
        RuleFor(x => x.Terms.Vcode).MaximumLength(100).WithMessage("vcode must be at most 100 characters");
        RuleFor(x => x.Terms.Gates.MinRating).InclusiveBetween(0, JobRules.MaxRating).WithMessage($"min_rating must be from 0 to {JobRules.MaxRating}");
        RuleFor(x => x.Terms.Gates.TaskLimit).GreaterThanOrEqualTo(0).WithMessage("task_limit must be 0 or more");
        RuleForEach(x => x.Terms.Gates.AllowedWorkers).Must(ObjectIds.IsValid).WithMessage((_, id) => $"allowed_workers: '{id}' is not a user id");
        RuleForEach(x => x.Terms.Gates.WorkerInvites).Must(ObjectIds.IsValid).WithMessage((_, id) => $"Worker_Invites: '{id}' is not a user id");
        RuleFor(x => x.Terms.Gates.Files).Must(files => files.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == files.Count)
            .WithMessage("files: each file needs a name of its own");
        RuleForEach(x => x.Terms.Gates.Files).ChildRules(file =>
        {
            file.RuleFor(f => f.Name).NotEmpty().WithMessage("files: a file needs a name")
                .MaximumLength(JobRules.MaxProofFileNameLength).WithMessage($"files: a file name is at most {JobRules.MaxProofFileNameLength} characters");
            file.RuleFor(f => f.Types).NotEmpty().WithMessage("files: a file needs at least one media type");
            file.RuleForEach(f => f.Types).Must(JobRules.IsMediaTypePattern).WithMessage((_, t) => $"files: '{t}' is not a media type such as image/png or image/*");
        });
    }
}

public sealed class CreateJobHandler(IJobRepository jobs, IAutomationRepository automations, IJobFunding funding, TimeProvider clock)
    : ICommandHandler<CreateJob, Result<string>>
{
    public async ValueTask<Result<string>> Handle(CreateJob command, CancellationToken cancellationToken)
    {
        var terms = Normalize(command.Terms);
        Automation? automation = null;
        if (terms.AutomationId is not null && (automation = await automations.GetAsync(terms.AutomationId, cancellationToken)) is null)
            return Error.Validation("automation_id does not exist");

        var owner = new JobOwner(command.Caller.UserId, command.Caller.Name, command.Caller.Country);
        var job = Job.Post(ObjectIds.New(), owner, terms, automation, clock.GetUtcNow().UtcDateTime);
        await jobs.AddAsync(job, cancellationToken);

        var answer = await funding.FundAsync(job.Id, terms.Positions, terms.JobPrice, cancellationToken);
        switch (answer.Status)
        {
            case FundingStatus.Funded:
                job.MarkFunded(answer.Charged, automation);
                // Refused only when the funding sweep abandoned the post meanwhile (Payments then gives the money back).
                if (await jobs.TrySaveAsync(job, CancellationToken.None)) return job.Id;
                return Error.Unavailable("The job took too long to fund and was abandoned; nothing was charged. Try again.");
            case FundingStatus.Refused:
                await jobs.DeleteAsync(job.Id, CancellationToken.None);
                return Error.Validation(answer.Reason ?? "Insufficient balance to fund this job");
            default:
                job.AbandonFunding();
                await jobs.SaveAsync(job, CancellationToken.None);
                return Error.Unavailable("The job could not be funded just now (the payments service did not answer); nothing was charged. Try again.");
        }
    }

    private static JobTerms Normalize(JobTerms terms) => terms with
    {
        Title = terms.Title.Trim(),
        Categories = terms.Categories.Select(c => JobRules.CanonicalCategory(c)!).Distinct().ToList(),
        TargetWorkers = terms.TargetWorkers.Select(t => t == JobRules.Worldwide ? t : CountryCodes.Normalize(t)).Distinct().ToList(),
        AutomationId = string.IsNullOrEmpty(terms.AutomationId) ? null : Guid.Parse(terms.AutomationId).ToString(),
        Gates = terms.Gates with
        {
            AllowedWorkers = terms.Gates.AllowedWorkers.Select(id => id.ToLowerInvariant()).Distinct().ToList(),
            WorkerInvites = terms.Gates.WorkerInvites.Select(id => id.ToLowerInvariant()).Distinct().ToList(),
            Files = terms.Gates.Files.Select(f => f with { Types = f.Types.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList() }).ToList(),
        },
    };
}
