using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.People;

public static class PeopleSetup
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddSingleton<PersonNames>();
        services.AddSingleton<NameLookup>();
        return services;
    }
}
