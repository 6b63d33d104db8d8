using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Application.Ports;
using Jobs.Infrastructure.Payments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Ids;
using Platform.Contracts.Identity;
using Platform.Testing;

namespace Jobs.Api.Tests;

/// <summary>The Jobs service in memory, with helpers that speak its wire format. Payments' job funding is <see cref="Payments"/>.</summary>
public class JobsApi : ServiceFactory<Program>
{
    public FakePayments Payments { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(PaymentsJobFunding.ClientName).ConfigurePrimaryHttpMessageHandler(() => Payments));
    }

    public static JsonObject ValidJob(Action<JsonObject>? change = null)
    {
        var job = new JsonObject
        {
            ["title"] = "Create a Google account",
            ["category"] = "Google",
            ["description"] = "Create a Google account and keep it for a week.",
            ["proof"] = "The account's email address.",
            ["duration"] = 3,
            ["positions"] = 3,
            ["job_price"] = 0.06,
        };
        change?.Invoke(job);
        return job;
    }

    public static string NewUserId() => ObjectIds.New();

    public async Task<string> CreateJobAsync(HttpClient client, Action<JsonObject>? change = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", ValidJob(change));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
    }

    /// <summary>Tells Jobs a user exists, as Identity's UserRegistered event does, and waits until it is known.</summary>
    public async Task KnowUserAsync(string userId)
    {
        await Harness.Bus.Publish(new UserRegistered(userId, $"{userId}@example.com", "Someone", "DE", null));
        await Eventually.HoldsAsync(() => Services.GetRequiredService<Jobs.Application.Ports.IUserDirectory>().ExistsAsync(userId, CancellationToken.None),
            "the user directory learned of the user");
    }
}
