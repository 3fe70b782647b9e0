// JourneyBot: Azure resources for one environment, deployed into an existing resource group from that environment's
// own parameter file (README: "Deploying to Azure"), the only way it is deployed, so a redeploy keeps every value:
//
//   az deployment group create -g <rg> -f infra/main.json -p @infra/env/<name>.parameters.json
//
// One Entra app registration (botAppId) is the identity of the bot, the map tab's sign-in and Graph. It has no secret:
// a federated identity credential on it trusts the user-assigned managed identity created here, which the web app
// exchanges for the registration's tokens. Storage uses the managed identity directly; no client secret and no
// storage account key exists anywhere (allowSharedKeyAccess is false).

import { storageIpRule } from 'storage-ip.bicep'
import { isGuid } from 'guid.bicep'

targetScope = 'resourceGroup'

@description('Azure region for all regional resources (the Azure Bot has its own, botLocation).')
param location string = resourceGroup().location

@description('Prefix for resource names (lowercase letters, digits and hyphens).')
@minLength(3)
@maxLength(16)
param namePrefix string = 'journeybot'

@description('Suffix that makes globally unique names (web app host name, storage account, bot handle) unique.')
@minLength(3)
@maxLength(13)
param nameSuffix string = uniqueString(resourceGroup().id)

@description('Client id of the Entra app registration that is the bot, the map tab\'s SSO audience and the Graph caller (single tenant, v2 tokens, no secret; README step 1).')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Where the Azure Bot keeps and processes its data: global, or regional (Europe, India) for data residency. Host the rest (location) in the same geography.')
@allowed([
  'global'
  'westeurope'
  'centralindia'
])
param botLocation string = 'global'

@description('App Service plan SKU (Linux). Basic (B*) suits a pilot: at most 3 instances, no deployment slots. Standard and Premium v3 scale out to 10; Premium v3 gives zone-capable workers.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'P0v3'

@description('Number of App Service plan instances (scale-out). The bot keeps no state in memory, so any count works; Basic allows 3, the others 10.')
@minValue(1)
@maxValue(10)
param appServicePlanCapacity int = 2

@description('Azure Bot pricing tier. F0 is free (limited premium-channel messages); S1 is the paid standard tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the Azure Bot resource.')
@maxLength(42)
param botDisplayName string = 'JourneyBot'

@description('Days Log Analytics keeps logs and Application Insights telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Application Insights accepts only telemetry signed in with Entra ID (local auth off). The app always signs in as the managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), so this changes only what else may send.')
param telemetryEntraOnly bool = false

@description('JourneyBot\'s id in your organisation\'s Teams app catalog (a GUID, not the manifest id): with it the bot installs itself for people it must reach. Empty until the app is uploaded.')
param teamsAppCatalogId string = ''

@description('https link to your team\'s guide to JourneyBot, offered on the welcome and help cards. Empty: none.')
param helpUrl string = ''

@description('Whether instances run the scheduler (nudges, reminders, progress cards). false stops every scheduled send, e.g. during maintenance.')
param schedulerEnabled bool = true

@description('How often an instance looks for due sends, in seconds.')
@minValue(1)
@maxValue(300)
param schedulerTickSeconds int = 15

@description('How long a claimed send is held before another instance may take it over, in seconds (at least schedulerTickSeconds).')
@minValue(1)
@maxValue(3600)
param schedulerLeaseSeconds int = 60

@description('On shutdown, how long sends already on their way may take to finish, in seconds.')
@minValue(0)
@maxValue(120)
param schedulerDrainSeconds int = 8

@description('Sends in flight (or waiting for a rate-limit slot) per instance, all tenants together.')
@minValue(1)
@maxValue(256)
param schedulerParallelism int = 64

@description('Teams\' per-app, per-tenant send limit per second, shared evenly by the live instances. Lower it to leave room for other apps of yours.')
@minValue(1)
@maxValue(1000)
param tenantSendsPerSecond int = 50

@description('appOnly: table storage answers only the web app (through its virtual network) and the addresses in adminIpRanges; public: any network, still only with Entra ID sign-in (shared keys are off).')
@allowed([
  'appOnly'
  'public'
])
param storageNetworkAccess string = 'appOnly'

@description('Public IPv4 addresses (203.0.113.7, or 203.0.113.7/32) or ranges of /30 or wider (203.0.113.0/24) allowed to reach table storage when storageNetworkAccess is appOnly: where admins run export and import. Clients in the storage account\'s own region (Cloud Shell there) are not covered by IP rules.')
param adminIpRanges array = []

@description('Storage redundancy: LRS (3 copies, one datacenter), ZRS (3 zones), GRS (plus a copy in the paired region), GZRS (both). Moving to or from a zone-redundant SKU later is a conversion, not a redeploy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('A CanNotDelete lock on the storage account, so deleting it (or its resource group) needs the lock removed first. false does not remove an existing lock: az lock delete does (README: Offboarding).')
param storageDeleteLock bool = true

@description('Days each nightly backup is kept, unchangeable (a time-based retention policy), before it is deleted.')
@minValue(7)
@maxValue(365)
param backupRetentionDays int = 35

@description('Email addresses alerts go to. Empty: alerts fire and show in Azure Monitor > Alerts only.')
param alertEmails string[] = []

@description('Alert when the web app answers more 5xx than this in five minutes.')
@minValue(1)
param alertHttp5xxPerFiveMinutes int = 10

@description('Alert when Application Insights records more exceptions than this in fifteen minutes.')
@minValue(1)
param alertExceptionsPerFifteenMinutes int = 10

@description('Alert when more turns than this fail in fifteen minutes because storage, the connector or a token service did not answer.')
@minValue(1)
param alertDependencyFailuresPerFifteenMinutes int = 20

@description('Alert when at least this many people are recorded as unreachable in a day.')
@minValue(1)
param alertUnreachablePerDay int = 5

@description('Where the availability test probes /healthz from (Application Insights location ids; five is Microsoft\'s recommended minimum). The default stays in Europe.')
@allowed([
  'emea-nl-ams-azr'
  'emea-gb-db3-azr'
  'emea-ru-msa-edge'
  'emea-se-sto-edge'
  'emea-fr-pra-edge'
  'emea-ch-zrh-edge'
  'us-va-ash-azr'
  'us-fl-mia-edge'
  'us-tx-sn1-azr'
  'us-il-ch1-azr'
  'us-ca-sjc-azr'
  'apac-sg-sin-azr'
  'apac-hk-hkn-azr'
  'apac-jp-kaw-edge'
  'latam-br-gru-edge'
  'emea-au-syd-edge'
])
param availabilityTestLocations string[] = [
  'emea-nl-ams-azr'
  'emea-gb-db3-azr'
  'emea-ru-msa-edge'
  'emea-se-sto-edge'
  'emea-fr-pra-edge'
]

@description('How often each location runs the availability test, in seconds; each run is billed.')
@allowed([
  300
  600
  900
])
param availabilityTestFrequencySeconds int = 300

@description('Log every table read to Log Analytics. Reads are most table requests (the scheduler reads its due index every tick on every instance, all day), so false saves most of the storage log ingestion; writes and deletes are always logged.')
param storageReadLogs bool = true

@description('Tags applied to every resource.')
param tags object = {
  app: 'journeybot'
}

// Checked before anything is deployed: ARM evaluates variables that read only parameters when it validates the
// template, so a bad value fails the whole deployment with this message and changes nothing. Bicep has no regex,
// hence guid.bicep's shape check; the unit test evaluates isGuid offline, fail() only runs in Azure.
var checkedBotAppId = isGuid(botAppId)
  ? botAppId
  : fail('botAppId must be the app registration\'s client id, a GUID (README: "Deploying to Azure", step 1).')
var checkedCatalogId = empty(teamsAppCatalogId) || isGuid(teamsAppCatalogId)
  ? teamsAppCatalogId
  : fail('teamsAppCatalogId must be empty or the GUID the Teams app catalog gave JourneyBot (not the manifest id).')
var checkedHelpUrl = empty(helpUrl) || startsWith(helpUrl, 'https://')
  ? helpUrl
  : fail('helpUrl must be empty or an absolute https address.')
var checkedLeaseSeconds = schedulerLeaseSeconds >= schedulerTickSeconds
  ? schedulerLeaseSeconds
  : fail('schedulerLeaseSeconds must be at least schedulerTickSeconds, or a claim could expire before its send.')
var checkedCapacity = startsWith(appServicePlanSku, 'B') && appServicePlanCapacity > 3
  ? fail('A Basic (B*) App Service plan runs at most 3 instances: lower appServicePlanCapacity or pick S* or P*v3.')
  : appServicePlanCapacity

// A regional bot keeps the channel's token issuer and signing keys: only the Bot Framework token service for user
// OAuth sign-in is regional (europe.token.botframework.com, india.token.botframework.com), and JourneyBot uses none
// (the map tab signs in with Entra ID, the connector token comes from Entra ID). Written out so a redeploy shows it.
var channelOpenIdMetadataUrl = 'https://login.botframework.com/v1/.well-known/openidconfiguration'
var channelTokenIssuer = 'https://api.botframework.com'

var compactPrefix = toLower(replace(namePrefix, '-', ''))
var storageAccountName = take('st${compactPrefix}${nameSuffix}', 24)
var webAppName = '${namePrefix}-${nameSuffix}'
var botName = '${namePrefix}-bot-${nameSuffix}'

// Built-in role definition ids (same in every tenant).
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a2e-5fba6c2eb2b9'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${namePrefix}-${nameSuffix}'
  location: location
  tags: tags
}

// The web app reaches storage from this network; storage admits it by its subnet (a service endpoint).
resource network 'Microsoft.Network/virtualNetworks@2024-07-01' = {
  name: 'vnet-${namePrefix}-${nameSuffix}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.40.0.0/24'
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.0.0/26'
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
          ]
        }
      }
    ]
  }
}

var appSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', network.name, 'app')
var adminIpRules = [
  for range in adminIpRanges: {
    value: storageIpRule(range)
    action: 'Allow'
  }
]

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: storageNetworkAccess == 'appOnly'
      ? {
          defaultAction: 'Deny'
          bypass: 'AzureServices'
          virtualNetworkRules: [
            {
              id: appSubnetId
              action: 'Allow'
            }
          ]
          ipRules: adminIpRules
        }
      : {
          defaultAction: 'Allow'
          bypass: 'AzureServices'
        }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

// Every program lives in this account; a lock turns a slip (deleting the account or its resource group) into an
// error. Locks guard the control plane only: the app's reads and writes are unaffected.
resource storageLock 'Microsoft.Authorization/locks@2020-05-01' = if (storageDeleteLock) {
  name: 'journeybot-program-data'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'JourneyBot\'s program data. Remove this lock before deleting the account (README: Offboarding).'
  }
}

// The nightly backups' container beside the tables (the WebJob in the published app writes there).
module backups 'backup-job.bicep' = {
  name: 'journeybot-backups'
  params: {
    storageAccountName: storage.name
    identityPrincipalId: identity.properties.principalId
    identityResourceId: identity.id
    retentionDays: backupRetentionDays
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'JourneyBot web app: read/write program, touchpoint and reminder tables.'
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-${namePrefix}-${nameSuffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${namePrefix}-${nameSuffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    RetentionInDays: logRetentionInDays
    DisableLocalAuth: telemetryEntraOnly
  }
}

// Lets the app's identity send telemetry with Entra ID, which is all Application Insights accepts once local auth is
// off; granted either way so turning telemetryEntraOnly on is one parameter.
resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'JourneyBot web app: send traces, metrics and logs to Application Insights with Entra ID.'
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'asp-${namePrefix}-${nameSuffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: checkedCapacity
  }
  properties: {
    reserved: true // Linux
  }
}

var publicUrl = 'https://${webAppName}.azurewebsites.net'

// The whole list is written on every deployment (App Service replaces it): every value comes from a parameter or
// from this template, so the environment's parameter file is the one place a setting lives.
var appSettings = [
  {
    // SingleTenant with a managed identity client id and no password: the app signs in as the app registration
    // through its federated identity credential (an assertion from the managed identity, audience
    // api://AzureADTokenExchange, exchanged for the registration's token).
    name: 'MicrosoftAppType'
    value: 'SingleTenant'
  }
  {
    name: 'MicrosoftAppId'
    value: checkedBotAppId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenant().tenantId
  }
  {
    name: 'MicrosoftAppManagedIdentityClientId'
    value: identity.properties.clientId
  }
  {
    // Token credential target, not a key-based connection string: shared keys are disabled.
    name: 'ConnectionStrings__Storage'
    value: storage.properties.primaryEndpoints.table
  }
  {
    // Storage (and any DefaultAzureCredential) signs in as the user-assigned managed identity itself.
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    // Telemetry signs in as the managed identity (Operations/Telemetry.cs reads this), ready for local auth off.
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
  }
  {
    name: 'Graph__TeamsAppId'
    value: checkedCatalogId
  }
  {
    // Tab SSO tokens are for the same registration: one id is the bot, the SSO audience and webApplicationInfo.id.
    name: 'Map__ClientId'
    value: checkedBotAppId
  }
  {
    // Where cards' "Open the map" deep links point; the default host name, known before the site exists.
    name: 'Map__PublicUrl'
    value: publicUrl
  }
  {
    name: 'Bot__HelpUrl'
    value: checkedHelpUrl
  }
  {
    name: 'Bot__OpenIdMetadataUrl'
    value: channelOpenIdMetadataUrl
  }
  {
    name: 'Bot__TokenIssuer'
    value: channelTokenIssuer
  }
  {
    name: 'Bot__TenantSendsPerSecond'
    value: string(tenantSendsPerSecond)
  }
  {
    name: 'Scheduler__Enabled'
    value: string(schedulerEnabled)
  }
  {
    name: 'Scheduler__TickSeconds'
    value: string(schedulerTickSeconds)
  }
  {
    name: 'Scheduler__LeaseSeconds'
    value: string(checkedLeaseSeconds)
  }
  {
    name: 'Scheduler__DrainSeconds'
    value: string(schedulerDrainSeconds)
  }
  {
    name: 'Scheduler__Parallelism'
    value: string(schedulerParallelism)
  }
]

resource webApp 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: appSubnetId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      // Outbound traffic (storage included) leaves through the virtual network, where storage admits it.
      vnetRouteAllEnabled: true
      // Explicit, so the platform never guesses which assembly of the zip is the app.
      appCommandLine: 'dotnet JourneyBot.dll'
      appSettings: appSettings
    }
  }
  dependsOn: [
    // The app talks to storage on start-up; make sure it is allowed to.
    tableDataContributor
  ]
}

// Deployments use Entra ID (az webapp deploy with the deployer's sign-in): no FTP or basic-auth publishing.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'StorageRead'
        enabled: storageReadLogs
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: botLocation
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'SingleTenant'
    msaAppId: checkedBotAppId
    // The identity's tenant is tenant().tenantId; the symbolic reference keeps use-resource-id-functions quiet.
    msaAppTenantId: identity.properties.tenantId
  }
}

resource botDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: bot
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'BotRequest'
        enabled: true
      }
    ]
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

module alerts 'alerts.bicep' = {
  name: 'journeybot-alerts'
  params: {
    location: location
    namePrefix: namePrefix
    nameSuffix: nameSuffix
    tags: tags
    alertEmails: alertEmails
    appInsightsId: appInsights.id
    workspaceId: logAnalytics.id
    webAppId: webApp.id
    tableServiceId: tableService.id
    healthUrl: 'https://${webApp.properties.defaultHostName}/healthz'
    availabilityTestLocations: availabilityTestLocations
    availabilityTestFrequencySeconds: availabilityTestFrequencySeconds
    http5xxPerFiveMinutes: alertHttp5xxPerFiveMinutes
    exceptionsPerFifteenMinutes: alertExceptionsPerFifteenMinutes
    dependencyFailuresPerFifteenMinutes: alertDependencyFailuresPerFifteenMinutes
    unreachablePerDay: alertUnreachablePerDay
  }
}

@description('Host name of the web app; pass it to manifest/build-package.sh --host.')
output webAppHostName string = webApp.properties.defaultHostName

@description('Name of the web app (for az webapp deploy).')
output webAppName string = webApp.name

@description('The app registration\'s client id the bot was deployed with; pass it to manifest/build-package.sh --app-id.')
output botAppId string = checkedBotAppId

@description('Table endpoint of the storage account (the app\'s ConnectionStrings__Storage).')
output storageTableEndpoint string = storage.properties.primaryEndpoints.table

@description('The map tab\'s page, for a quick check in a browser.')
output mapTabUrl string = 'https://${webApp.properties.defaultHostName}/map/'

@description('Application ID URI to set on the app registration (Expose an API), matching the manifest\'s webApplicationInfo.resource.')
output mapSsoResource string = 'api://${webApp.properties.defaultHostName}/${checkedBotAppId}'

@description('Principal (object) id of the managed identity: the subject of the app registration\'s federated identity credential.')
output identityPrincipalId string = identity.properties.principalId

@description('Issuer of the federated identity credential: Entra ID\'s v2 token endpoint of this tenant.')
output federatedCredentialIssuer string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'

@description('The action group every alert notifies (add receivers through alertEmails in the parameter file).')
output alertActionGroupId string = alerts.outputs.actionGroupId

@description('Where the nightly backup WebJob writes, and where a restore reads from.')
output backupContainerUrl string = backups.outputs.backupContainerUrl
