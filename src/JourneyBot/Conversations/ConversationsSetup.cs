using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Conversations;

public static class ConversationsSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<PersonalMessenger>();
        services.AddSingleton<WelcomeCards>();
        services.AddSingleton<ICommandSource, InstallHandler>();
        return services;
    }
}
