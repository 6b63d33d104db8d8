using Identity.Application.Events;
using Identity.Application.Ports;
using Identity.Application.Users;
using Identity.Infrastructure.Persistence;
using Identity.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;

namespace Identity.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "identity";

    /// <summary>Identity's adapters: the user store, hashing, token signing and messaging (the store itself comes from the API host's setup).</summary>
    public static IHostApplicationBuilder AddIdentityInfrastructure(this IHostApplicationBuilder builder, string dataDirectory)
    {
        var tokenOptions = builder.Configuration.GetSection(TokenOptions.Section).Get<TokenOptions>() ?? new TokenOptions();
        var services = builder.Services;
        services.AddSingleton(tokenOptions);
        services.AddSingleton(_ => new SigningKeys(tokenOptions, dataDirectory));
        services.AddSingleton<ITokenSigningKeys>(sp => sp.GetRequiredService<SigningKeys>());
        services.AddSingleton<IIntegrationEventMap, IdentityIntegrationEvents>();
        services.AddSingleton<IUserRepository, UserRepository>();
        services.AddSingleton<IDeviceCredentials, DeviceCredentials>();
        services.AddSingleton<IPasswordHasher, Argon2PasswordHasher>();
        services.AddSingleton(builder.Configuration.GetSection(IdentityLimits.Section).Get<IdentityLimits>() ?? new IdentityLimits());
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<IClientSecrets, ClientSecrets>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddPlatformMessaging(builder.Configuration, ServiceName, typeof(DependencyInjection).Assembly);
        services.AddOutboxSource<UserDocument>(UserRepository.CollectionName);
        services.AddIndexes(UserRepository.EnsureIndexesAsync);
        return builder;
    }
}
