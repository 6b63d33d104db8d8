using Microsoft.AspNetCore.DataProtection;
using Proxy.Application.Ports;

namespace Proxy.Infrastructure.Security;

/// <summary>Connection passwords encrypted with ASP.NET Data Protection (authenticated encryption; the key ring lives outside the store).</summary>
public sealed class DataProtectionPasswords(IDataProtectionProvider provider) : IPasswordProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Proxy.ConnectionPasswords.v1");

    public string Protect(string password) => _protector.Protect(password);

    public string Unprotect(string protectedPassword) => _protector.Unprotect(protectedPassword);
}
