using FluentValidation;
using Platform.Application.Ids;

namespace Tasks.Application.Tasks;

/// <summary>The reference's error texts that more than one use case gives.</summary>
public static class TaskMessages
{
    public const string JobNotFound = "Job with this Id not found";
    public const string InvalidJobId = "Invalid job id";
    public const string InvalidTaskId = "Invalid task id";

    public static string PlannedTaskNotGivenOut(string id) => $"Planned task {id} exists but has no associated job task (job_task_id is null)";

    public static IRuleBuilderOptions<T, string> MustBeAJobId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(ObjectIds.IsValid).WithMessage(InvalidJobId);
}
