// Parameters for one JourneyBot environment.
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// Override any value on the command line, e.g. -p appServicePlanCapacity=3 botSku=S1
using './main.bicep'

param namePrefix = 'journeybot'

// Two Linux P0v3 workers: scale-out from day one, no session affinity needed.
param appServicePlanSku = 'P0v3'
param appServicePlanCapacity = 2

// F0 is free for the Teams channel (a standard channel); switch to S1 for an SLA.
param botSku = 'F0'
param botDisplayName = 'JourneyBot'

param logRetentionInDays = 30

param tags = {
  app: 'journeybot'
}
