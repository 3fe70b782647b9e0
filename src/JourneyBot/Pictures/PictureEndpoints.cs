using JourneyBot.Programs;

namespace JourneyBot.Pictures;

// GET /pictures/{token}.png, with no sign-in: Teams fetches card pictures itself. The token is the only key, and
// every refusal (no token, malformed, tampered, expired, another program's or tenant's, a deleted program) is the
// same bare 404, so a refusal tells nothing about what exists.
public static class PictureEndpoints
{
    public static IEndpointRouteBuilder MapPictures(this IEndpointRouteBuilder app)
    {
        app.MapGet(ProgressPictures.RoutePrefix + "{file}", async (string file, PictureStore store,
            ProgramStore programs, TimeProvider clock, HttpContext http) =>
        {
            var token = file.EndsWith(".png", StringComparison.Ordinal) ? file[..^4] : null;
            if (PictureTokens.Read(token, clock.GetUtcNow()) is not { } read) return NotFound();
            if (await store.LoadAsync(read.SnapshotId, http.RequestAborted) is not var (row, picture))
            {
                return NotFound();
            }
            var key = await store.KeyAsync(http.RequestAborted);
            if (!PictureTokens.Verify(key, row.TenantId, row.ProgramId, read)) return NotFound();
            if (await programs.LoadHeaderAsync(row.TenantId, row.ProgramId, http.RequestAborted) is null)
            {
                return NotFound();
            }

            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Bytes(picture.Render(), "image/png");
        });
        return app;
    }

    private static IResult NotFound() => Results.StatusCode(StatusCodes.Status404NotFound);
}
