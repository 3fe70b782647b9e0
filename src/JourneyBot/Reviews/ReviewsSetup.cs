using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Reviews;

public static class ReviewsSetup
{
    public static IServiceCollection AddReviews(this IServiceCollection services) => services.AddSingleton<ReviewStore>().AddSingleton<ICommandSource, ReviewHandler>().AddSingleton<ICommandSource, UnheldReviewHandler>();
}
