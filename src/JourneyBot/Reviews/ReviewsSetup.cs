using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Reviews;

public static class ReviewsSetup
{
    public static IServiceCollection AddReviews(this IServiceCollection services) => services
        .AddSingleton<ReviewStore>()
        .AddSingleton(sp => new ReviewDecisions(sp.GetRequiredService<Touchpoints.TouchpointStore>(),
            sp.GetRequiredService<ReviewStore>(), sp.GetService<Map.MapSnapshotStore>()))
        .AddSingleton<ICommandSource, ReviewHandler>()
        .AddSingleton<ICommandSource, UnheldReviewHandler>();
}
