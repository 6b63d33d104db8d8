namespace Platform.Domain;

/// <summary>
/// The root of a consistency boundary: the one object a repository reads and writes, which records the domain events
/// its changes raise until the repository has stored them.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>What this instance has recorded since it was read or last stored.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Hands the recorded events over (to the repository that stores them) and forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = _domainEvents.ToList();
        _domainEvents.Clear();
        return taken;
    }
}
