// Bicep has no regular expressions. A GUID is checked by its shape instead: 36 characters, five groups of 8-4-4-4-12
// separated by hyphens, hexadecimal digits only. Exported so `bicep build-params` can evaluate it offline in a test;
// main.bicep pairs it with fail(), which only a deployment evaluates.

func groupsOfAGuid(value string) bool => map(split(value, '-'), group => length(group)) == [8, 4, 4, 4, 12]

func onlyHexAndHyphens(value string) bool =>
  empty(filter(
    map(range(0, length(value)), i => substring(toLower(value), i, 1)),
    c => !contains('0123456789abcdef-', c)
  ))

// The ternary keeps the character walk away from strings of another length (ARM's and() evaluates both sides).
@export()
@description('True when the value is a GUID such as 1fec8e78-bce4-4aaf-ab1b-5451cc387264 (either case).')
func isGuid(value string) bool => length(value) == 36 ? groupsOfAGuid(value) && onlyHexAndHyphens(value) : false
