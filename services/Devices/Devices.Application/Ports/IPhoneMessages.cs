namespace Devices.Application.Ports;

/// <summary>
/// Text messages to phone numbers (an SMS gateway): the verification code an owner enters to prove they hold the
/// device's number. Queued, never holding up the request; the development adapter delivers them as emails to the
/// development mail server (see the README).
/// </summary>
public interface IPhoneMessages
{
    void SendVerificationCode(string phoneNumber, string code, TimeSpan validFor);
}
