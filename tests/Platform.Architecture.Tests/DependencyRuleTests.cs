using System.Reflection;
using NetArchTest.Rules;
using Platform.Topology;

namespace Platform.Architecture.Tests;

/// <summary>The dependency rule of every service: Domain depends on nothing, Application on Domain, Infrastructure on Application.</summary>
public sealed class DependencyRuleTests
{
    /// <summary>Every service of the one list (shared/Platform.Topology), by folder.</summary>
    public static TheoryData<string> Services => new(PlatformServices.All.Select(s => s.Folder));

    private static Assembly Layer(string service, string layer) => Assembly.Load($"{service}.{layer}");

    [Theory]
    [MemberData(nameof(Services))]
    public void The_domain_depends_on_no_other_layer_and_no_framework(string service)
    {
        var result = Types.InAssembly(Layer(service, "Domain")).ShouldNot()
            .HaveDependencyOnAny($"{service}.Application", $"{service}.Infrastructure", $"{service}.Api",
                "Platform.Persistence", "Platform.Messaging", "MassTransit", "LiteDB", "MongoDB", "Microsoft.AspNetCore", "Mediator")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_domain_references_nothing_but_the_BCL_and_the_shared_kernel(string service)
    {
        var references = Layer(service, "Domain").GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard" && name != "mscorlib");

        references.Should().BeSubsetOf(["Platform.Domain"]);
        Assembly.Load("Platform.Domain").GetReferencedAssemblies().Select(a => a.Name!)
            .Should().OnlyContain(name => name.StartsWith("System", StringComparison.Ordinal), "the shared kernel is BCL only");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_use_cases_reference_no_asp_net_core(string service)
    {
        foreach (var assembly in new[] { Layer(service, "Application"), Assembly.Load("Platform.Application") })
            assembly.GetReferencedAssemblies().Select(a => a.Name!).Should().NotContain(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal),
                $"{assembly.GetName().Name} is a use-case layer");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_use_cases_know_no_infrastructure_or_web(string service)
    {
        var result = Types.InAssembly(Layer(service, "Application")).ShouldNot()
            .HaveDependencyOnAny($"{service}.Infrastructure", $"{service}.Api",
                "Platform.Persistence", "Platform.Messaging", "MassTransit", "LiteDB", "MongoDB", "Microsoft.AspNetCore")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Infrastructure_does_not_reach_into_the_web_layer(string service)
    {
        var result = Types.InAssembly(Layer(service, "Infrastructure")).ShouldNot()
            .HaveDependencyOnAny($"{service}.Api", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Endpoints_use_no_infrastructure_only_the_composition_root_does(string service)
    {
        var result = Types.InAssembly(Layer(service, "Api")).That().ResideInNamespace($"{service}.Api.Endpoints")
            .ShouldNot().HaveDependencyOnAny($"{service}.Infrastructure", "Platform.Persistence", "Platform.Messaging", "MassTransit", "LiteDB", "MongoDB")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_references_no_other_service(string service)
    {
        var others = PlatformServices.All.Select(s => s.Folder).Where(f => f != service).ToArray();
        foreach (var layer in PlatformServices.All.Single(s => s.Folder == service).Layers)
        {
            var result = Types.InAssembly(Assembly.Load(layer)).ShouldNot().HaveDependencyOnAny(others).GetResult();
            result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
        }
    }
}
