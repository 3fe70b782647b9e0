// JourneyBot's alerts: what tells an operator that people are not being served, before they say so.
// Deployed by main.bicep as a module; every rule notifies one action group.
//
// Log alerts read what the app itself reports. Its OpenTelemetry metrics and logs reach Application Insights through
// the Azure Monitor distro: counters land in customMetrics under their instrument name, with their tags in
// customDimensions; log records land in traces, with the logger's category in customDimensions.CategoryName.
// tests/JourneyBot.Tests/Deployment/AlertTests.cs reads those names from the source, so renaming one breaks the test.

targetScope = 'resourceGroup'

@description('Region of the log alerts, the availability test and the resources they watch.')
param location string

@description('Prefix and suffix of resource names, as in main.bicep.')
param namePrefix string
param nameSuffix string

param tags object

@description('Email addresses the action group notifies. Empty: alerts still fire and show in Azure Monitor > Alerts.')
param alertEmails string[]

param appInsightsId string
param workspaceId string
param webAppId string
param tableServiceId string

@description('https address of /healthz, probed by the availability test.')
param healthUrl string

@description('Availability test locations (Application Insights location ids).')
param availabilityTestLocations string[]

@description('Seconds between runs of the availability test, per location.')
param availabilityTestFrequencySeconds int

@minValue(1)
param http5xxPerFiveMinutes int

@minValue(1)
param exceptionsPerFifteenMinutes int

@minValue(1)
param dependencyFailuresPerFifteenMinutes int

@minValue(1)
param unreachablePerDay int

var baseName = '${namePrefix}-${nameSuffix}'

// Always created, even with no one to notify: the rules need a group to name, and receivers added later in the
// parameter file reach every rule at once.
resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${baseName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(namePrefix, 12)
    enabled: true
    emailReceivers: [
      for (email, i) in alertEmails: {
        name: 'email-${i}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = [
  {
    actionGroupId: actionGroup.id
  }
]

// App Service probes /healthz on every instance; below 100 % some instance cannot reach its tables.
resource healthCheckAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${baseName}-health-check'
  location: 'global'
  tags: tags
  properties: {
    description: 'An instance answers /healthz with an error: storage is missing or unreachable from it.'
    severity: 1
    enabled: true
    scopes: [
      webAppId
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'health'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: 'HealthCheckStatus'
          timeAggregation: 'Average'
          operator: 'LessThan'
          threshold: 100
        }
      ]
    }
    actions: actions
  }
}

// The app answers 503 when a dependency is out and 500 for its own faults; either way people saw an apology.
resource http5xxAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${baseName}-http-5xx'
  location: 'global'
  tags: tags
  properties: {
    description: 'The web app answered 5xx more often than usual in five minutes.'
    severity: 2
    enabled: true
    scopes: [
      webAppId
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'http5xx'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: 'Http5xx'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: http5xxPerFiveMinutes
        }
      ]
    }
    actions: actions
  }
}

resource exceptionsAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${baseName}-exceptions'
  location: 'global'
  tags: tags
  properties: {
    description: 'Application Insights recorded more exceptions than usual in fifteen minutes.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'exceptions'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'microsoft.insights/components'
          metricName: 'exceptions/count'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: exceptionsPerFifteenMinutes
        }
      ]
    }
    actions: actions
  }
}

// Table storage answers 503 (ServerBusyError) or refuses requests over the account's scale targets; the app retries,
// but sustained throttling is slow turns and late reminders.
resource storageThrottlingAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${baseName}-storage-throttling'
  location: 'global'
  tags: tags
  properties: {
    description: 'Table storage throttled requests (server busy or over the account\'s scale targets).'
    severity: 2
    enabled: true
    scopes: [
      tableServiceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'throttled'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.Storage/storageAccounts/tableServices'
          metricName: 'Transactions'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
          dimensions: [
            {
              name: 'ResponseType'
              operator: 'Include'
              values: [
                'ServerBusyError'
                'ClientThrottlingError'
                'ClientAccountRequestThrottlingError'
                'ClientAccountBandwidthThrottlingError'
              ]
            }
          ]
        }
      ]
    }
    actions: actions
  }
}

// From outside Azure's network, the way Teams reaches the bot: catches what the platform's own probe cannot (DNS,
// certificates, the whole app down).
resource availabilityTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'webtest-${baseName}-healthz'
  location: location
  tags: union(tags, {
    'hidden-link:${appInsightsId}': 'Resource'
  })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'webtest-${baseName}-healthz'
    Name: 'JourneyBot /healthz'
    Description: 'GET /healthz must answer 200 (every table answers) with a valid certificate.'
    Enabled: true
    Kind: 'standard'
    Frequency: availabilityTestFrequencySeconds
    Timeout: 30
    RetryEnabled: true
    Locations: [
      for id in availabilityTestLocations: {
        Id: id
      }
    ]
    Request: {
      RequestUrl: healthUrl
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

// Two failing locations, not one, so a single location's network hiccup does not page anyone.
resource availabilityAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${baseName}-availability'
  location: 'global'
  tags: union(tags, {
    'hidden-link:${appInsightsId}': 'Resource'
    'hidden-link:${availabilityTest.id}': 'Resource'
  })
  properties: {
    description: '/healthz failed from several availability test locations.'
    severity: 1
    enabled: true
    scopes: [
      availabilityTest.id
      appInsightsId
    ]
    evaluationFrequency: 'PT1M'
    // The smallest window that holds one run of the test (there is no 10-minute window).
    windowSize: availabilityTestFrequencySeconds == 300 ? 'PT5M' : 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: availabilityTest.id
      componentId: appInsightsId
      failedLocationCount: min(2, length(availabilityTestLocations))
    }
    actions: actions
  }
}

var logAlertActions = {
  actionGroups: [
    actionGroup.id
  ]
}

// cause = code: a fault in JourneyBot itself (Protocol/TurnFailure.cs); one is already a bug report.
resource turnsFailedInCodeAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${baseName}-turns-failed-code'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'JourneyBot: turns failed in its own code'
    description: 'journeybot.turns.failed with cause=code: find the turn by its activity id (README: Telemetry).'
    severity: 1
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: '''
customMetrics
| where name == "journeybot.turns.failed"
| where tostring(customDimensions["cause"]) == "code"
| summarize failed = sum(valueSum)
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'failed'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: logAlertActions
  }
}

// cause = dependency: storage, the connector or a token service did not answer; a few are weather, many are an outage.
resource turnsFailedOnDependenciesAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${baseName}-turns-failed-dependency'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'JourneyBot: turns failed because a dependency did not answer'
    description: 'journeybot.turns.failed with cause=dependency above the usual rate: storage, connector or tokens.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: '''
customMetrics
| where name == "journeybot.turns.failed"
| where tostring(customDimensions["cause"]) == "dependency"
| summarize failed = sum(valueSum)
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'failed'
          operator: 'GreaterThan'
          threshold: dependencyFailuresPerFifteenMinutes
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: logAlertActions
  }
}

// The scheduler gives a send up after its last attempt, or stops one that left with no answer (it may have arrived,
// so it is not sent twice). Either way a reminder or card may never have reached its person.
resource sendsUndeliveredAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${baseName}-sends-undelivered'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'JourneyBot: scheduled sends that could not be delivered'
    description: 'The scheduler gave a send up, or a send got no answer and is not sent again.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: '''
traces
| where tostring(customDimensions["CategoryName"]) == "JourneyBot.Scheduling.SendLifecycle"
| where message has "was given up" or message has "is not sent again"
| summarize undelivered = count()
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'undelivered'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: logAlertActions
  }
}

// The app records someone it cannot reach as an `unreachable|<person>` row of the program's partition and emits
// no telemetry for it, so the table service's own write log is where their number can be seen growing. The
// workspace may not have the table yet when this is created (logs arrive later), hence skipQueryValidation.
resource unreachablePeopleAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${baseName}-unreachable-people'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'JourneyBot: more people could not be reached'
    description: 'People recorded as unreachable in a day (owners see who and why on the program card).'
    severity: 3
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'P1D'
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: '''
StorageTableLogs
| where OperationName in ("InsertOrReplaceEntity", "InsertOrMergeEntity")
| where StatusCode between (200 .. 299)
| where Uri has "Programs" and Uri contains "unreachable"
| summarize people = dcount(Uri)
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'people'
          operator: 'GreaterThanOrEqual'
          threshold: unreachablePerDay
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: logAlertActions
  }
}

@description('Resource id of the action group every alert notifies.')
output actionGroupId string = actionGroup.id
