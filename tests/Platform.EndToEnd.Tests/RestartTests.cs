using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_loses_nothing_users_jobs_money_and_the_signing_key_survive()
    {
        var first = PlatformInstance.Create();
        User employer;
        string jobId;
        try
        {
            await first.StartAsync();
            employer = await first.RegisterAsync("Durable");
            await employer.DepositAsync(1m);
            var created = await employer.Client.PostAsJsonAsync("/api/v1/jobs", new
            {
                title = "Survives a restart", category = "Other", description = "d", proof = "p", duration = 1, positions = 1, job_price = 0.1,
            });
            jobId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
            (await employer.BalanceAsync()).Should().Be((1m, 0.89m, 0m), "the job's 0.11 is held");
            await employer.Client.PatchAsJsonAsync($"/api/v1/jobs/{jobId}/status", new { status = "inactive" });
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = PlatformInstance.Create(first.DataDirectory, first.GatewayPort, first.RabbitPort);
        try
        {
            await second.StartAsync();
            // The old token still validates (same key), and a new one can be had with the same client credentials.
            var job = await employer.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}");
            job!["status"]!.GetValue<string>().Should().Be("inactive");
            await employer.SignInAsync(second);
            (await employer.Client.GetFromJsonAsync<JsonObject>("/api/v1/users/me"))!["email"]!.GetValue<string>().Should().Be(employer.Email);
            var again = await second.Gateway.PostAsJsonAsync("/api/v1/auth/register", new { email = employer.Email, password = "another password", name = "X", country = "US" });
            again.StatusCode.Should().Be(HttpStatusCode.Conflict);
            await Platform.Testing.Eventually.HoldsAsync(async () => await employer.BalanceAsync() == (1m, 1m, 0m),
                "the money survived, and the switched-off job's hold came back (its event waited out the restart if need be)");
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteData();
        }
    }
}
