using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Payments.Infrastructure.Providers;

/// <summary>
/// Which provider moves money in (Payments:DepositProvider) and out (Payments:PayoutProvider): "cryptomus", or
/// "sandbox", which completes everything at once and moves no real money. Both must be named. The sandbox deposit
/// credits money nobody paid, so it runs only in local runs (the app host names it) and only beside the sandbox payout:
/// with real payouts anyone could deposit any amount and withdraw it for real. Neither sandbox runs in Production.
/// A choice that breaks these rules stops the service at start with a one-line reason
/// (<see cref="PaymentProviderConfigurationException"/>).
/// </summary>
public sealed record PaymentProviderChoice(string Deposits, string Payouts)
{
    public const string Sandbox = "sandbox";
    public const string Cryptomus = "cryptomus";
    public const string DepositSetting = "Payments:DepositProvider";
    public const string PayoutSetting = "Payments:PayoutProvider";

    public bool DepositsViaCryptomus => Deposits == Cryptomus;
    public bool PayoutsViaCryptomus => Payouts == Cryptomus;

    public static PaymentProviderChoice Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var deposits = Named(configuration, DepositSetting);
        var payouts = Named(configuration, PayoutSetting);
        if (environment.IsProduction() && (deposits == Sandbox || payouts == Sandbox))
            throw new PaymentProviderConfigurationException(
                $"the sandbox payment provider moves no real money and never runs in Production ({Env(DepositSetting)}={deposits}, {Env(PayoutSetting)}={payouts})");
        if (deposits == Sandbox && payouts != Sandbox)
            throw new PaymentProviderConfigurationException(
                $"the sandbox deposit provider credits money nobody paid, so it runs only beside the sandbox payout provider, not {payouts} ({Env(DepositSetting)}={deposits}, {Env(PayoutSetting)}={payouts})");
        return new PaymentProviderChoice(deposits, payouts);
    }

    private static string Named(IConfiguration configuration, string setting)
    {
        var value = configuration[setting]?.Trim().ToLowerInvariant();
        return value switch
        {
            Sandbox or Cryptomus => value,
            null or "" => throw new PaymentProviderConfigurationException($"{Env(setting)} is not set: name the provider (cryptomus; sandbox only in local runs)"),
            _ => throw new PaymentProviderConfigurationException($"{Env(setting)}={configuration[setting]} is no provider: cryptomus, or sandbox in local runs"),
        };
    }

    /// <summary>The setting as an environment variable, as a deployment sets it.</summary>
    private static string Env(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>The payment providers are chosen in a way the service refuses to run with; the message is the one-line reason.</summary>
public sealed class PaymentProviderConfigurationException(string message) : Exception($"Payments refuses to start: {message}");
