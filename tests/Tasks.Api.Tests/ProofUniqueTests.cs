using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Tasks.Api.Tests;

/// <summary>
/// Route 4: whether a term is new among the proofs of the caller's jobs, as a whole word or anywhere. Run twice: proofs
/// written in the last seconds are searched in the store (<see cref="ProofUniqueTests"/>), older ones in the memory copy
/// (<see cref="SettledProofUniqueTests"/>, where every write has settled at once).
/// </summary>
public abstract class ProofUniqueContract(TasksApi api)
{
    private readonly string _owner = TasksApi.NewId();

    private async Task<bool> UniqueAsync(string query, string? owner = null) =>
        await api.ClientFor(owner ?? _owner).GetFromJsonAsync<bool>($"/api/v1/jobs/proof-unique?{query}");

    [Fact]
    public async Task Words_match_whole_and_case_insensitive_and_characters_match_anywhere()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 5 });
        await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job, "Signed up as Developer42 with john.doe@example.com");

        (await UniqueAsync("search=developer42&option=word")).Should().BeFalse();
        (await UniqueAsync("search=develop&option=word")).Should().BeTrue("a part of a word is no word");
        (await UniqueAsync("search=develop&option=charactor")).Should().BeFalse();
        (await UniqueAsync("search=JOHN.DOE@example.com")).Should().BeFalse("word is the default, and a phrase of words matches as a whole");
        (await UniqueAsync("search=doe@example.org")).Should().BeTrue();
        (await UniqueAsync("search=developer42", owner: TasksApi.NewId())).Should().BeTrue("only the caller's jobs are searched");
    }

    [Fact]
    public async Task Short_terms_long_proofs_and_phrases_inside_longer_words_are_judged_right()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 5 });
        var longProof = string.Concat(Enumerable.Range(0, 900).Select(i => $"{i:x4}")) + " tail-marker-zq";
        await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job, "code Q7 then signed upas well");
        await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job, longProof);

        (await UniqueAsync("search=q7&option=charactor")).Should().BeFalse("a term under three characters is searched too");
        (await UniqueAsync("search=marker-zq&option=charactor")).Should().BeFalse("the end of a long proof is read too");
        (await UniqueAsync("search=signed%20up&option=word")).Should().BeTrue("\"signed up\" stands only inside \"signed upas\"");
        (await UniqueAsync("search=signed%20up&option=charactor")).Should().BeFalse();
    }

    [Fact]
    public async Task A_replaced_or_removed_proof_is_no_longer_found()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 5 });
        var owner = api.ClientFor(_owner);
        var worker = api.ClientFor(TasksApi.NewId());
        var redo = await TasksApi.SubmitAsync(worker, job, "first wording kestrel");
        var gone = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job, "soon deleted falcon");
        (await UniqueAsync("search=kestrel")).Should().BeFalse();
        (await UniqueAsync("search=falcon&option=charactor")).Should().BeFalse();

        (await TasksApi.ReviewAsync(owner, job, "notcomplete", redo)).EnsureSuccessStatusCode();
        await TasksApi.SubmitAsync(worker, job, "second wording osprey");
        (await TasksApi.ReviewAsync(owner, job, "declined", gone)).EnsureSuccessStatusCode();
        (await owner.DeleteAsync($"/api/v1/tasks/{gone}")).EnsureSuccessStatusCode();

        (await UniqueAsync("search=osprey")).Should().BeFalse();
        (await UniqueAsync("search=kestrel")).Should().BeTrue("the proof was replaced");
        (await UniqueAsync("search=falcon&option=charactor")).Should().BeTrue("the task was deleted");
    }

    [Fact]
    public async Task Many_proofs_are_searched_whole()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 300, FewTimes = true });
        var worker = api.ClientFor(TasksApi.NewId());
        for (var i = 0; i < 250; i++) await TasksApi.SubmitAsync(worker, job, $"account number {i:D4} made");

        (await UniqueAsync("search=0000&option=word")).Should().BeFalse();
        (await UniqueAsync("search=0249&option=word")).Should().BeFalse("the last proof is searched too");
        (await UniqueAsync("search=0250&option=word")).Should().BeTrue();
        (await UniqueAsync("search=r%200249%20m&option=charactor")).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("search=")]
    [InlineData("search=x&option=exact")]
    public async Task A_missing_term_or_an_unknown_option_is_a_400(string query)
    {
        (await api.ClientFor(_owner).GetAsync($"/api/v1/jobs/proof-unique?{query}")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

public sealed class ProofUniqueTests(TasksApi api) : ProofUniqueContract(api), IClassFixture<TasksApi>;

public sealed class SettledProofUniqueTests(SettledProofsApi api) : ProofUniqueContract(api), IClassFixture<SettledProofsApi>
{
    [Fact]
    public void Proofs_settle_at_once_here() =>
        api.Services.GetRequiredService<Tasks.Infrastructure.Persistence.ProofCorpusOptions>().SettleTime.Should().Be(TimeSpan.Zero);
}

/// <summary>Tasks with no settle time for proofs: each check takes every write into the memory copy first.</summary>
public sealed class SettledProofsApi : TasksApi
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tasks:ProofCheck:SettleTime", "00:00:00");
    }
}
