// JourneyBot's nightly backups: a blob container beside the tables in the app's storage account, where the web
// app's `backup` WebJob (src/JourneyBot/App_Data/jobs/triggered/backup) writes `export --all` as the app's managed
// identity. A module of infra/main.bicep, so it is deployed (and kept) with everything else from the environment's
// parameter file.
//
// The container's storage network rules are the account's (the web app's subnet and adminIpRanges), so nothing new
// is opened. A time-based retention policy keeps every backup unchangeable and undeletable for retentionDays (by
// anyone, the app's identity and admins included); a lifecycle rule deletes it the day after. The account's delete
// lock is main.bicep's (storageDeleteLock).

targetScope = 'resourceGroup'

@description('The app\'s storage account: the name in main.bicep\'s output storageTableEndpoint (https://<name>.table.core.windows.net/).')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Principal id of the web app\'s managed identity (output identityPrincipalId of main.bicep): it may add backups, and by the retention policy never change or delete one.')
@minLength(36)
@maxLength(36)
param identityPrincipalId string

@description('Resource id of that managed identity: names the role assignment, known before deployment.')
param identityResourceId string

@description('Days each backup is kept, unchangeable, before it is deleted.')
@minValue(7)
@maxValue(365)
param retentionDays int = 35

@description('Days a deleted blob or container can still be recovered (soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 14

@description('The backup container; the WebJob writes to <blob endpoint>/journeybot-backups/ unless Backup__Url says otherwise.')
param containerName string = 'journeybot-backups'

// Storage Blob Data Contributor: create blobs in the container (the retention policy forbids the rest).
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

// Unlocked, so retentionDays can still be changed; lock it (az storage container immutability-policy lock) once
// the period is what you want, and not even a subscription owner can shorten it.
resource retention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-06-01' = {
  parent: container
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: retentionDays
    allowProtectedAppendWrites: false
  }
}

resource expiry 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'journeybot-backups-expire'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${containerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: retentionDays + 1
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource writer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(container.id, identityResourceId, blobDataContributorRoleId)
  scope: container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    description: 'JourneyBot backup WebJob: add nightly backups.'
  }
}


@description('Where the WebJob writes backups and where a restore reads them from.')
output backupContainerUrl string = '${storage.properties.primaryEndpoints.blob}${containerName}/'
