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

// Table storage answers only the web app (through its virtual network) and these admin addresses (CIDR), where
// `export` and `import` run; 'public' admits any network, still only with Entra ID sign-in.
param storageNetworkAccess = 'appOnly'
param adminIpRanges = []

// JourneyBot's id in the org's Teams app catalog, once the package is uploaded (empty: the bot does not install
// itself for people). Deploy again with -p teamsAppCatalogId=<id>.
param teamsAppCatalogId = ''

// Client id of the map tab's Entra app registration (README: "The map tab and its sign-in"). Deploy again with
// -p mapClientId=<id> once it exists.
param mapClientId = ''
