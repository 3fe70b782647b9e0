using JourneyBot.Bot;
using JourneyBot.Domain;
using JourneyBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Outreach;

namespace JourneyBot.FollowUps;

public static class FollowUpsSetup
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddSingleton(new FollowUpRules());
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton<FollowUpStarter>();
        services.AddSingleton<IScheduledWork, PlanWork>();
        services.AddSingleton<RecheckReads>();
        services.AddSingleton<IScheduledWork, DigestWork>();
        services.AddSingleton<IScheduledWork, ProgressWork>();
        services.AddSingleton<ICommandSource, ProgressHandler>();
        return services;
    }
}
