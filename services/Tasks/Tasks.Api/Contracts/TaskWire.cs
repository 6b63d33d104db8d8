using Tasks.Domain.Tasks;

namespace Tasks.Api.Contracts;

/// <summary>The task statuses as the reference spells them.</summary>
public static class TaskWire
{
    public static readonly IReadOnlyList<string> Statuses = Enum.GetValues<JobTaskStatus>().Select(s => s.ToWord()).ToList();

    public static JobTaskStatus? Status(string? word) => JobTaskStatusWords.TryParseWord(word, out var status) ? status : null;
}
