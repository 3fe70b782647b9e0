// Parameters for one JourneyBot environment: the template for your own copy, never deployed as it is.
// Copy it once per environment (README: "Deploying to Azure", step 2) and keep every value in that copy:
//   sed "s|^using './main.bicep'|using '../main.bicep'|" infra/main.bicepparam > infra/env/<name>.bicepparam
// Every deployment, the first and each later one, is built from that file alone, so nothing set once is lost.
using './main.bicep'

param namePrefix = 'journeybot'

// The client id of the app registration you created (README step 1): bot, map tab sign-in and Graph in one.
// The placeholder has a GUID's length but not its shape, so a deployment that still carries it stops at once.
param botAppId = 'REPLACE-WITH-APP-REGISTRATION-CLIENT'

// global, or westeurope / centralindia for a bot whose data stays in Europe / India (put location there too).
param botLocation = 'global'

// Two Linux P0v3 workers: scale-out from day one, no session affinity needed. A pilot: B1 and 1.
param appServicePlanSku = 'P0v3'
param appServicePlanCapacity = 2

// F0 is free for the Teams channel (a standard channel); switch to S1 for an SLA.
param botSku = 'F0'
param botDisplayName = 'JourneyBot'

param logRetentionInDays = 30

// true only with an app version whose Azure Monitor exporter signs in with Entra ID (README: Telemetry).
param telemetryEntraOnly = false

param tags = {
  app: 'journeybot'
}

// Table storage answers only the web app (through its virtual network) and these admin addresses (CIDR), where
// `export` and `import` run; 'public' admits any network, still only with Entra ID sign-in.
param storageNetworkAccess = 'appOnly'
param adminIpRanges = []

// Redundancy of the program data, and a lock against deleting the account by mistake.
param storageSku = 'Standard_LRS'
param storageDeleteLock = true

// Table reads are most of the storage log volume (README: Cost); writes and deletes are always logged.
param storageReadLogs = true

// JourneyBot's id in the org's Teams app catalog, once the package is uploaded (README step 6); empty: the bot does
// not install itself for people.
param teamsAppCatalogId = ''

// Your team's guide to JourneyBot, linked from the welcome and help cards (https); empty: none.
param helpUrl = ''

// Scheduled sends: the defaults suit any size of tenant; see README "Configuration" before changing them.
param schedulerEnabled = true
param schedulerTickSeconds = 15
param schedulerLeaseSeconds = 60
param schedulerDrainSeconds = 8
param schedulerParallelism = 64
param tenantSendsPerSecond = 50

// Who hears about alerts, and when they fire.
param alertEmails = []
param alertHttp5xxPerFiveMinutes = 10
param alertExceptionsPerFifteenMinutes = 10
param alertDependencyFailuresPerFifteenMinutes = 20
param alertUnreachablePerDay = 5
param availabilityTestFrequencySeconds = 300
param availabilityTestLocations = [
  'emea-nl-ams-azr'
  'emea-gb-db3-azr'
  'emea-ru-msa-edge'
  'emea-se-sto-edge'
  'emea-fr-pra-edge'
]

// Nightly backups (a blob container beside the tables): kept unchangeable this many days, then deleted.
param backupRetentionDays = 35
