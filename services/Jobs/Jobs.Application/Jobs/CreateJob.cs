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

/// <summary>An employer posts a job; it starts active. A devices_automation job links an existing automation.</summary>
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

public sealed class CreateJobHandler(IJobRepository jobs, IAutomationRepository automations, TimeProvider clock)
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
        return job.Id;
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
