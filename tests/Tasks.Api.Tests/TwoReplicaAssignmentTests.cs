using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Persistence;

namespace Tasks.Api.Tests;

/// <summary>
/// Two replicas of Tasks on one database, as a deployment with two pods runs: the assignment engine's claims are
/// conditional writes in the store, so no in-process lock is what keeps a device to one task or a planned task to one
/// device. Agents poll both replicas at once while both replicas' sweeps run.
/// </summary>
public sealed class TwoReplicaAssignmentTests : IDisposable
{
    private readonly TasksApi _first = new();
    private readonly TasksApi _second;

    public TwoReplicaAssignmentTests()
    {
        _first.CreateClient().Dispose();
        _second = new TasksApi { SharedStore = _first.Services.GetRequiredService<IDocumentStore>() };
        _second.CreateClient().Dispose();
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task Agents_polling_two_replicas_at_once_get_each_planned_task_once_and_one_task_per_device()
    {
        var employer = TasksApi.NewId();
        var automation = Guid.NewGuid().ToString();
        var job = await _first.PostJobAsync(employer, j => j with { JobType = "devices_automation", AutomationId = automation, Positions = 30 });
        var devices = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var device in devices) await _first.PublishDeviceAsync(device, employer, 1);
        var plan = await _first.ClientFor(employer).PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks",
            new JsonObject { ["inputs"] = new JsonArray(Enumerable.Range(0, 30).Select(i => (JsonNode)$"input {i}").ToArray()) });
        plan.StatusCode.Should().Be(HttpStatusCode.OK);

        // Each device polls each replica at once.
        var polls = await Task.WhenAll(devices.SelectMany(d => new[] { (d, _first), (d, _second) }).Select(async p =>
        {
            var response = await p.Item2.AgentClientFor(employer, p.d).GetAsync("/api/v1/agent/assignment");
            response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
            return (Device: p.d, Assignment: response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null);
        }));

        var given = polls.Where(p => p.Assignment is not null)
            .Select(p => (p.Device, Task: p.Assignment!["job_task_id"]!.GetValue<string>(), Planned: p.Assignment["planned_task_id"]!.GetValue<string>()))
            .Distinct().ToList();
        given.GroupBy(g => g.Device).Should().OnlyContain(g => g.Select(x => x.Task).Distinct().Count() == 1, "a device runs one task at a time");
        given.GroupBy(g => g.Planned).Should().OnlyContain(g => g.Select(x => x.Task).Distinct().Count() == 1, "a planned task goes to one device");
        JsonArray tasks = [];
        await Platform.Testing.Eventually.HoldsAsync(async () =>
            (tasks = (await _first.ClientFor(employer).GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/applicants?limit=100"))!["job_tasks"]!.AsArray()).Count >= 24,
            "every free device runs a task");
        await Task.Delay(500);
        tasks = (await _first.ClientFor(employer).GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/applicants?limit=100"))!["job_tasks"]!.AsArray();
        var running = tasks.Select(t => (Device: t!["remote_device_id"]!.GetValue<string>(), Planned: t["planned_task_id"]!.GetValue<string>())).ToList();
        running.Should().HaveCount(24, "24 free devices, 30 waiting tasks: every device runs one");
        running.Select(r => r.Device).Should().OnlyHaveUniqueItems();
        running.Select(r => r.Planned).Should().OnlyHaveUniqueItems();
    }
}
