namespace Platform.Domain;

/// <summary>
/// Something that happened inside one aggregate, in the domain's terms. The aggregate records it as it changes; the
/// service's Application maps it to the integration events other services hear, and the repository stores those in
/// the same write as the aggregate.
/// </summary>
public interface IDomainEvent;
