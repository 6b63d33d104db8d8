using Platform.Domain;

namespace Tasks.Domain.Jobs;

/// <summary>Who asks to take a task of a job: the user, their country (ISO 3166 alpha-2) and their rating.</summary>
public sealed record Applicant(string UserId, string? Country, WorkerRating Rating);

/// <summary>What makes a premium worker: a rating of at least <see cref="MinRating"/> and at least <see cref="MinConfirmedTasks"/> confirmed tasks.</summary>
public sealed record PremiumBar(int MinRating = 90, int MinConfirmedTasks = 10);
