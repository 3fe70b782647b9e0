using System.Globalization;
using System.Text.Json;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using F = JourneyBot.Touchpoints.TouchpointFields;

namespace JourneyBot.Touchpoints;

// What a person typed into the touchpoint form, checked against the program. Never trusts the card: every
// value is re-checked here, and what was typed is kept (shortened to its limit) to show again with the errors.
public sealed class TouchpointInput : FormInput
{
    public static TouchpointInput Read(JsonElement data)
    {
        var input = new TouchpointInput();
        input.ReadFrom(data, F.All, acceptNumbers: false);
        return input;
    }

    protected override int LimitOf(string field) => field switch
    {
        F.Stage or F.Department or F.Channel or F.Emotion or F.Evidence => TextLimits.Id,
        _ => base.LimitOf(field),
    };

    public Touchpoint? Validate(ProgramHeader program, Person caller, bool isOwner, string touchpointId, DateTimeOffset now)
    {
        var charter = program.Charter;
        var stage = Required(F.Stage, "Pick the stage.");
        if (stage is not null && charter.Stages.All(s => s.Id != stage)) Errors[F.Stage] = "Pick one of this program's stages.";

        var department = Required(F.Department, "Pick your department.");
        if (department is not null)
        {
            var known = charter.Departments.FirstOrDefault(d => d.Id == department);
            if (known is null) Errors[F.Department] = "Pick one of this program's departments.";
            else if (!isOwner && known.Contacts.All(c => c.AadObjectId != caller.AadObjectId))
            {
                var own = charter.Departments.Where(d => d.Contacts.Any(c => c.AadObjectId == caller.AadObjectId)).Select(d => d.Name);
                // A card shows an error as the app's Markdown: the names in it are shown as typed.
                Errors[F.Department] = $"You can add touchpoints for your own department ({CardText.Literal(string.Join(", ", own))}).";
            }
        }

        TouchpointChannel channel = default;
        if (Required(F.Channel, "Pick the channel.") is { } channelText && !EnumChoice.TryParse(channelText, out channel))
        {
            Errors[F.Channel] = "Pick one of the listed channels.";
        }
        var customerAction = Text(F.CustomerAction, TextLimits.LongText, required: true);

        var personas = Values.GetValueOrDefault(F.Personas, "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (personas.Length == 0) Errors[F.Personas] = "Pick at least one persona this touchpoint applies to.";
        else if (personas.Any(p => charter.Personas.All(known => known.Id != p))) Errors[F.Personas] = "Pick from this program's personas.";

        int? emotion = null;
        if (Values.TryGetValue(F.Emotion, out var emotionText) && emotionText.Length > 0)
        {
            if (int.TryParse(emotionText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e) && e is >= -2 and <= 2) emotion = e;
            else Errors[F.Emotion] = "The customer's emotion is a number from -2 (very negative) to +2 (very positive).";
        }

        var evidence = Evidence.NotRecorded;
        if (Values.TryGetValue(F.Evidence, out var evidenceText) && evidenceText.Length > 0 && !EnumChoice.TryParse(evidenceText, out evidence))
        {
            Errors[F.Evidence] = "Pick one of the listed kinds of evidence, or \"assumption\".";
        }
        var sourceLink = Text(F.SourceLink, TextLimits.Link);
        if (sourceLink is not null && (!Uri.TryCreate(sourceLink, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
        {
            Errors[F.SourceLink] = "The source link must start with https://.";
        }
        var painPoints = Text(F.PainPoints, TextLimits.LongText);
        var verbatim = Text(F.Verbatim, TextLimits.LongText);
        var deliveredBy = Text(F.DeliveredBy, TextLimits.Name);
        var system = Text(F.SystemOrProcess, TextLimits.LongText);
        var employeePain = Text(F.EmployeePain, TextLimits.LongText);

        if (Errors.Count > 0) return null;
        return new Touchpoint
        {
            Id = touchpointId,
            StageId = stage!,
            DepartmentId = department!,
            Channel = channel,
            CustomerAction = customerAction!,
            PersonaIds = personas,
            Emotion = emotion,
            PainPoints = painPoints,
            PainPointItems = PainPoint.Split(touchpointId, painPoints),
            Evidence = evidence,
            SourceLink = sourceLink,
            Verbatim = verbatim,
            Backstage = deliveredBy is null && system is null && employeePain is null ? null : new Backstage(deliveredBy, system, employeePain),
            CreatedBy = caller,
            CreatedAt = now,
            LastVerifiedOn = DateOnly.FromDateTime(now.UtcDateTime),
        };
    }

    private string? Required(string field, string message)
    {
        if (Errors.ContainsKey(field)) return null;
        if (Values.TryGetValue(field, out var value) && value.Length > 0) return value;
        Errors[field] = message;
        return null;
    }
}
