namespace Jobs.Application.Ports;

/// <summary>The users Jobs knows of (fed by Identity's UserRegistered), so that a job is shared only with someone who exists.</summary>
public interface IUserDirectory
{
    Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Adds the user unless already known: a replayed event changes nothing.</summary>
    Task AddAsync(string userId, string name, string country, CancellationToken cancellationToken);
}
