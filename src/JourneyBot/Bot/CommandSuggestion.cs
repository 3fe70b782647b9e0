namespace JourneyBot.Bot;

// The command someone probably meant when what they typed matches none: "add touch point" → add touchpoint.
public static class CommandSuggestion
{
    public static string? Nearest(string text, IEnumerable<string> commands)
    {
        var typed = Squash(text);
        if (typed.Length == 0) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var command in commands)
        {
            var name = Squash(command);
            // Compare with as much of the text as the command is long, so arguments after it do not count.
            var distance = Distance(typed.Length > name.Length + 2 ? typed[..(name.Length + 2)] : typed, name);
            if (distance < bestDistance) (best, bestDistance) = (command, distance);
        }
        // A slip of a letter or two in a short command, about one in four in a longer one; anything further is a guess.
        return best is not null && bestDistance <= Math.Max(1, Squash(best).Length / 4) ? best : null;
    }

    private static string Squash(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    // Edit distance where swapping two neighbouring letters ("hepl") is one slip, like an insertion, a deletion or
    // a substitution.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
