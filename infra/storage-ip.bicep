// Azure Storage's network rules take a bare IPv4 address or a CIDR range of /30 or wider; it refuses /31 and /32
// (InvalidValuesForRequestParameters). A /32 is the address itself, so it is written as the bare address.
@export()
@description('The storage IP rule for an admin address or range: trimmed, /32 written as the bare address.')
func storageIpRule(range string) string =>
  endsWith(trim(range), '/32') ? substring(trim(range), 0, max(0, length(trim(range)) - 3)) : trim(range)
