using Jobs.Domain.Automations;

namespace Jobs.Application.Ports;

public interface IAutomationRepository
{
    Task<Automation?> GetAsync(string automationId, CancellationToken cancellationToken);
    Task AddAsync(Automation automation, CancellationToken cancellationToken);
}
