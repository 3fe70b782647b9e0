namespace JourneyBot.Domain;

// Checks a whole program for what the model cannot say in types: lengths, ranges, unique ids and references
// between parts. Each error names the field, e.g. "touchpoints[3].emotion".
public static class ProgramValidator
{
    public static IReadOnlyList<string> Validate(JourneyProgram program)
    {
        var errors = new List<string>();
        void Text(string? value, string path, int max, bool required = false)
        {
            if (string.IsNullOrWhiteSpace(value)) { if (required) errors.Add($"{path} is required"); return; }
            if (value.Length > max) errors.Add($"{path} is {value.Length} characters; the limit is {max}");
        }
        void Ids<T>(IReadOnlyList<T> items, Func<T, string> id, string path)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Text(id(items[i]), $"{path}[{i}].id", TextLimits.Id, required: true);
                if (id(items[i]) is { Length: > 0 } value && !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    errors.Add($"{path}[{i}].id may contain only letters, digits, '-' and '_'");
                }
            }
            foreach (var duplicate in items.GroupBy(id).Where(g => g.Count() > 1)) errors.Add($"{path} has the id '{duplicate.Key}' more than once");
        }
        void People(IReadOnlyList<Person> people, string path)
        {
            for (var i = 0; i < people.Count; i++)
            {
                Text(people[i].AadObjectId, $"{path}[{i}].aadObjectId", TextLimits.Id, required: true);
                Text(people[i].DisplayName, $"{path}[{i}].displayName", TextLimits.PersonName, required: true);
            }
        }

        Text(program.Id, "id", TextLimits.Id, required: true);
        if (program.Id is { Length: > 0 } programId && !programId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("id may contain only letters, digits, '-' and '_'");
        }
        Text(program.TenantId, "tenantId", TextLimits.Id, required: true);
        var charter = program.Charter;
        Text(charter.Name, "charter.name", TextLimits.Name, required: true);
        Text(charter.Journey?.StartTrigger, "charter.journey.startTrigger", TextLimits.JourneyEnd);
        Text(charter.Journey?.End, "charter.journey.end", TextLimits.JourneyEnd);
        Text(charter.Objective, "charter.objective", TextLimits.LongText);
        Text(charter.DefinitionOfDone, "charter.definitionOfDone", TextLimits.LongText);
        Text(charter.Budget, "charter.budget", TextLimits.LongText);
        Text(charter.Resources, "charter.resources", TextLimits.LongText);
        if (charter.Funding is { } funding)
        {
            if (funding.Amount < 0) errors.Add("charter.funding.amount must be 0 (no budget) or more");
            if (funding.Amount > 0 && (funding.Currency is not { Length: 3 } || !funding.Currency.All(char.IsAsciiLetterUpper))) errors.Add("charter.funding.currency must be a three-letter code like EUR");
        }
        for (var i = 0; i < charter.Team.Count; i++)
        {
            People([charter.Team[i].Person], $"charter.team[{i}].person");
            if (charter.Team[i].TimePercent is < 1 or > 100) errors.Add($"charter.team[{i}].timePercent must be between 1 and 100");
        }
        for (var i = 0; i < charter.Tools.Count; i++) Text(charter.Tools[i], $"charter.tools[{i}]", TextLimits.Name, required: true);
        for (var i = 0; i < charter.MoreJourneys.Count; i++)
        {
            Text(charter.MoreJourneys[i].StartTrigger, $"charter.moreJourneys[{i}].startTrigger", TextLimits.JourneyEnd);
            Text(charter.MoreJourneys[i].End, $"charter.moreJourneys[{i}].end", TextLimits.JourneyEnd);
            Text(charter.MoreJourneys[i].Name, $"charter.moreJourneys[{i}].name", TextLimits.Name);
        }
        Ids(charter.Metrics, m => m.Id, "charter.metrics");
        for (var i = 0; i < charter.Metrics.Count; i++)
        {
            Text(charter.Metrics[i].Name, $"charter.metrics[{i}].name", TextLimits.Name, required: true);
            if (charter.Metrics[i].CadenceDays is < 1 or > TextLimits.MaxReviewCadenceDays)
            {
                errors.Add($"charter.metrics[{i}].cadenceDays must be between 1 and {TextLimits.MaxReviewCadenceDays}");
            }
            if (charter.Metrics[i].Owner is { } metricOwner) People([metricOwner], $"charter.metrics[{i}].owner");
        }
        People(charter.Owners, "charter.owners");
        People(charter.Sponsors, "charter.sponsors");
        Ids(charter.Departments, d => d.Id, "charter.departments");
        for (var i = 0; i < charter.Departments.Count; i++)
        {
            Text(charter.Departments[i].Name, $"charter.departments[{i}].name", TextLimits.Name, required: true);
            People(charter.Departments[i].Contacts, $"charter.departments[{i}].contacts");
        }
        Ids(charter.Personas, p => p.Id, "charter.personas");
        for (var i = 0; i < charter.Personas.Count; i++) Text(charter.Personas[i].Name, $"charter.personas[{i}].name", TextLimits.Name, required: true);
        Ids(charter.Stages, s => s.Id, "charter.stages");
        for (var i = 0; i < charter.Stages.Count; i++) Text(charter.Stages[i].Name, $"charter.stages[{i}].name", TextLimits.Name, required: true);
        if (charter.ReviewCadenceDays is < 1 or > TextLimits.MaxReviewCadenceDays)
        {
            errors.Add($"charter.reviewCadenceDays must be between 1 and {TextLimits.MaxReviewCadenceDays}");
        }
        if (charter.WorkingHours is { } hours)
        {
            if (hours.End <= hours.Start) errors.Add("charter.workingHours.end must be after start");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone, out _)) errors.Add($"charter.workingHours.timeZone '{hours.TimeZone}' is not a known time zone");
        }

        var stages = charter.Stages.Select(s => s.Id).ToHashSet();
        var departments = charter.Departments.Select(d => d.Id).ToHashSet();
        var personas = charter.Personas.Select(p => p.Id).ToHashSet();
        Ids(program.Touchpoints, t => t.Id, "touchpoints");
        for (var i = 0; i < program.Touchpoints.Count; i++)
        {
            var t = program.Touchpoints[i];
            var path = $"touchpoints[{i}]";
            // Retired touchpoints are history: they may name a stage or department that was removed since.
            if (!t.Retired && !stages.Contains(t.StageId)) errors.Add($"{path}.stageId '{t.StageId}' is not a stage of this program");
            if (!t.Retired && !departments.Contains(t.DepartmentId)) errors.Add($"{path}.departmentId '{t.DepartmentId}' is not a department of this program");
            foreach (var persona in t.PersonaIds.Where(p => !t.Retired && !personas.Contains(p))) errors.Add($"{path}.personaIds has '{persona}', which is not a persona of this program");
            if (t.Emotion is < -2 or > 2) errors.Add($"{path}.emotion must be between -2 and 2");
            Text(t.CustomerAction, $"{path}.customerAction", TextLimits.LongText, required: true);
            Text(t.PainPoints, $"{path}.painPoints", TextLimits.LongText);
            Text(t.Verbatim, $"{path}.verbatim", TextLimits.LongText);
            Ids(t.PainPointItems, p => p.Id, $"{path}.painPointItems");
            for (var j = 0; j < t.PainPointItems.Count; j++) Text(t.PainPointItems[j].Text, $"{path}.painPointItems[{j}].text", TextLimits.LongText, required: true);
            Text(t.Backstage?.DeliveredBy, $"{path}.backstage.deliveredBy", TextLimits.Name);
            Text(t.Backstage?.SystemOrProcess, $"{path}.backstage.systemOrProcess", TextLimits.LongText);
            Text(t.Backstage?.EmployeePain, $"{path}.backstage.employeePain", TextLimits.LongText);
            if (t.SourceLink is { Length: > 0 } link
                && (link.Length > TextLimits.Link || !Uri.TryCreate(link, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{path}.sourceLink must be an https link of at most {TextLimits.Link} characters");
            }
            People([t.CreatedBy], $"{path}.createdBy");
            if (t.SourceAuthor is not null) People([t.SourceAuthor], $"{path}.sourceAuthor");
        }

        var touchpoints = program.Touchpoints.Select(t => t.Id).ToHashSet();
        var metrics = charter.Metrics.Select(m => m.Id).ToHashSet();
        Ids(program.Actions, a => a.Id, "actions");
        for (var i = 0; i < program.Actions.Count; i++)
        {
            var a = program.Actions[i];
            Text(a.Title, $"actions[{i}].title", TextLimits.Name, required: true);
            if (a.TouchpointId is not null && !touchpoints.Contains(a.TouchpointId)) errors.Add($"actions[{i}].touchpointId '{a.TouchpointId}' is not a touchpoint of this program");
            // A pain point edited away since leaves its id on the action (it addressed that one; ids are never
            // reused), so any id of the touchpoint's own form is kept; anything else names nothing.
            if (a.PainPointId is not null && program.Touchpoints.FirstOrDefault(t => t.Id == a.TouchpointId) is var on
                && (on is null || !PainPoint.IsIdOf(on.Id, a.PainPointId)))
            {
                errors.Add($"actions[{i}].painPointId '{a.PainPointId}' is not a pain point of touchpoint '{a.TouchpointId}'");
            }
            if (a.MetricId is not null && !metrics.Contains(a.MetricId)) errors.Add($"actions[{i}].metricId '{a.MetricId}' is not a metric of this program");
            People([a.Owner], $"actions[{i}].owner");
        }
        Ids(program.Reviews, r => r.Id, "reviews");
        for (var i = 0; i < program.Reviews.Count; i++)
        {
            Text(program.Reviews[i].Note, $"reviews[{i}].note", TextLimits.LongText);
            if (program.Reviews[i].PostponedTo is not null && program.Reviews[i].Outcome != ReviewOutcome.Postponed) errors.Add($"reviews[{i}].postponedTo is only for a postponed review");
            if (program.Reviews[i].Participants is { } taking)
            {
                if (!program.Reviews[i].WasHeld()) errors.Add($"reviews[{i}].participants is only for a held review");
                People(taking, $"reviews[{i}].participants");
            }
        }
        for (var i = 0; i < program.Readings.Count; i++)
        {
            var r = program.Readings[i];
            if (!metrics.Contains(r.MetricId)) errors.Add($"readings[{i}].metricId '{r.MetricId}' is not a metric of this program");
            if (r.Source == ReadingSource.Link && string.IsNullOrEmpty(r.Link)) errors.Add($"readings[{i}].link is required for a reading from a link");
            if (r.Link is { Length: > 0 } link
                && (link.Length > TextLimits.Link || !Uri.TryCreate(link, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"readings[{i}].link must be an https link of at most {TextLimits.Link} characters");
            }
            People([r.RecordedBy], $"readings[{i}].recordedBy");
        }
        foreach (var twice in program.Readings.GroupBy(r => (r.MetricId, r.On)).Where(g => g.Count() > 1))
        {
            errors.Add($"readings has two figures of metric '{twice.Key.MetricId}' for {twice.Key.On:yyyy-MM-dd}");
        }
        Ids(program.ProgressUpdates, c => c.Id, "progressUpdates");
        for (var i = 0; i < program.ProgressUpdates.Count; i++)
        {
            var card = program.ProgressUpdates[i];
            if (card.SentTo.Count == 0) errors.Add($"progressUpdates[{i}].sentTo names no sponsor");
            for (var j = 0; j < card.SentTo.Count; j++) Text(card.SentTo[j], $"progressUpdates[{i}].sentTo[{j}]", TextLimits.Id, required: true);
            for (var j = 0; j < card.Acknowledgements.Count; j++)
            {
                if (!card.WentTo(card.Acknowledgements[j].SponsorAadObjectId)) errors.Add($"progressUpdates[{i}].acknowledgements[{j}] is by someone the card was not sent to");
                if (card.Acknowledgements[j].On < card.SentOn) errors.Add($"progressUpdates[{i}].acknowledgements[{j}].on is before the card was sent");
            }
        }
        return errors;
    }
}
