using System.IO.Compression;
using System.Text.Json.Nodes;
using JourneyBot.Admin;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Admin;

// `JourneyBot package`: the Teams app package from the committed manifest and icons, offline.
public sealed class AppPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-package-").FullName;
    private static readonly string ManifestDir = Path.Combine(RepoPaths.Root, "manifest");
    private const string AppId = "0a1b2c3d-0000-4000-8000-123456789abc";

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await AdminCommandLine.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private Task<(int Code, string Out, string Err)> PackageAsync(string zip, string manifestDir, params string[] more) =>
        RunAsync(["package", "--app-id", AppId, "--host", "journeybot.example.com", "--manifest", manifestDir, "--out", zip, .. more]);

    private string CopyOfManifestFolder(string name)
    {
        var copy = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        foreach (var file in PackagedFiles) File.Copy(Path.Combine(ManifestDir, file), Path.Combine(copy, file));
        return copy;
    }

    // The manifest, its icons and the language files it names, in the order they are zipped.
    private static readonly string[] PackagedFiles = [.. AppPackage.Files, "de.json", "es.json", "fr.json", "ja.json"];

    [Fact]
    public async Task FillsTheAppIdHostAndVersionAndZipsTheManifestIconsAndLanguageFilesAtTheRoot()
    {
        var zip = Path.Combine(_dir, "app.zip");

        var (code, stdout, stderr) = await RunAsync("package", "--app-id", AppId.ToUpperInvariant(), "--host", "JourneyBot.Example.com",
            "--version", "2.3.4", "--manifest", ManifestDir, "--out", zip);

        Assert.True(code == 0, stderr);
        Assert.Contains(zip, stdout);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(PackagedFiles, archive.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("2.3.4", manifest["version"]!.GetValue<string>());
        Assert.Contains("journeybot.example.com", manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.DoesNotContain("{{", manifest.ToJsonString());
        foreach (var icon in new[] { "color.png", "outline.png", "de.json", "ja.json" })
        {
            using var entry = new MemoryStream();
            await archive.GetEntry(icon)!.Open().CopyToAsync(entry);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(ManifestDir, icon)), entry.ToArray());
        }
    }

    [Fact]
    public async Task TheSameInputsGiveTheSameBytesWhenTheFilesWereTouchedSince()
    {
        var first = Path.Combine(_dir, "first.zip");
        var second = Path.Combine(_dir, "second.zip");
        var source = CopyOfManifestFolder("source");

        Assert.Equal(0, (await PackageAsync(first, source)).Code);
        foreach (var file in PackagedFiles) File.SetLastWriteTimeUtc(Path.Combine(source, file), DateTime.UtcNow.AddDays(3));
        Assert.Equal(0, (await PackageAsync(second, source)).Code);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        using var archive = ZipFile.OpenRead(first);
        Assert.All(archive.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public async Task WritesTheFilesAsZippedWhenAskedSoTheyCanBeValidated()
    {
        var unpacked = Path.Combine(_dir, "unpacked");

        Assert.Equal(0, (await PackageAsync(Path.Combine(_dir, "app.zip"), ManifestDir, "--unpacked", unpacked)).Code);

        using var archive = ZipFile.OpenRead(Path.Combine(_dir, "app.zip"));
        foreach (var entry in archive.Entries)
        {
            using var bytes = new MemoryStream();
            await entry.Open().CopyToAsync(bytes);
            Assert.Equal(bytes.ToArray(), await File.ReadAllBytesAsync(Path.Combine(unpacked, entry.FullName)));
        }
    }

    [Theory]
    [InlineData("--app-id", "journeybot", "GUID")]
    [InlineData("--host", "https://journeybot.example.com", "bare host name")]
    [InlineData("--host", "journeybot.example.com:443", "bare host name")]
    [InlineData("--host", "localhost", "bare host name")]
    [InlineData("--version", "1.0", "three numbers")]
    [InlineData("--version", "1.0.0-beta", "three numbers")]
    public async Task RefusesABadValueSayingWhatIsExpectedAndWritesNothing(string option, string value, string expected)
    {
        var zip = Path.Combine(_dir, "app.zip");
        var args = new Dictionary<string, string> { ["--app-id"] = AppId, ["--host"] = "journeybot.example.com", ["--manifest"] = ManifestDir, ["--out"] = zip };
        args[option] = value;

        var (code, _, stderr) = await RunAsync(["package", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.Contains(value, stderr);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task RefusesAManifestWithAPlaceholderItDoesNotFill()
    {
        var source = CopyOfManifestFolder("source");
        var path = Path.Combine(source, "manifest.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        manifest["webApplicationInfo"]!["id"] = "{{TAB_CLIENT_ID}}";
        await File.WriteAllTextAsync(path, manifest.ToJsonString());
        var zip = Path.Combine(_dir, "app.zip");

        var (code, _, stderr) = await PackageAsync(zip, source);

        Assert.Equal(2, code);
        Assert.Contains("{{TAB_CLIENT_ID}}", stderr);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task NamesTheFilesMissingFromTheManifestFolder()
    {
        var source = CopyOfManifestFolder("source");
        File.Delete(Path.Combine(source, "outline.png"));

        var (code, _, stderr) = await PackageAsync(Path.Combine(_dir, "app.zip"), source);

        Assert.Equal(2, code);
        Assert.Contains("outline.png", stderr);
    }

    [Fact]
    public async Task NamesALanguageFileTheManifestNamesButTheFolderLacks()
    {
        var source = CopyOfManifestFolder("source");
        File.Delete(Path.Combine(source, "fr.json"));

        var (code, _, stderr) = await PackageAsync(Path.Combine(_dir, "app.zip"), source);

        Assert.Equal(2, code);
        Assert.Contains("fr.json", stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "app.zip")));
    }
}
