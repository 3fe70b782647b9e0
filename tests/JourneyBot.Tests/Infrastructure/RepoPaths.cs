namespace JourneyBot.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "infra", "node_modules");

    public static string NodeBin(string name)
    {
        var path = Path.Combine(NodeModules, ".bin", name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run `npm ci --prefix infra` (infra/test.sh does).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JourneyBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (JourneyBot.sln) above the test output folder.");
    }
}
