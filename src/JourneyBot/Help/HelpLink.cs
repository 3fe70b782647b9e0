namespace JourneyBot.Help;

// Where people find the team's guide to JourneyBot (setting Bot:HelpUrl); cards offer it when set.
public sealed record HelpLink(Uri? Url);
