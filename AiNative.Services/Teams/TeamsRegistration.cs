using AiNative.Services.Data;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Teams.SingleSignOn;
using Microsoft.AspNetCore.Identity;
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
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<TeamContext>();
        services.AddScoped<TeamAccessResolver>();
        services.AddScoped<SessionRevalidation>();
        services.AddScoped<UserTeams>();
        services.AddScoped<AdministratorSetup>();
        services.AddScoped<TeamAdministration>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<TeamMembers>();
        services.AddScoped<ExternalAccounts>();
        services.AddScoped<PasswordChange>();
        services.AddSingleton<SetupState>();
        services.AddScoped<IPortalSeeder, DemoTeamSeeder>();

        // After the database initializer (registered first, in AddPlatform), which seeds the demo team it joins.
        services.AddOptions<SetupOptions>().BindConfiguration(SetupOptions.Section);
        services.AddHostedService<ConfiguredAdministrator>();
        return services;
    }
}
