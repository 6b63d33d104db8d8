using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Identity.Application.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Testing;

namespace Identity.Api.Tests;

/// <summary>
/// Identity behind the gateway, as a flood of sign-ups finds it: each client address has its own budget of sign-ups and
/// token requests (429 with Retry-After past it), the address is taken from X-Forwarded-For only when the request comes
/// from a trusted proxy, and password hashing (19 MiB of memory each) runs a bounded number at a time, a bounded number
/// waiting: the rest are refused (429), never queued without end.
/// </summary>
public sealed class SignUpLimitTests : IDisposable
{
    private readonly LimitedIdentity _api = new();

    public void Dispose() => _api.Dispose();

    /// <summary>Identity with small limits, whose requests come from the peer the test names (<see cref="TestPeer"/>; loopback by default: the gateway).</summary>
    private sealed class LimitedIdentity : ServiceFactory<Program>
    {
        public SlowHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Identity:Limits:SignUpsPerMinute", "5");
            builder.UseSetting("Identity:Limits:TokenRequestsPerMinute", "8");
            builder.UseSetting("Identity:Limits:ConcurrentPasswordHashes", "2");
            builder.UseSetting("Identity:Limits:QueuedPasswordHashes", "3");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IPasswordHasher>();
                services.AddSingleton<IPasswordHasher>(Hasher);
            });
        }
    }

    /// <summary>A password hasher the test can hold (every hash waits until it is let go), that remembers how many hashed at once.</summary>
    public sealed class SlowHasher : IPasswordHasher
    {
        private readonly ManualResetEventSlim _open = new(initialState: true);
        private int _running;
        private int _most;
        public int MostAtOnce => Volatile.Read(ref _most);

        public void Hold() => _open.Reset();

        public void LetGo() => _open.Set();

        public string Hash(string password)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _most, now);
            _open.Wait(TimeSpan.FromMinutes(1));
            Interlocked.Decrement(ref _running);
            return "$plain$" + password;
        }

        public bool Verify(string password, string hash) => hash == "$plain$" + password;

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    private Task<HttpResponseMessage> SignUpAsync(string? forwardedFor = null, string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["email"] = $"flood-{Guid.NewGuid():N}@example.com", ["password"] = "correct horse", ["name"] = "Flo", ["country"] = "US",
            }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (peer is not null) request.Headers.Add(TestPeer.Header, peer);
        return _api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Each_client_address_has_its_own_sign_up_budget_and_past_it_gets_429_with_retry_after()
    {
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) first.Add((await SignUpAsync(forwardedFor: "198.51.100.7")).StatusCode);
        var refused = await SignUpAsync(forwardedFor: "198.51.100.7");

        first.Take(5).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        first[5].Should().Be(HttpStatusCode.TooManyRequests);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Too many sign-ups from this address; try again later");
        (await SignUpAsync(forwardedFor: "198.51.100.8")).StatusCode.Should().Be(HttpStatusCode.Created, "another address has its own budget");
    }

    [Fact]
    public async Task X_forwarded_for_is_believed_only_from_a_trusted_proxy()
    {
        // Straight from the internet (not through the gateway): the header is the caller's own invention, and ignored.
        for (var i = 0; i < 5; i++)
            (await SignUpAsync(forwardedFor: $"203.0.113.{i}", peer: "192.0.2.44")).StatusCode.Should().Be(HttpStatusCode.Created);

        (await SignUpAsync(forwardedFor: "203.0.113.99", peer: "192.0.2.44")).StatusCode
            .Should().Be(HttpStatusCode.TooManyRequests, "five sign-ups came from 192.0.2.44, whatever they claimed to forward");
    }

    [Fact]
    public async Task Token_requests_have_a_budget_per_address_and_answer_429_as_oauth_errors()
    {
        var client = _api.CreateClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 9; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "cl_x", ["client_secret"] = "guess" }),
                Headers = { { "X-Forwarded-For", "198.51.100.50" } },
            };
            last = await client.SendAsync(request);
            if (i < 8) last.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a wrong guess, within the budget");
        }

        last.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter!.Delta.Should().BePositive();
        (await last.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("slow_down");
    }

    [Fact]
    public async Task Password_hashing_runs_a_bounded_number_at_once_and_refuses_what_would_wait_beyond_the_queue()
    {
        _api.Hasher.Hold();
        var signUps = Enumerable.Range(0, 20).Select(i => SignUpAsync(forwardedFor: $"198.51.100.{100 + i}")).ToList();

        // While the two hashing are held, the three waiting stay unanswered and the other fifteen are answered at once.
        var answers = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 15; i++)
            {
                var answered = await Task.WhenAny(signUps).WaitAsync(TimeSpan.FromSeconds(30));
                signUps.Remove(answered);
                answers.Add(await answered);
            }
            answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.TooManyRequests, "only two hash at once and three wait");
        }
        finally
        {
            _api.Hasher.LetGo();
        }
        answers.AddRange(await Task.WhenAll(signUps));

        _api.Hasher.MostAtOnce.Should().BeLessThanOrEqualTo(2);
        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.TooManyRequests);
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(5, "two hashing and three waiting, all answered once let go");
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Too many sign-ups at once; try again in a moment");
    }
}
