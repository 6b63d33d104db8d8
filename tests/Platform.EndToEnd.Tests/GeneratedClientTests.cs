using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Platform.ApiClient;
using Platform.ApiClient.Api.V1.Jobs;
using Platform.ApiClient.Models;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A consumer who only has the published description: the client Kiota generates from docs/openapi.json (which the
/// gateway serves, see ApiDescriptionTests) runs the README's first session and more, through the gateway.
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class GeneratedClientTests(RunningPlatform running)
{
    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => Task.FromResult(token);
    }

    private PlatformApiClient Client(IAuthenticationProvider authentication) =>
        new(new HttpClientRequestAdapter(authentication) { BaseUrl = running.Platform.Gateway.BaseAddress!.ToString().TrimEnd('/') });

    [Fact]
    public async Task The_READMEs_first_session_runs_with_a_client_generated_from_the_published_description()
    {
        var anonymous = Client(new AnonymousAuthenticationProvider());
        var email = $"ann-{Guid.NewGuid():N}@example.com";

        var registered = await anonymous.Api.V1.Auth.Register.PostAsync(new RegisterRequest
        {
            Email = email, Password = "correct horse", Name = "Ann", Country = RegisterRequest_country.US,
        });
        var token = await anonymous.Api.V1.Auth.Token.PostAsync(new TokenRequest
        {
            GrantType = TokenRequest_grant_type.Client_credentials, ClientId = registered!.ClientId, ClientSecret = registered.ClientSecret,
        });
        token!.TokenType.Should().Be("Bearer");

        var ann = Client(new BaseBearerTokenAuthenticationProvider(new StaticToken(token.AccessToken!)));
        var tag = Guid.NewGuid().ToString("N")[..10];
        // Jobs are paid for when posted.
        var deposit = await ann.Api.V1.Payments.Deposit.PostAsync(new DepositRequest { Amount = 5 });
        deposit!.Status.Should().Be("paid");
        (await ann.Api.V1.Users.Me.Balance.GetAsync())!.ActiveBalance.Should().Be(5);
        var created = await ann.Api.V1.Jobs.PostAsync(new CreateJobRequest
        {
            Title = $"Create a Google account {tag}", Category = CreateJobRequest_category.Google, Description = "…", Proof = "The email",
            Duration = 3, Positions = 3, JobPrice = 0.06,
        });
        created!.Message.Should().Be("Job created successfully");

        var job = await ann.Api.V1.Jobs[created.JobId!].GetAsync();
        job!.Title.Should().Be($"Create a Google account {tag}");
        job.Status.Should().Be("active");
        job.JobPrice.Should().Be(0.06);
        job.Price.Should().Be("0.198", "3 × (0.06 + the 10% fee)");

        var found = await ann.Api.V1.Jobs.GetAsync(r =>
        {
            r.QueryParameters.SearchTerm = tag;
            r.QueryParameters.JobCategory = GetJob_categoryQueryParameterType.Google;
            r.QueryParameters.SortBY = GetSortBYQueryParameterType.Job_price;
            r.QueryParameters.Limit = 5;
        });
        found!.Total.Should().Be(1);
        found.Jobs!.Single().JobId.Should().Be(created.JobId);

        await ann.Api.V1.Jobs[created.JobId!].Status.PatchAsync(new ChangeJobStatusRequest { Status = ChangeJobStatusRequest_status.Inactive });
        var mine = await ann.Api.V1.Jobs.Mine.GetAsync(r => r.QueryParameters.Status = Platform.ApiClient.Api.V1.Jobs.Mine.GetStatusQueryParameterType.Inactive);
        mine!.Jobs!.Select(j => j.JobId).Should().Contain(created.JobId);

        var refused = await FluentActions.Awaiting(() => ann.Api.V1.Jobs.PostAsync(new CreateJobRequest
        {
            Title = "x", Category = CreateJobRequest_category.Google, Description = "…", Proof = "…", Duration = 0, Positions = 3, JobPrice = 0.06,
        })).Should().ThrowAsync<ApiException>();
        refused.Which.ResponseStatusCode.Should().Be(400);
    }
}
