using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Payments.Infrastructure.Providers;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>
/// Which providers move money in and out is configuration, and a choice that would let money be forged stops the
/// service at start with one line saying why: the sandbox deposit (credits money nobody paid) beside a real payout, any
/// sandbox in Production, or no provider named at all.
/// </summary>
public sealed class ProviderConfigurationTests
{
    private static PaymentProviderChoice Read(string? deposits, string? payouts, string environment = "Development") =>
        PaymentProviderChoice.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PaymentProviderChoice.DepositSetting] = deposits,
            [PaymentProviderChoice.PayoutSetting] = payouts,
        }).Build(), new Environment(environment));

    [Theory]
    [InlineData("sandbox", "sandbox", "Development")]
    [InlineData("cryptomus", "cryptomus", "Production")]
    [InlineData("cryptomus", "sandbox", "Development")]
    [InlineData("Cryptomus ", "CRYPTOMUS", "Production")]
    public void Allowed_choices_start(string deposits, string payouts, string environment) =>
        Read(deposits, payouts, environment).Should().Be(new PaymentProviderChoice(deposits.Trim().ToLowerInvariant(), payouts.Trim().ToLowerInvariant()));

    [Theory]
    [InlineData("sandbox", "cryptomus", "Development",
        "Payments refuses to start: the sandbox deposit provider credits money nobody paid, so it runs only beside the sandbox payout provider, not cryptomus (Payments__DepositProvider=sandbox, Payments__PayoutProvider=cryptomus)")]
    [InlineData("sandbox", "sandbox", "Production",
        "Payments refuses to start: the sandbox payment provider moves no real money and never runs in Production (Payments__DepositProvider=sandbox, Payments__PayoutProvider=sandbox)")]
    [InlineData("cryptomus", "sandbox", "Production",
        "Payments refuses to start: the sandbox payment provider moves no real money and never runs in Production (Payments__DepositProvider=cryptomus, Payments__PayoutProvider=sandbox)")]
    [InlineData(null, "sandbox", "Development",
        "Payments refuses to start: Payments__DepositProvider is not set: name the provider (cryptomus; sandbox only in local runs)")]
    [InlineData("cryptomus", "", "Development",
        "Payments refuses to start: Payments__PayoutProvider is not set: name the provider (cryptomus; sandbox only in local runs)")]
    [InlineData("paypal", "cryptomus", "Development",
        "Payments refuses to start: Payments__DepositProvider=paypal is no provider: cryptomus, or sandbox in local runs")]
    public void Choices_that_could_forge_money_are_refused_with_one_line(string? deposits, string? payouts, string environment, string reason) =>
        FluentActions.Invoking(() => Read(deposits, payouts, environment)).Should().Throw<PaymentProviderConfigurationException>().WithMessage(reason);

    [Fact]
    public async Task The_service_process_refuses_to_start_with_sandbox_deposits_beside_real_payouts_and_says_why_in_one_line()
    {
        var configuration = typeof(ProviderConfigurationTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().First().Configuration;
        var start = new ProcessStartInfo(Repository.PathOf("services", "Payments", "Payments.Api", "bin", configuration, "net10.0", "Payments.Api"))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment =
            {
                ["Payments__DepositProvider"] = "sandbox",
                ["Payments__PayoutProvider"] = "cryptomus",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["PLATFORM_DATA_DIR"] = Directory.CreateTempSubdirectory("payments-refusal-").FullName,
            },
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(78, "EX_CONFIG: the configuration is what is wrong");
        (await errors).TrimEnd().Should().Be("Payments refuses to start: the sandbox deposit provider credits money nobody paid, so it runs only " +
            "beside the sandbox payout provider, not cryptomus (Payments__DepositProvider=sandbox, Payments__PayoutProvider=cryptomus)");
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Payments.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
