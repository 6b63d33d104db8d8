using Platform.Manifests;
using Platform.Topology;

// Usage: dotnet run --project deploy/Platform.Manifests [repository root]
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var template = await File.ReadAllTextAsync(Path.Combine(root, ServiceManifests.TemplatePath));
await File.WriteAllTextAsync(Path.Combine(root, ServiceManifests.OutputPath), ServiceManifests.Render(template, PlatformServices.All));
Console.WriteLine($"wrote {ServiceManifests.OutputPath} ({PlatformServices.All.Count} services)");
