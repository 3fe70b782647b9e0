// Evaluated by `bicep build-params` in StorageIpRuleTests: each admin range as the template writes it.
using 'echo.bicep'

import { storageIpRule } from '../../../../infra/storage-ip.bicep'

param rules = [
  storageIpRule('203.0.113.7/32')
  storageIpRule('203.0.113.7')
  storageIpRule(' 198.51.100.9/32 ')
  storageIpRule('203.0.113.0/24')
  storageIpRule('203.0.113.4/30')
]
