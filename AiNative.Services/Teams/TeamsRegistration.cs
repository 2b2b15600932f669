using AiNative.Services.Data;
using Microsoft.AspNetCore.Identity;
using AiNative.Services.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Teams;

public static class TeamsRegistration
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;

                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<TeamContext>();
        services.AddScoped<TeamAccessResolver>();
        services.AddScoped<UserTeams>();
        services.AddScoped<AdministratorSetup>();
        services.AddSingleton<SetupState>();
        services.AddScoped<IPortalSeeder, DemoTeamSeeder>();
        return services;
    }
}
