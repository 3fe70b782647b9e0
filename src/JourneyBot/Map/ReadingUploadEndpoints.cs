using System.Text;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Readings;

namespace JourneyBot.Map;

// What the tab posts: the CSV file's text as the browser read it, and the person's Teams locale (how "3,5" reads).
public sealed record ReadingUploadRequest(string? Csv = null, string? Locale = null);

// A CSV of metric figures uploaded on the map tab, by the program's owners only: "check" shows what each row would
// do and writes nothing; "import" checks the same file again against the program as it is then and writes the rows
// that are still ready (ReadingImport, as the command line does). Same door as the map: 401 without a sign-in, 404
// for a program that is not the person's, 403 for a member who is not an owner.
public static class ReadingUploadEndpoints
{
    public const int MaxFileBytes = 1024 * 1024;
    private const string HtmlType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapReadingUpload(this IEndpointRouteBuilder app)
    {
        app.MapPost("/map/{programId}/readings/{deed}", async (string programId, string deed, HttpContext http,
            TabAuthenticator auth, ProgramStore store, ReadingImport import, TimeProvider clock) =>
        {
            if (deed is not ("check" or "import")) return Results.NotFound();
            if (await MapEndpoints.UserAsync(http, auth) is not { } user) return MapEndpoints.Unauthorized();
            var program = await store.LoadAsync(user.TenantId, programId, http.RequestAborted);
            var role = program is null ? ProgramRole.None : ProgramRoles.Of(program.Charter, user.ObjectId);
            if (program is null || role == ProgramRole.None) return Results.Content(MapDocument.NotFound(), HtmlType, statusCode: 404);
            if (!role.HasFlag(ProgramRole.Owner))
            {
                return Problem("Only the program's owners import figures from a file. A metric's own owner records " +
                    "theirs with record in chat.", 403);
            }
            // JSON only: a page elsewhere cannot post it without the browser asking this origin first.
            if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Problem("The file is sent as JSON by the map's own page.", 415);
            }
            // The file's text, JSON-escaped, may be several times its size; the file itself is checked after reading.
            if (await JsonBody.ReadAsync(http, 7 * MaxFileBytes, new ReadingUploadRequest()) is not { } request) return Problem("That file could not be read. Choose it again.", 400);
            var csv = request.Csv ?? "";
            if (Encoding.UTF8.GetByteCount(csv) > MaxFileBytes)
            {
                return Problem($"The file is larger than 1 MB. Split it: at most {ReadingImport.MaxRows:N0} rows are imported at once.", 413);
            }
            var owner = program.Charter.Owners.First(o => o.AadObjectId == user.ObjectId);
            var now = clock.GetUtcNow();
            var preview = ReadingImport.Preview(program, csv, NumberText.UsesDecimalComma(request.Locale), owner,
                WorkingTime.Today(now, program.Charter), now);
            if (preview.FileError is { } error) return Problem(error + " Nothing was imported.", 422);
            if (deed == "import") preview = await import.ApplyAsync(program.Id, preview, CancellationToken.None);
            return Results.Content(ReadingUploadHtml.Result(preview, applied: deed == "import"), HtmlType);
        });
        return app;
    }

    private static IResult Problem(string message, int status) => Results.Content(
        $"<p class=\"notice problem\" role=\"alert\">{Html.E(message)}</p>", HtmlType, statusCode: status);
}
