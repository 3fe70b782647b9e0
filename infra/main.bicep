// JourneyBot: Azure resources for one environment, deployed into an existing resource group.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
//
// The bot authenticates to Bot Framework and to Storage with one user-assigned managed identity:
// no client secrets and no storage account keys exist anywhere (allowSharedKeyAccess is false).

import { storageIpRule } from 'storage-ip.bicep'

targetScope = 'resourceGroup'

@description('Azure region for all regional resources. The Azure Bot itself is always "global".')
param location string = resourceGroup().location

@description('Prefix for resource names (lowercase letters, digits and hyphens).')
@minLength(3)
@maxLength(16)
param namePrefix string = 'journeybot'

@description('Suffix that makes globally unique names (web app host name, storage account, bot handle) unique.')
@minLength(3)
@maxLength(13)
param nameSuffix string = uniqueString(resourceGroup().id)

@description('App Service plan SKU (Linux). Standard and Premium v3 both scale out to the 10 instances allowed below (Basic stops at 3, so it is not offered); Premium v3 gives zone-capable workers.')
@allowed([
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'P0v3'

@description('Number of App Service plan instances (scale-out). The bot keeps no state in memory, so any count works; 10 is the most every offered tier allows.')
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

@description('JourneyBot\'s id in your organisation\'s Teams app catalog (not the manifest id): with it the bot installs itself for people it must reach. Empty until the app is published.')
param teamsAppCatalogId string = ''

@description('Client id of the map tab\'s Entra app registration (exposes access_as_user, Teams clients pre-authorised, v2 tokens; see README). Empty: the map tab says it is not set up.')
param mapClientId string = ''

@description('appOnly: table storage answers only the web app (through its virtual network) and the addresses in adminIpRanges; public: any network, still only with Entra ID sign-in (shared keys are off).')
@allowed([
  'appOnly'
  'public'
])
param storageNetworkAccess string = 'appOnly'

@description('Public IPv4 addresses (203.0.113.7, or 203.0.113.7/32) or ranges of /30 or wider (203.0.113.0/24) allowed to reach table storage when storageNetworkAccess is appOnly: where admins run export and import. Clients in the storage account\'s own region (Cloud Shell there) are not covered by IP rules.')
param adminIpRanges array = []

@description('Tags applied to every resource.')
param tags object = {
  app: 'journeybot'
}

var compactPrefix = toLower(replace(namePrefix, '-', ''))
var storageAccountName = take('st${compactPrefix}${nameSuffix}', 24)
var webAppName = '${namePrefix}-${nameSuffix}'
var botName = '${namePrefix}-bot-${nameSuffix}'

// Built-in role definition ids (same in every tenant).
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

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
    name: 'Standard_LRS'
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
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'asp-${namePrefix}-${nameSuffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: appServicePlanCapacity
  }
  properties: {
    reserved: true // Linux
  }
}

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
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          // The identity's tenant, i.e. tenant().tenantId of this deployment.
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          // Token credential target, not a key-based connection string: shared keys are disabled.
          name: 'ConnectionStrings__Storage'
          value: storage.properties.primaryEndpoints.table
        }
        {
          // Lets DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity.
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          // Set on every deployment from the parameter, so a redeploy keeps it rather than wiping it.
          name: 'Graph__TeamsAppId'
          value: teamsAppCatalogId
        }
        {
          // The audience Teams SSO tokens for the map tab must carry.
          name: 'Map__ClientId'
          value: mapClientId
        }
        {
          // Where cards' "Open the map" deep links point; the default host name, known before the site exists.
          name: 'Map__PublicUrl'
          value: 'https://${webAppName}.azurewebsites.net'
        }
      ]
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
        enabled: true
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
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId // == tenant().tenantId; a symbolic reference keeps use-resource-id-functions quiet
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
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Host name of the web app; pass it to manifest/build-package.sh --host.')
output webAppHostName string = webApp.properties.defaultHostName

@description('Name of the web app (for az webapp deploy).')
output webAppName string = webApp.name

@description('Microsoft App Id of the bot (client id of the managed identity); pass it to manifest/build-package.sh --app-id.')
output botAppId string = identity.properties.clientId

@description('Table endpoint of the storage account (the app\'s ConnectionStrings__Storage).')
output storageTableEndpoint string = storage.properties.primaryEndpoints.table

@description('The map tab\'s page, for the Entra app registration\'s redirect and a quick check in a browser.')
output mapTabUrl string = 'https://${webApp.properties.defaultHostName}/map/'

@description('Application ID URI to set on the map tab\'s Entra app registration (Expose an API), matching the manifest\'s webApplicationInfo.resource.')
output mapSsoResource string = 'api://${webApp.properties.defaultHostName}/botid-${identity.properties.clientId}'

@description('Principal (object) id of the bot\'s managed identity: Graph application roles are granted to it (see README).')
output identityPrincipalId string = identity.properties.principalId
