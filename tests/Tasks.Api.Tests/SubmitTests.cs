using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;

namespace Tasks.Api.Tests;

/// <summary>Route 11 in manual mode: proof, job variables, proof files, automatic confirmation, and what is refused.</summary>
public sealed class SubmitTests(TasksApi api) : IClassFixture<TasksApi>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Gif = "GIF89a........"u8.ToArray();

    private readonly string _owner = TasksApi.NewId();

    private static Func<JobCreated, JobCreated> WithScreenshot(bool required = true) =>
        j => j with { Files = [new JobProofFile("screenshot", required, ["image/png", "image/jpeg"])] };

    private static object File(string field, byte[] bytes, string name = "shot.png") => new { fieldName = field, fileName = name, base64 = Convert.ToBase64String(bytes) };

    private async Task<HttpResponseMessage> PostSubmitAsync(HttpClient worker, object body) => await worker.PostAsJsonAsync("/api/v1/tasks/submit", body);

    private static async Task<string> ErrorOf(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    [Fact]
    public async Task A_job_without_planned_tasks_takes_a_submission_without_an_apply()
    {
        var job = await api.PostJobAsync(_owner);
        var workerId = TasksApi.NewId();
        await api.KnowUserAsync(workerId, "Wendy Worker", "DE");
        var worker = api.ClientFor(workerId);
        worker.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var response = await PostSubmitAsync(worker, new { job_id = job, job_proof = "my account: wendy@example.com" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["job_id"]!.GetValue<string>().Should().Be(job);
        var task = await TasksApi.TaskAsync(worker, body["job_task_id"]!.GetValue<string>());
        task["status"]!.GetValue<string>().Should().Be("pending");
        task["job_proof"]!.GetValue<string>().Should().Be("my account: wendy@example.com");
        task["worker_ip"]!.GetValue<string>().Should().Be("203.0.113.7");
        task["country_code"]!.GetValue<string>().Should().Be("DE");
        task["worker_name"]!.GetValue<string>().Should().Be("Wendy Worker");
        var taskId = task["_id"]!.GetValue<string>();
        await api.PublishedAsync<TaskSubmitted>(e => e.TaskId == taskId && e.Status == "pending" && e.Amount == 0.25m);
        (await api.PublishedAsync<TaskApplied>(e => e.TaskId == taskId)).Status.Should().Be("pending", "the task is announced once, in the status it starts in");
        api.Published<TaskStatusChanged>(e => e.TaskId == taskId).Should().BeEmpty("it never was running anywhere");
    }

    [Fact]
    public async Task A_job_with_planned_tasks_needs_an_apply_and_its_variables()
    {
        var job = await api.PostJobAsync(_owner);
        await api.ClientFor(_owner).PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks", new { inputs = new[] { """{"email":"a@example.com"}""" } });
        var worker = api.ClientFor(TasksApi.NewId());

        var withoutApply = await PostSubmitAsync(worker, new { job_id = job, job_proof = "done" });
        var variables = await TasksApi.ApplyAsync(worker, job);
        var withoutVars = await PostSubmitAsync(worker, new { job_id = job, job_proof = "done" });
        var wrongVars = await PostSubmitAsync(worker, new { job_id = job, job_proof = "done", custom_vars = new { _id = variables["_id"]!.GetValue<string>(), email = "b@example.com" } });
        var rightVars = await PostSubmitAsync(worker, new { job_id = job, job_proof = "done", custom_vars = new { _id = variables["_id"]!.GetValue<string>(), email = "a@example.com" } });

        withoutApply.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(withoutApply)).Should().Contain("apply first");
        withoutVars.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(withoutVars)).Should().Contain("custom_vars is required");
        wrongVars.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(wrongVars)).Should().Contain("don't match");
        rightVars.StatusCode.Should().Be(HttpStatusCode.Created);
        (await rightVars.Content.ReadFromJsonAsync<JsonObject>())!["job_task_id"]!.GetValue<string>().Should().Be(variables["job_task_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pending_task_cannot_be_submitted_again_until_it_is_sent_back()
    {
        var job = await api.PostJobAsync(_owner, j => j with { FewTimes = false });
        var worker = api.ClientFor(TasksApi.NewId());
        var taskId = await TasksApi.SubmitAsync(worker, job, "first try");

        var again = await PostSubmitAsync(worker, new { job_id = job, job_proof = "second try" });
        again.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the one task per worker is taken, and it waits for review");
        (await TasksApi.ReviewAsync(api.ClientFor(_owner), job, "notcomplete", taskId)).StatusCode.Should().Be(HttpStatusCode.OK);
        var redo = await PostSubmitAsync(worker, new { job_id = job, job_proof = "second try" });

        redo.StatusCode.Should().Be(HttpStatusCode.Created);
        var task = await TasksApi.TaskAsync(worker, taskId);
        task["status"]!.GetValue<string>().Should().Be("pending");
        task["job_proof"]!.GetValue<string>().Should().Be("second try");
    }

    [Fact]
    public async Task Proof_files_fill_the_jobs_fields_and_are_served_to_the_worker_and_the_owner_only()
    {
        var job = await api.PostJobAsync(_owner, WithScreenshot());
        var workerId = TasksApi.NewId();
        var worker = api.ClientFor(workerId);

        var taskId = await TasksApi.SubmitAsync(worker, job, files: [File("screenshot", Png, "../../etc/shot.png")]);

        var info = (await TasksApi.TaskAsync(worker, taskId))["proof_files_info"]!.AsArray().Single()!;
        info["name"]!.GetValue<string>().Should().Be("screenshot");
        info["file_name"]!.GetValue<string>().Should().Be("shot.png", "no folder part is kept");
        info["type"]!.GetValue<string>().Should().Be("image/png");
        info["size"]!.GetValue<long>().Should().Be(Png.Length);
        var url = info["url"]!.GetValue<string>();
        (await worker.GetByteArrayAsync(url)).Should().Equal(Png);
        (await api.ClientFor(_owner).GetByteArrayAsync(url)).Should().Equal(Png);
        (await api.ClientFor(TasksApi.NewId()).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await worker.GetAsync($"/api/v1/tasks/{taskId}/files/other")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await worker.GetAsync("/api/v1/tasks/not-an-id/files/screenshot")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await worker.GetAsync($"/api/v1/tasks/{TasksApi.NewId()}/files/screenshot")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>Every byte value, so that the base64 holds '+' and '/' (which JSON writers often escape).</summary>
    private static readonly byte[] PngOfEveryByte = [.. Png, .. Enumerable.Range(0, 512).Select(i => (byte)i)];

    public static TheoryData<string> WrittenBase64 => new()
    {
        "plain", "escaped by .NET's JSON writer", "escaped slashes", "with line breaks", "with spaces", "with \\u escapes of every character",
    };

    [Theory]
    [MemberData(nameof(WrittenBase64))]
    public async Task A_proof_file_is_stored_byte_for_byte_however_its_json_writes_the_base64(string written)
    {
        var job = await api.PostJobAsync(_owner, WithScreenshot());
        var worker = api.ClientFor(TasksApi.NewId());
        var base64 = Convert.ToBase64String(PngOfEveryByte);
        base64.Should().Contain("+").And.Contain("/");
        var text = written switch
        {
            "plain" => base64,
            "escaped by .NET's JSON writer" => System.Text.Json.JsonSerializer.Serialize(base64)[1..^1],
            "escaped slashes" => base64.Replace("/", "\\/", StringComparison.Ordinal),
            "with line breaks" => Convert.ToBase64String(PngOfEveryByte, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\\r\\n", StringComparison.Ordinal),
            "with spaces" => string.Join(' ', base64.Chunk(4).Select(c => new string(c))),
            _ => string.Concat(base64.Select(c => $"\\u{(int)c:X4}")),
        };
        var body = $$"""{"job_id":"{{job}}","job_proof":"done","proof_files_base64":[{"fieldName":"screenshot","fileName":"shot.png","base64":"{{text}}"}]}""";

        var response = await worker.PostAsync("/api/v1/tasks/submit", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var taskId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_task_id"]!.GetValue<string>();
        var url = (await TasksApi.TaskAsync(worker, taskId))["proof_files_info"]!.AsArray().Single()!["url"]!.GetValue<string>();
        (await worker.GetByteArrayAsync(url)).Should().Equal(PngOfEveryByte);
    }

    [Fact]
    public async Task A_proof_file_whose_base64_is_not_a_string_is_a_400_naming_it()
    {
        var job = await api.PostJobAsync(_owner, WithScreenshot());

        var response = await PostSubmitAsync(api.ClientFor(TasksApi.NewId()),
            new { job_id = job, job_proof = "done", proof_files_base64 = new[] { new { fieldName = "screenshot", base64 = 42 } } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).Should().Contain("proof_files_base64[0].base64 must be a string");
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "wrong type", "is image/gif; the field takes image/png, image/jpeg" },
        { "missing required", "the file 'screenshot' is required" },
        { "unknown field", "'avatar' is not one of this job's file fields (screenshot)" },
        { "not base64", "is not valid base64" },
        { "too large", "is larger than 5 MB" },
        { "twice", "is given more than once" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_proof_files_are_refused_with_a_400_naming_the_problem(string problem, string message)
    {
        var job = await api.PostJobAsync(_owner, WithScreenshot());
        object[] files = problem switch
        {
            "wrong type" => [File("screenshot", Gif)],
            "missing required" => [],
            "unknown field" => [File("screenshot", Png), File("avatar", Png)],
            "not base64" => [new { fieldName = "screenshot", fileName = "x.png", base64 = "!!not base64!!" }],
            "too large" => [File("screenshot", [.. Png, .. new byte[5 * 1024 * 1024]])],
            _ => [File("screenshot", Png), File("screenshot", Png)],
        };
        var stored = api.ProofFiles.Names.Count;

        var response = await PostSubmitAsync(api.ClientFor(TasksApi.NewId()), new { job_id = job, job_proof = "done", proof_files_base64 = files });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).Should().Contain(message);
        api.ProofFiles.Names.Count.Should().Be(stored, "nothing is stored from a refused submission");
    }

    [Fact]
    public async Task Proof_containing_the_vcode_of_an_auto_rated_job_is_confirmed_at_once_and_other_proof_waits()
    {
        var job = await api.PostJobAsync(_owner, j => j with { AutoRate = true, Vcode = "XK-42", Positions = 5 });

        var withCode = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job, "my code is xk-42, done");
        var withoutCode = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job, "done, no code");

        (await TasksApi.TaskAsync(api.ClientFor(_owner), withCode))["status"]!.GetValue<string>().Should().Be("confirmed");
        (await TasksApi.TaskAsync(api.ClientFor(_owner), withoutCode))["status"]!.GetValue<string>().Should().Be("pending");
        await api.PublishedAsync<TaskConfirmed>(e => e.TaskId == withCode);
        api.Published<TaskConfirmed>(e => e.TaskId == withoutCode).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{}", "job_id")]
    [InlineData("""{"job_id": "6b0b95bbd119066ea2b2aaaa"}""", "job_proof")]
    [InlineData("""{"job_id": "6b0b95bbd119066ea2b2aaaa", "job_proof": 5}""", "job_proof")]
    [InlineData("""{"job_id": "6b0b95bbd119066ea2b2aaaa", "job_proof": "x", "custom_vars": "nope"}""", "custom_vars")]
    [InlineData("""{"job_id": "6b0b95bbd119066ea2b2aaaa", "job_proof": "x", "proof_files_base64": [{"fileName": "a"}]}""", "fieldName")]
    public async Task A_malformed_submission_is_a_400(string body, string named)
    {
        var response = await api.ClientFor(TasksApi.NewId()).PostAsync("/api/v1/tasks/submit", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(named);
    }

    [Fact]
    public async Task Proof_longer_than_ten_thousand_characters_is_refused()
    {
        var job = await api.PostJobAsync(_owner);

        var response = await PostSubmitAsync(api.ClientFor(TasksApi.NewId()), new { job_id = job, job_proof = new string('x', 10_001) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_users_task_is_not_found()
    {
        var job = await api.PostJobAsync(_owner);
        var taskId = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job);

        var response = await api.ClientFor(TasksApi.NewId()).GetAsync($"/api/v1/tasks?task_id={taskId}");
        var malformed = await api.ClientFor(TasksApi.NewId()).GetAsync("/api/v1/tasks?task_id=nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Recent_tasks_are_the_callers_newest_first_and_paged()
    {
        var workerId = TasksApi.NewId();
        var worker = api.ClientFor(workerId);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await TasksApi.SubmitAsync(worker, await api.PostJobAsync(_owner), $"proof {i}"));
        await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), await api.PostJobAsync(_owner));

        var first = (await worker.GetFromJsonAsync<JsonObject>("/api/v1/tasks?limit=2"))!;
        var second = (await worker.GetFromJsonAsync<JsonObject>("/api/v1/tasks?limit=2&page=2"))!;

        first["total"]!.GetValue<long>().Should().Be(3);
        first["tasks"]!.AsArray().Select(t => t!["_id"]!.GetValue<string>()).Should().Equal(ids[2], ids[1]);
        second["tasks"]!.AsArray().Select(t => t!["_id"]!.GetValue<string>()).Should().Equal(ids[0]);
        (await worker.GetAsync("/api/v1/tasks?limit=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await worker.GetAsync("/api/v1/tasks?page=abc")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

/// <summary>Many submissions at once by one worker to a job they may do any number of times: each makes its own task.</summary>
public sealed class ConcurrentSubmitTests(TasksApi api) : IClassFixture<TasksApi>
{
    [Fact]
    public async Task Eighty_concurrent_submissions_by_one_worker_each_make_a_pending_task()
    {
        var owner = TasksApi.NewId();
        var job = await api.PostJobAsync(owner, j => j with { FewTimes = true, Positions = 1000 });
        var worker = api.ClientFor(TasksApi.NewId());

        var responses = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => Task.Run(() =>
            worker.PostAsJsonAsync("/api/v1/tasks/submit", new { job_id = job, job_proof = $"proof {i}" }))));

        foreach (var response in responses)
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var applicants = (await api.ClientFor(owner).GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/applicants?status=pending"))!;
        applicants["total_tasks"]!.GetValue<long>().Should().Be(80);
    }
}
