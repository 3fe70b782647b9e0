// Evaluated by `bicep build-params` in ParameterValidationTests: what guid.bicep's isGuid says of each value.
using 'flags.bicep'

import { isGuid } from '../../../../infra/guid.bicep'

param flags = [
  isGuid('1fec8e78-bce4-4aaf-ab1b-5451cc387264')
  isGuid('1FEC8E78-BCE4-4AAF-AB1B-5451CC387264')
  isGuid('REPLACE-WITH-APP-REGISTRATION-CLIENT')
  isGuid('1fec8e78-bce4-4aaf-ab1b-5451cc38726g')
  isGuid('1fec8e78bce44aafab1b5451cc387264----')
  isGuid('1fec8e78-bce4-4aaf-ab1b5-451cc387264')
  isGuid('{1fec8e78-bce4-4aaf-ab1b-5451cc38726}')
  isGuid(' 1fec8e78-bce4-4aaf-ab1b-5451cc387264')
  isGuid('')
  isGuid('not a guid')
]
