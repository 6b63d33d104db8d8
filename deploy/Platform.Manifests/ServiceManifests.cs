using System.Globalization;
using System.Text;
using Platform.Topology;

namespace Platform.Manifests;

/// <summary>
/// The Kubernetes side of the one list of services: each service's Service and Deployment rendered from
/// deploy/k8s/templates/service.yaml, and the service-discovery entries every process reads (the Aspire convention
/// services__name__http__0), into deploy/k8s/base/services.yaml.
/// </summary>
public static class ServiceManifests
{
    public const string TemplatePath = "deploy/k8s/templates/service.yaml";
    public const string OutputPath = "deploy/k8s/base/services.yaml";

    public static string Render(string template, IEnumerable<PlatformService> services)
    {
        var list = services.ToList();
        var output = new StringBuilder()
            .Append("# Rendered by `./platform manifests` from ").Append(TemplatePath)
            .Append(" and shared/Platform.Topology; do not edit.\n");
        foreach (var service in list)
        {
            output.Append("---\n").Append(Sections(template, "volume", service.DataVolumeSize is not null)
                .Replace("{{name}}", service.Name, StringComparison.Ordinal)
                .Replace("{{volumeSize}}", service.DataVolumeSize ?? string.Empty, StringComparison.Ordinal)
                .Replace("{{folder}}", service.Folder, StringComparison.Ordinal)
                .Replace("{{store}}", service.StoreName, StringComparison.Ordinal)
                .Replace("{{maxRequestBodyBytes}}", service.MaxRequestBodyBytes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            if (!template.EndsWith('\n')) output.Append('\n');
        }
        output.Append("---\n")
            .Append("# Where each service answers, for service discovery in every process (gateway and services).\n")
            .Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: platform-services\ndata:\n");
        foreach (var service in list)
            output.Append("  services__").Append(service.Name).Append("__http__0: http://").Append(service.Name).Append('\n');
        return output.ToString();
    }

    /// <summary>Keeps the lines between {{#section}} and {{/section}} when <paramref name="keep"/>, else drops them; the markers go either way.</summary>
    private static string Sections(string template, string section, bool keep)
    {
        var lines = new List<string>();
        var inside = false;
        foreach (var line in template.Split('\n'))
        {
            if (line.Trim() == $"{{{{#{section}}}}}") { inside = true; continue; }
            if (line.Trim() == $"{{{{/{section}}}}}") { inside = false; continue; }
            if (!inside || keep) lines.Add(line);
        }
        return string.Join('\n', lines);
    }
}
