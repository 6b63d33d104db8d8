using Platform.Manifests;
using Platform.Testing;
using Platform.Topology;

namespace Platform.Architecture.Tests;

/// <summary>The Kubernetes manifests deploy exactly the services of the one list, each from the one template.</summary>
public sealed class KubernetesManifestTests
{
    [Fact]
    public void The_committed_service_manifests_are_the_ones_the_list_renders()
    {
        var template = File.ReadAllText(Repository.PathOf(ServiceManifests.TemplatePath));
        var committed = File.ReadAllText(Repository.PathOf(ServiceManifests.OutputPath));

        committed.Should().Be(ServiceManifests.Render(template, PlatformServices.All),
            "deploy/k8s/base/services.yaml is rendered from the list; run `./platform manifests` after changing the list or the template");
    }

    [Fact]
    public void Every_service_is_deployed_discoverable_and_limited_as_the_list_says()
    {
        var rendered = ServiceManifests.Render(File.ReadAllText(Repository.PathOf(ServiceManifests.TemplatePath)), PlatformServices.All);

        foreach (var service in PlatformServices.All)
        {
            rendered.Should().Contain($"kind: Deployment\nmetadata:\n  name: {service.Name}\n");
            rendered.Should().Contain($"image: platform/{service.Name}\n");
            rendered.Should().Contain($"services__{service.Name}__http__0: http://{service.Name}\n");
            rendered.Should().Contain($"value: \"{service.MaxRequestBodyBytes}\"");
        }
        foreach (var service in PlatformServices.All.Where(s => s.DataVolumeSize is not null))
        {
            rendered.Should().Contain($"claimName: {service.Name}-data");
            rendered.Should().Contain($"storage: {service.DataVolumeSize}");
        }
        rendered.Should().NotContain("{{");
        File.ReadAllText(Repository.PathOf("deploy", "k8s", "base", "kustomization.yaml")).Should().Contain("- services.yaml");
    }
}
