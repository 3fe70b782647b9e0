using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JourneyBot.Admin;

// `JourneyBot package`: the Teams app package, a zip of manifest.json (placeholders filled in), the two icons and the
// language files the manifest names, at its root. The same inputs give the same bytes on the same .NET runtime and OS (fixed entry order, timestamps and
// compression), so a package can be rebuilt and compared.
public static partial class AppPackage
{
    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    // The zip format's earliest date: no entry carries the time it was built.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // People read the manifest in the admin center: keep its characters as written.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> BuildAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout)
    {
        var appId = Guid.TryParseExact(options["--app-id"], "D", out var id)
            ? id.ToString()
            : throw new AdminCommandLine.AdminUsageException($"--app-id must be a GUID like 0a1b2c3d-0000-4000-8000-123456789abc, got '{options["--app-id"]}'.");
        var host = options["--host"];
        if (host.Contains("://", StringComparison.Ordinal) || host.Length > 253 || !HostName().IsMatch(host))
        {
            throw new AdminCommandLine.AdminUsageException($"--host must be a bare host name such as journeybot.azurewebsites.net (no scheme, port or path), got '{host}'.");
        }
        var version = options.GetValueOrDefault("--version", "1.0.0");
        // Teams takes a.b.c with numbers only, and an update must carry a higher one.
        if (!AppVersion().IsMatch(version))
        {
            throw new AdminCommandLine.AdminUsageException($"--version must be three numbers like 1.2.0, got '{version}'.");
        }
        var source = options.GetValueOrDefault("--manifest", "manifest");
        var missing = Files.Where(f => !File.Exists(Path.Combine(source, f))).ToList();
        if (missing.Count > 0) throw new AdminCommandLine.AdminUsageException($"{source}: no {string.Join(", ", missing)} there (--manifest names the folder with the manifest and icons).");

        var manifest = Fill(await File.ReadAllTextAsync(Path.Combine(source, "manifest.json")), appId, host.ToLowerInvariant(), version);
        var contents = new Dictionary<string, byte[]>
        {
            ["manifest.json"] = System.Text.Encoding.UTF8.GetBytes(manifest),
            ["color.png"] = await File.ReadAllBytesAsync(Path.Combine(source, "color.png")),
            ["outline.png"] = await File.ReadAllBytesAsync(Path.Combine(source, "outline.png")),
        };
        foreach (var language in LanguageFiles(manifest))
        {
            var path = Path.Combine(source, language);
            if (!File.Exists(path)) throw new AdminCommandLine.AdminUsageException($"{source}: no {language} there (localizationInfo names it).");
            contents[language] = await File.ReadAllBytesAsync(path);
        }

        var zip = options["--out"];
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zip))!);
            await File.WriteAllBytesAsync(zip, Zip(contents));
            // The files exactly as zipped, for a check outside the app (manifest/build-package.sh validates them).
            if (options.TryGetValue("--unpacked", out var unpacked))
            {
                Directory.CreateDirectory(unpacked);
                foreach (var (name, bytes) in contents) await File.WriteAllBytesAsync(Path.Combine(unpacked, name), bytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AdminCommandLine.AdminUsageException($"cannot write the package: {e.Message}");
        }
        await stdout.WriteLineAsync($"wrote {zip} (app id {appId}, host {host.ToLowerInvariant()}, version {version})");
        return 0;
    }

    public static string Fill(string template, string appId, string host, string version)
    {
        var text = template.Replace("{{APP_ID}}", appId, StringComparison.Ordinal).Replace("{{HOST_NAME}}", host, StringComparison.Ordinal);
        if (Placeholder().Match(text) is { Success: true } left)
        {
            throw new AdminCommandLine.AdminUsageException($"manifest.json has a placeholder this command does not fill: {left.Value}.");
        }
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException("not an object");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new AdminCommandLine.AdminUsageException($"manifest.json is not a JSON object: {e.Message}");
        }
        manifest["version"] = version;
        return manifest.ToJsonString(Indented) + "\n";
    }

    // The language files localizationInfo names: plain .json names beside the manifest, zipped at the root with it.
    public static IReadOnlyList<string> LanguageFiles(string manifest)
    {
        var languages = JsonNode.Parse(manifest)?["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [];
        var files = new List<string>();
        foreach (var language in languages)
        {
            var file = language?["file"]?.GetValue<string>() ?? "";
            if (Path.GetFileName(file) != file || !file.EndsWith(".json", StringComparison.Ordinal) || Files.Contains(file))
            {
                throw new AdminCommandLine.AdminUsageException($"localizationInfo names '{file}': a language file is a .json file beside the manifest.");
            }
            files.Add(file);
        }
        return files;
    }

    private static byte[] Zip(IReadOnlyDictionary<string, byte[]> contents)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in Files.Concat(contents.Keys.Where(k => !Files.Contains(k)).Order(StringComparer.Ordinal)))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize);
                entry.LastWriteTime = EntryTime;
                using var stream = entry.Open();
                stream.Write(contents[name]);
            }
        }
        return buffer.ToArray();
    }

    // A bare DNS host name: dot-separated labels of letters, digits and inner hyphens; no scheme, port, path or
    // trailing dot (Teams validDomains and URLs are built from it).
    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}$")]
    private static partial Regex AppVersion();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Placeholder();
}
