using System.Text.Json.Nodes;

namespace JourneyBot.Cards;

public sealed record Choice(string Title, string Value);

// What every input shares: its id, its label and, when required, the message Teams shows before sending.
public abstract record CardInput(string InputId, string Label) : CardElement
{
    public bool IsRequired { get; init; }

    protected sealed override void WriteProperties(JsonObject json)
    {
        json["id"] = InputId;
        json["label"] = Label;
        WriteInput(json);
        if (IsRequired)
        {
            json["isRequired"] = true;
            json["errorMessage"] = $"{Label} is required.";
        }
    }

    protected abstract void WriteInput(JsonObject json);

    // A value of this input as a person reads it (choice titles rather than ids).
    public virtual string Describe(string value) => value;

    protected static string DescribeChoices(IEnumerable<Choice> choices, string value) =>
        string.Join(", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => choices.FirstOrDefault(c => c.Value == v)?.Title ?? v));

    protected static JsonArray ChoicesJson(IEnumerable<Choice> choices) =>
        new(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());
}

public sealed record InputText(string InputId, string Label) : CardInput(InputId, Label)
{
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool IsMultiline { get; init; }
    public int? MaxLength { get; init; }

    protected override string TypeName => "Input.Text";

    protected override void WriteInput(JsonObject json)
    {
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
        if (Placeholder is not null) json["placeholder"] = Placeholder;
        if (IsMultiline) json["isMultiline"] = true;
        if (MaxLength is { } max) json["maxLength"] = max;
    }
}

public sealed record InputChoiceSet(string InputId, string Label, IReadOnlyList<Choice> Choices) : CardInput(InputId, Label)
{
    public string? Value { get; init; }
    public bool IsMultiSelect { get; init; }
    public bool Expanded { get; init; }
    public string? Placeholder { get; init; }

    protected override string TypeName => "Input.ChoiceSet";

    public override string Describe(string value) => DescribeChoices(Choices, value);

    protected override void WriteInput(JsonObject json)
    {
        json["choices"] = ChoicesJson(Choices);
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
        if (IsMultiSelect) json["isMultiSelect"] = true;
        json["style"] = Expanded ? "expanded" : "compact";
        if (Placeholder is not null) json["placeholder"] = Placeholder;
    }
}

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    public string Width { get; init; } = "stretch";

    public JsonObject ToJson() => new()
    {
        ["type"] = "Column",
        ["width"] = Width,
        ["items"] = new JsonArray(Items.Select(i => (JsonNode)i.ToJson()).ToArray()),
    };
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    protected override string TypeName => "ColumnSet";

    protected override void WriteProperties(JsonObject json) =>
        json["columns"] = new JsonArray(Columns.Select(c => (JsonNode)c.ToJson()).ToArray());
}

// Adaptive Cards 1.5 Table: rows of cells, the first row a header.
public sealed record Table(IReadOnlyList<int> ColumnWidths, IReadOnlyList<IReadOnlyList<string>> Rows) : CardElement
{
    protected override string TypeName => "Table";

    protected override void WriteProperties(JsonObject json)
    {
        json["firstRowAsHeader"] = true;
        json["gridStyle"] = "accent";
        json["columns"] = new JsonArray(ColumnWidths.Select(w => (JsonNode)new JsonObject { ["width"] = w }).ToArray());
        json["rows"] = new JsonArray(Rows.Select(row => (JsonNode)new JsonObject
        {
            ["type"] = "TableRow",
            ["cells"] = new JsonArray(row.Select(cell => (JsonNode)new JsonObject
            {
                ["type"] = "TableCell",
                ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = cell, ["wrap"] = true, ["size"] = "small" }),
            }).ToArray()),
        }).ToArray());
    }
}

public sealed record InputNumber(string InputId, string Label) : CardInput(InputId, Label)
{
    public string? Value { get; init; }
    public int? Min { get; init; }
    public int? Max { get; init; }

    protected override string TypeName => "Input.Number";

    protected override void WriteInput(JsonObject json)
    {
        // A value that is not a number (what someone typed before) is left out rather than sent back broken.
        if (double.TryParse(Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) json["value"] = number;
        if (Min is { } min) json["min"] = min;
        if (Max is { } max) json["max"] = max;
    }
}

public sealed record InputTime(string InputId, string Label) : CardInput(InputId, Label)
{
    public string? Value { get; init; }

    protected override string TypeName => "Input.Time";

    protected override void WriteInput(JsonObject json)
    {
        if (Value is { Length: 5 } value && TimeOnly.TryParseExact(value, "HH:mm", out _)) json["value"] = value;
    }
}

public sealed record InputDate(string InputId, string Label) : CardInput(InputId, Label)
{
    public string? Value { get; init; }

    protected override string TypeName => "Input.Date";

    protected override void WriteInput(JsonObject json)
    {
        if (Value is { Length: 10 } value && DateOnly.TryParseExact(value, "yyyy-MM-dd", out _)) json["value"] = value;
    }
}

// Teams' people picker: a ChoiceSet filled from the organisation's directory; its value is AAD object ids.
public sealed record PeoplePicker(string InputId, string Label, IReadOnlyList<Choice> Known) : CardInput(InputId, Label)
{
    public string? Value { get; init; }
    public bool IsMultiSelect { get; init; } = true;

    protected override string TypeName => "Input.ChoiceSet";

    public override string Describe(string value) => DescribeChoices(Known, value);

    protected override void WriteInput(JsonObject json)
    {
        json["isMultiSelect"] = IsMultiSelect;
        json["choices"] = ChoicesJson(Known);
        json["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users" };
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
    }
}
