namespace Proxy.Application.Ports;

/// <summary>Keeps connection passwords encrypted at rest (the key ring outside the store) and reads them back to show their owner.</summary>
public interface IPasswordProtector
{
    string Protect(string password);

    string Unprotect(string protectedPassword);
}
