// Takes the evaluated rules, so the parameter file has a template to be checked against.
param rules string[]

output rules string[] = rules
