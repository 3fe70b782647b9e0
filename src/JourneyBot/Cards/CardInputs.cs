using System.Text.Json.Nodes;

namespace JourneyBot.Cards;

public sealed record Choice(string Title, string Value);

public sealed record InputText(string InputId, string Label) : CardElement
{
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public bool IsRequired { get; init; }

    protected override string TypeName => "Input.Text";

    protected override void WriteProperties(JsonObject json)
    {
        json["id"] = InputId;
        json["label"] = Label;
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
        if (Placeholder is not null) json["placeholder"] = Placeholder;
        if (IsMultiline) json["isMultiline"] = true;
        if (MaxLength is { } max) json["maxLength"] = max;
        if (IsRequired)
        {
            json["isRequired"] = true;
            json["errorMessage"] = $"{Label} is required.";
        }
    }
}

public sealed record InputChoiceSet(string InputId, string Label, IReadOnlyList<Choice> Choices) : CardElement
{
    public string? Value { get; init; }
    public bool IsMultiSelect { get; init; }
    public bool Expanded { get; init; }
    public bool IsRequired { get; init; }
    public string? Placeholder { get; init; }

    protected override string TypeName => "Input.ChoiceSet";

    protected override void WriteProperties(JsonObject json)
    {
        json["id"] = InputId;
        json["label"] = Label;
        json["choices"] = new JsonArray(Choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
        if (IsMultiSelect) json["isMultiSelect"] = true;
        json["style"] = Expanded ? "expanded" : "compact";
        if (Placeholder is not null) json["placeholder"] = Placeholder;
        if (IsRequired)
        {
            json["isRequired"] = true;
            json["errorMessage"] = $"{Label} is required.";
        }
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
