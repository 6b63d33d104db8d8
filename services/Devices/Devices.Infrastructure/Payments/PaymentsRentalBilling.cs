using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Devices.Application.Ports;
using Devices.Domain.Devices;
using Microsoft.Extensions.Logging;

namespace Devices.Infrastructure.Payments;

/// <summary>
/// Rental billing in the Payments service, through its internal route (never routed by the gateway), with the renter's
/// token (Platform.Api's ForwardedAuthorization). 200: opened, the first hour paid; 400: refused, with Payments' reason;
/// anything else, or no answer within <see cref="Timeout"/>: unknown.
/// </summary>
public sealed partial class PaymentsRentalBilling(HttpClient http, ILogger<PaymentsRentalBilling> logger) : IRentalBilling
{
    public const string Path = "/internal/rentals";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<RentalBillingAnswer> OpenAsync(Device device, DeviceRental rental, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(Path, new
            {
                rental_id = rental.RentalId, remote_device_id = device.Id, owner_id = device.OwnerId, hourly_rate = rental.HourlyRate,
                started_at = DateTime.SpecifyKind(rental.StartedAt, DateTimeKind.Utc).ToString("O"),
            }, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return new RentalBillingAnswer(RentalBillingStatus.Opened);
                case HttpStatusCode.BadRequest:
                    return new RentalBillingAnswer(RentalBillingStatus.Refused, (await ReadAsync(response, cancellationToken))?["error"]?.GetValue<string>());
                default:
                    LogNoAnswer(rental.RentalId, (int)response.StatusCode);
                    return new RentalBillingAnswer(RentalBillingStatus.Unknown);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(rental.RentalId, e.Message);
            return new RentalBillingAnswer(RentalBillingStatus.Unknown);
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments answered {StatusCode} to opening the billing of rental {RentalId}")]
    private partial void LogNoAnswer(string rentalId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments could not be asked to open the billing of rental {RentalId}: {Reason}")]
    private partial void LogUnreachable(string rentalId, string reason);
}
