using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Platform.Contracts.Jobs;

namespace Tasks.Api.Tests;

/// <summary>
/// A large JSON body (a submission's proof files) is read only with a turn of the process's large-body gate, held until
/// it is answered, so three maximal submissions at once can't hold three times their size: the next waits, or past the
/// wait is told to come back (429, Retry-After) before its body is read. Small bodies never wait.
/// </summary>
public sealed class LargeSubmissionTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[200 * 1024]];
    private readonly GatedTasks _api = new();

    public void Dispose() => _api.Dispose();

    /// <summary>Tasks whose bodies over 64 KiB are large, one at a time, waiting half a second at most.</summary>
    private sealed class GatedTasks : TasksApi
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Http:LargeBodies:Bytes", "65536");
            builder.UseSetting("Http:LargeBodies:AtOnce", "1");
            builder.UseSetting("Http:LargeBodies:Wait", "00:00:00.500");
        }
    }

    private static byte[] Submission(string jobId, byte[] file) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["job_id"] = jobId,
        ["job_proof"] = "done",
        ["proof_files_base64"] = new JsonArray(new JsonObject { ["fieldName"] = "screenshot", ["fileName"] = "shot.png", ["base64"] = Convert.ToBase64String(file) }),
    }.ToJsonString());

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Fact]
    public async Task A_large_submission_waits_for_the_one_in_progress_or_is_told_to_come_back_and_small_ones_never_wait()
    {
        var job = await _api.PostJobAsync(TasksApi.NewId(), j => j with { FewTimes = true, Files = [new JobProofFile("screenshot", false, ["image/png"])] });
        var large = Submission(job, Png);
        // The first large submission holds its turn while Storage takes its time with the file.
        _api.ProofFiles.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _api.ClientFor(TasksApi.NewId()).PostAsync("/api/v1/tasks/submit", Json(large));
        await _api.ProofFiles.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        HttpResponseMessage refused, small;
        try
        {
            // Without the gate the second large one would wait in Storage behind the first: bounded, so that it fails.
            refused = await _api.ClientFor(TasksApi.NewId()).PostAsync("/api/v1/tasks/submit", Json(large)).WaitAsync(TimeSpan.FromSeconds(30));
            small = await _api.ClientFor(TasksApi.NewId())
                .PostAsync("/api/v1/tasks/submit", Json(Encoding.UTF8.GetBytes($$"""{"job_id":"{{job}}","job_proof":"done"}"""))).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _api.ProofFiles.Hold.TrySetResult();
            _api.ProofFiles.Hold = null;
        }

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the one turn is taken for longer than the wait");
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadAsStringAsync()).Should().Contain(Platform.Api.Binding.LargeBodyGate.Busy);
        small.StatusCode.Should().Be(HttpStatusCode.Created, "a small body takes no turn");
        (await first).StatusCode.Should().Be(HttpStatusCode.Created, "the first finishes with its turn");
        (await _api.ClientFor(TasksApi.NewId()).PostAsync("/api/v1/tasks/submit", Json(large))).StatusCode
            .Should().Be(HttpStatusCode.Created, "its turn came back when it was answered");
    }
}
