using JourneyBot.Configuration;

namespace JourneyBot.Pictures;

public static class PicturesSetup
{
    public static IServiceCollection AddPictures(this IServiceCollection services)
    {
        services.AddSingleton(sp => PictureSettings.Load(sp.GetRequiredService<IConfiguration>(),
            sp.GetService<OptionalFeatures>()));
        services.AddSingleton<PictureStore>();
        services.AddSingleton<ProgressPictures>();
        return services;
    }
}
