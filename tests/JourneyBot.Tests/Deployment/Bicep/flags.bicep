// Takes the evaluated checks, so the parameter file has a template to be checked against.
param flags bool[]

output flags bool[] = flags
