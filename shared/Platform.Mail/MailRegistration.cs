using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Notifications;

namespace Platform.Mail;

public static class MailRegistration
{
    /// <summary>
    /// The notifier (<see cref="INotifier"/>) as the SMTP mail queue: ConnectionStrings:smtp (smtp://host:port, or
    /// smtps:// with user:password@; the development mail server in local runs) and Notifications:From. With no server
    /// configured, notifications are only logged.
    /// </summary>
    public static IServiceCollection AddPlatformMail(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = configuration.GetConnectionString("smtp");
        services.AddSingleton(new MailOptions(string.IsNullOrWhiteSpace(smtp) ? null : new Uri(smtp),
            configuration["Notifications:From"] is { Length: > 0 } from ? from : MailOptions.DefaultFrom));
        services.AddSingleton<MailQueue>();
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<MailQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<MailQueue>());
        return services;
    }
}
