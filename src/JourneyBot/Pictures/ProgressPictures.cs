using JourneyBot.Domain;

namespace JourneyBot.Pictures;

// The picture a progress card shows: its address (a signed, expiring token on the bot's public host) and its words.
public sealed record PictureLink(Uri Url, string AltText);

// Prepares a progress card's picture: keeps the figures under the card's opaque snapshot id and signs a link to it.
public sealed class ProgressPictures(PictureStore store, PictureSettings settings, TimeProvider clock)
{
    public const string RoutePrefix = "/pictures/";

    // None without a public address: Teams shows only https pictures it can fetch.
    public async Task<PictureLink?> PrepareAsync(JourneyProgram program, Snapshot snapshot, string cardId,
        CancellationToken cancellationToken)
    {
        if (settings.PublicUrl is not { } host) return null;
        var key = await store.KeyAsync(cancellationToken);
        var picture = ProgressPicture.From(program, snapshot);
        var snapshotId = PictureTokens.SnapshotId(key, program.TenantId, program.Id, cardId);
        await store.SaveAsync(program.TenantId, program.Id, snapshotId, picture, cancellationToken);
        var token = PictureTokens.Issue(key, program.TenantId, program.Id, snapshotId,
            clock.GetUtcNow() + settings.Lifetime);

        return new PictureLink(new Uri(host, RoutePrefix + token + ".png"), picture.AltText());
    }
}
