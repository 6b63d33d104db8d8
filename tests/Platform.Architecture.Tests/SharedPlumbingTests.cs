using System.Reflection;

namespace Platform.Architecture.Tests;

/// <summary>What the shared building blocks and the gateway may carry: each only what its job needs.</summary>
public sealed class SharedPlumbingTests
{
    private static readonly string[] StoreAndBus = ["LiteDB", "MongoDB", "MassTransit", "Platform.Persistence", "Platform.Messaging"];

    [Fact]
    public void The_gateway_ships_no_store_no_bus_and_no_use_cases()
    {
        var references = TransitiveReferences(Assembly.Load("Gateway"));

        references.Should().NotContain(name => StoreAndBus.Any(name.StartsWith), "the gateway forwards; it stores nothing and hears no events");
        references.Should().NotContain(["Platform.Application", "Mediator", "FluentValidation"]);
    }

    [Fact]
    public void The_service_defaults_are_hosting_only()
    {
        var references = TransitiveReferences(Assembly.Load("ServiceDefaults"));

        references.Should().NotContain(name => StoreAndBus.Any(name.StartsWith));
        references.Should().NotContain(["Platform.Application", "Platform.Api", "Mediator", "FluentValidation", "Microsoft.AspNetCore.OpenApi"]);
    }

    /// <summary>Every assembly <paramref name="root"/> references, directly or through another (framework assemblies not followed).</summary>
    private static HashSet<string> TransitiveReferences(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(root.GetReferencedAssemblies());
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name.Name!) || IsFramework(name.Name!)) continue;
            foreach (var next in Assembly.Load(name).GetReferencedAssemblies()) pending.Push(next);
        }
        return seen;
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ||
        name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || name is "netstandard" or "mscorlib";
}
