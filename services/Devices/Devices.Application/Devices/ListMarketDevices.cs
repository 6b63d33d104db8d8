using Devices.Application.Ports;
using Devices.Domain.Devices;
using Mediator;
using Platform.Application.Countries;
using Platform.Application.Paging;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>
/// Route 21: online devices on the market with action payment (the reference's list), optionally of one country, sorted
/// by country. With <paramref name="PaymentType"/> live: the devices for rent by the hour (route 59), rented ones left out.
/// </summary>
public sealed record ListMarketDevices(string? Country, SortDirection Direction, DevicePaymentType PaymentType = DevicePaymentType.Action)
    : IQuery<Result<IReadOnlyList<Device>>>;

public sealed class ListMarketDevicesHandler(IDeviceRepository devices) : IQueryHandler<ListMarketDevices, Result<IReadOnlyList<Device>>>
{
    public async ValueTask<Result<IReadOnlyList<Device>>> Handle(ListMarketDevices query, CancellationToken cancellationToken)
    {
        if (query.Country is { } country && !CountryCodes.IsValid(country))
            return Error.Validation("country must be an ISO 3166 alpha-2 country code");
        var normalized = query.Country is null ? null : CountryCodes.Normalize(query.Country);
        return Result<IReadOnlyList<Device>>.Success(await devices.ListMarketAsync(query.PaymentType, normalized, query.Direction, cancellationToken));
    }
}
