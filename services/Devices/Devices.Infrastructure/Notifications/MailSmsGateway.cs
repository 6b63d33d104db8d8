using Devices.Application.Ports;
using Platform.Application.Notifications;

namespace Devices.Infrastructure.Notifications;

/// <summary>
/// Text messages as emails, the way an email-to-SMS gateway takes them: to <c>{digits}@{domain}</c> (Devices:SmsMailDomain,
/// default sms.platform.local), through the platform's mail queue. Locally they land in the development mail server's
/// inbox; a deployment points the domain at its SMS provider's email gateway, or puts an SMS adapter in this one's place.
/// </summary>
public sealed class MailSmsGateway(INotifier notifier, string domain) : IPhoneMessages
{
    public const string DefaultDomain = "sms.platform.local";

    public void SendVerificationCode(string phoneNumber, string code, TimeSpan validFor) =>
        notifier.Enqueue(new Notification(AddressOf(phoneNumber), $"SMS to {phoneNumber}",
            $"Your Microtask Platform verification code is {code}. It expires in {validFor.TotalMinutes:0} minutes."));

    /// <summary>The gateway address of a number: its digits at the domain.</summary>
    public string AddressOf(string phoneNumber) => $"{new string(phoneNumber.Where(char.IsAsciiDigit).ToArray())}@{domain}";
}
