using System.Net.Http.Headers;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Tasks;
using Platform.Testing;

namespace Identity.Api.Tests;

/// <summary>users/me shows the worker's rating, kept from the verdicts on their tasks that Tasks announces.</summary>
public sealed class WorkerRatingTests(IdentityApi api) : IClassFixture<IdentityApi>
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>Signs a worker up and in (Identity trusts only the tokens it issues).</summary>
    private async Task<string> RegisterAsync()
    {
        var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new JsonObject
        {
            ["email"] = $"worker-{Guid.NewGuid():N}@example.com", ["password"] = "correct horse", ["name"] = "Wes", ["country"] = "US",
        });
        var registered = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/api/v1/auth/token",
            ClientId = registered["client_id"]!.GetValue<string>(),
            ClientSecret = registered["client_secret"]!.GetValue<string>(),
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var userId = registered["user_id"]!.GetValue<string>();
        _clients[userId] = client;
        return userId;
    }

    private async Task<int> RatingAsync(string userId) =>
        (await _clients[userId].GetFromJsonAsync<JsonObject>("/api/v1/users/me"))!["rating"]!.GetValue<int>();

    private Task MoveAsync(string workerId, string task, string from, string to, Guid? messageId = null) =>
        api.Services.GetRequiredService<ITestHarness>().Bus.Publish(new TaskStatusChanged(task, "job", workerId, from, to),
            c => c.MessageId = messageId ?? NewId.NextGuid());

    [Fact]
    public async Task The_rating_is_100_before_any_review_and_then_the_confirmed_share_of_verdicts()
    {
        var worker = await RegisterAsync();
        (await RatingAsync(worker)).Should().Be(100);

        var replayed = NewId.NextGuid();
        await MoveAsync(worker, "t1", "pending", "confirmed", replayed);
        await MoveAsync(worker, "t1", "pending", "confirmed", replayed);
        await MoveAsync(worker, "t2", "pending", "notcomplete");
        await MoveAsync(worker, "t2", "notcomplete", "declined");
        await MoveAsync(worker, "t3", "pending", "declined");
        await MoveAsync(worker, "t4", "running", "pending");

        await Eventually.HoldsAsync(async () => await RatingAsync(worker) == 33, "one confirmed of three verdicts, the replay counted once");
    }

    [Fact]
    public async Task Verdicts_raced_for_one_worker_all_count()
    {
        var worker = await RegisterAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => MoveAsync(worker, $"t{i}", "pending", i < 15 ? "confirmed" : "declined")));

        await Eventually.HoldsAsync(async () => await RatingAsync(worker) == 75, "15 of 20 confirmed");
    }

    [Fact]
    public async Task Moves_that_are_no_verdict_are_acknowledged_without_an_inbox_claim()
    {
        var worker = await RegisterAsync();
        var harness = api.Services.GetRequiredService<ITestHarness>();
        var inbox = api.Services.GetRequiredService<Platform.Persistence.IDocumentStore>().Collection<Platform.Persistence.Inbox.InboxRecord>(Platform.Persistence.Inbox.Inbox.CollectionName);
        var submitted = NewId.NextGuid();
        var confirmed = NewId.NextGuid();

        await MoveAsync(worker, "t1", "running", "pending", submitted);
        await MoveAsync(worker, "t1", "pending", "confirmed", confirmed);
        await Eventually.HoldsAsync(async () => await harness.Consumed.Any<TaskStatusChanged>(m => m.Context.MessageId == submitted), "the submission was heard");

        await Eventually.HoldsAsync(async () => await inbox.FindOneAsync(Platform.Persistence.Filter.Eq(nameof(Platform.Persistence.Inbox.InboxRecord.MessageId), confirmed.ToString())) is not null,
            "the verdict was claimed");
        (await inbox.FindOneAsync(Platform.Persistence.Filter.Eq(nameof(Platform.Persistence.Inbox.InboxRecord.MessageId), submitted.ToString()))).Should().BeNull();
        (await RatingAsync(worker)).Should().Be(100);
    }

    [Fact]
    public async Task A_verdict_counted_by_a_handler_that_died_before_its_inbox_record_counts_once_when_it_comes_again()
    {
        var worker = await RegisterAsync();
        var verdict = new TaskStatusChanged("t1", "job", worker, "pending", "declined");
        // The first delivery's handler counted the verdict, then its process was killed before the inbox recorded it.
        using (var scope = api.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>()
                .Send(new Identity.Application.Users.RecordTaskVerdict(worker, "pending", "declined", verdict.EventId.ToString()))).IsSuccess.Should().BeTrue();

        await api.DeliverAsync(verdict);
        await api.DeliverAsync(new TaskStatusChanged("t2", "job", worker, "pending", "confirmed"));

        (await RatingAsync(worker)).Should().Be(50, "one declined and one confirmed: the redelivered verdict counted once");
    }
}
