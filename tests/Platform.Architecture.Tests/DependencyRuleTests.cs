using System.Reflection;
using NetArchTest.Rules;

namespace Platform.Architecture.Tests;

/// <summary>The dependency rule of every service: Domain depends on nothing, Application on Domain, Infrastructure on Application.</summary>
public sealed class DependencyRuleTests
{
    public static TheoryData<string> Services => new() { "Identity", "Jobs" };

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
    public void Endpoints_call_use_cases_not_repositories(string service)
    {
        var result = Types.InAssembly(Layer(service, "Api")).That().ResideInNamespace($"{service}.Api.Endpoints")
            .ShouldNot().HaveDependencyOnAny($"{service}.Infrastructure.Persistence", "Platform.Persistence")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Services_do_not_reference_each_other()
    {
        foreach (var layer in new[] { "Domain", "Application", "Infrastructure", "Api" })
        {
            Types.InAssembly(Layer("Jobs", layer)).ShouldNot().HaveDependencyOn("Identity").GetResult().IsSuccessful.Should().BeTrue();
            Types.InAssembly(Layer("Identity", layer)).ShouldNot().HaveDependencyOn("Jobs").GetResult().IsSuccessful.Should().BeTrue();
        }
    }
}
