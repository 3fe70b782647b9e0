using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// Both icons are drawn once, in manifest/icon.svg: the committed PNGs must be what that drawing renders to.
public sealed class IconTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-icons-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TheCommittedIconsAreRenderedFromTheOneDrawing()
    {
        var result = await Tool.RunAsync("node", "manifest/tools/make-icons.js", _dir);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            var committed = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "manifest", icon));
            var rendered = await File.ReadAllBytesAsync(Path.Combine(_dir, icon));
            Assert.True(committed.AsSpan().SequenceEqual(rendered), $"manifest/{icon} differs from what manifest/icon.svg renders to: run node manifest/tools/make-icons.js");
        }
    }
}
